package dev.scimsync.validate;

import dev.scimsync.input.CsvRow;
import dev.scimsync.input.InvisibleCharacters;
import dev.scimsync.input.InputKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every identity column of every input, against whole classes of bad values: invisible characters, control
 * characters, spaces other than the ASCII space, over-long values; and the free-text columns, which may keep
 * joiners but never control characters.
 */
class IdentityKeyRulesTest {

    /** An identity column, with a valid row of its file that the column's value is put into. */
    record KeyColumn(InputKind kind, String column, String header, List<String> valid, int max,
                     Function<CsvRow, Validated<?>> validator) {

        int index() {
            return Arrays.asList(header.split(",")).indexOf(column);
        }

        String validValue() {
            return valid.get(index());
        }

        @Override
        public String toString() {
            return kind.id() + "." + column;
        }
    }

    static List<KeyColumn> keyColumns() {
        UserRowValidator users = new UserRowValidator();
        TeamRowValidator teams = new TeamRowValidator();
        MembershipRowValidator members = new MembershipRowValidator();
        RoleRowValidator roles = new RoleRowValidator();
        String userHeader = "email,username,display_name,org_role,active";
        List<String> user = List.of("alice@example.com", "alice", "Alice Ng", "member", "true");
        String memberHeader = "team,email,role";
        List<String> member = List.of("research", "alice@example.com", "auditor");
        String roleHeader = "name,inherited_from,permissions,description";
        List<String> role = List.of("auditor", "viewer", "run:read", "Auditors");
        return List.of(
                new KeyColumn(InputKind.USERS, "email", userHeader, user, 254, users::process),
                new KeyColumn(InputKind.USERS, "username", userHeader, user, 64, users::process),
                new KeyColumn(InputKind.TEAMS, "team", "team", List.of("research"), 128, teams::process),
                new KeyColumn(InputKind.MEMBERSHIPS, "team", memberHeader, member, 128, members::process),
                new KeyColumn(InputKind.MEMBERSHIPS, "email", memberHeader, member, 254, members::process),
                new KeyColumn(InputKind.MEMBERSHIPS, "role", memberHeader, member, 64, members::process),
                new KeyColumn(InputKind.ROLES, "name", roleHeader, role, 64, roles::process));
    }

    @ParameterizedTest
    @MethodSource("keyColumns")
    void theValidRowOfEachColumnPasses(KeyColumn key) {
        assertThat(key.validator().apply(row(key, key.validValue())).valid()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("keyColumns")
    void everyInvisibleControlOrSpaceCharacterMakesTheRowInvalidAndIsShownAsACodePoint(KeyColumn key) {
        List<String> missed = new ArrayList<>();
        String value = key.validValue();
        for (int c : InvisibleCharacters.forbidden()) {
            String ch = Character.toString(c);
            String code = String.format("U+%04X", c);
            for (String polluted : List.of(value + ch, ch + value, value.charAt(0) + ch + value.substring(1))) {
                Validated<?> result = key.validator().apply(row(key, polluted));
                String reasons = result.errors().toString();
                if (result.valid() || !reasons.contains("<" + code + ">") || !reasons.contains("column " + key.column())) {
                    missed.add(code + ": " + reasons);
                }
            }
        }
        assertThat(missed).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("keyColumns")
    void asciiSpacesAroundAKeyAreTrimmed(KeyColumn key) {
        assertThat(key.validator().apply(row(key, "  " + key.validValue() + "   ")).valid()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("keyColumns")
    void aKeyIsBoundedAndAHugeOneCostsOneShortMessage(KeyColumn key) {
        String atMax = key.column().equals("email") ? "a".repeat(key.max() - 12) + "@example.com"
                : "a".repeat(key.max());
        assertThat(key.validator().apply(row(key, atMax)).valid()).as("at the maximum").isTrue();
        for (int length : List.of(key.max() + 1, 400, 2_000_000)) {
            Validated<?> result = key.validator().apply(row(key, atMax + "a".repeat(length - key.max())));
            assertThat(result.valid()).as("%d characters", length).isFalse();
            assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.reason())
                    .contains(length + " characters (at most " + key.max() + ")").hasSizeLessThan(300));
        }
    }

    @ParameterizedTest
    @MethodSource("notAnAddressAlone")
    void anEmailMustBeTheAddressAlone(String email, String hint) {
        for (KeyColumn key : keyColumns()) {
            if (key.column().equals("email")) {
                Validated<?> result = key.validator().apply(row(key, email));
                assertThat(result.valid()).as(key + " " + email).isFalse();
                assertThat(result.errors().toString()).contains(hint);
            }
        }
    }

    static List<Object[]> notAnAddressAlone() {
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {"Alice Ng <alice@example.com>", "write the address alone: 'alice@example.com'"});
        cases.add(new Object[] {"<alice@example.com>", "write the address alone: 'alice@example.com'"});
        cases.add(new Object[] {"mailto:alice@example.com", "remove the mailto: prefix"});
        cases.add(new Object[] {"MailTo:alice@example.com", "remove the mailto: prefix"});
        cases.add(new Object[] {"alice@example.com bob@example.com", "contains a space"});
        for (char c : "<>;:,()[]\\\"".toCharArray()) {
            cases.add(new Object[] {"alice" + c + "@example.com", "contains '" + c + "'"});
            cases.add(new Object[] {"alice@example.com" + c, "contains '" + c + "'"});
        }
        return cases;
    }

    @Test
    void displayNamesAndDescriptionsKeepJoinersButNeverControlCharacters() {
        UserRowValidator users = new UserRowValidator();
        RoleRowValidator roles = new RoleRowValidator();
        for (String text : List.of("👩\u200D💻 Ann", "می\u200Cخواهم", "Ann\u00A0Lee")) {
            assertThat(users.process(row(InputKind.USERS, "email,display_name", "a@example.com", text)).valid())
                    .as(text).isTrue();
            assertThat(roles.process(row(InputKind.ROLES, "name,inherited_from,description", "r", "viewer", text))
                    .valid()).as(text).isTrue();
        }
        for (int c = 0; c <= 0x9F; c++) {
            if (Character.getType(c) != Character.CONTROL) {
                continue;
            }
            String text = "Ann" + (char) c + "Lee";
            String code = String.format("<U+%04X>", c);
            assertThat(users.process(row(InputKind.USERS, "email,display_name", "a@example.com", text)).errors()
                    .toString()).as(code).contains(code);
            assertThat(roles.process(row(InputKind.ROLES, "name,inherited_from,description", "r", "viewer", text))
                    .errors().toString()).as(code).contains(code);
        }
    }

    @Test
    void aHugeValueInAColumnTheJobDoesNotUseNeverFailsTheRow() {
        String huge = "x".repeat(1_200_000);
        assertThat(new UserRowValidator().process(row(InputKind.USERS, "email,notes", "a@example.com", huge)).valid())
                .isTrue();
        assertThat(new TeamRowValidator().process(row(InputKind.TEAMS, "team,notes", "research", huge)).valid())
                .isTrue();
    }

    @Test
    void aHugeCellInAFreeTextOrValueColumnIsOneShortError() {
        String huge = "x".repeat(2_000_000);
        for (String column : List.of("display_name", "org_role", "active")) {
            Validated<?> result = new UserRowValidator().process(row(InputKind.USERS, "email," + column,
                    "a@example.com", huge));
            assertThat(result.errors()).as(column).singleElement()
                    .satisfies(e -> assertThat(e.reason()).hasSizeLessThan(300));
        }
        for (String column : List.of("permissions", "description", "inherited_from")) {
            String header = "name,inherited_from" + (column.equals("inherited_from") ? "" : "," + column);
            Validated<?> result = new RoleRowValidator().process(column.equals("inherited_from")
                    ? row(InputKind.ROLES, header, "r", huge) : row(InputKind.ROLES, header, "r", "viewer", huge));
            assertThat(result.errors()).as(column).singleElement()
                    .satisfies(e -> assertThat(e.reason()).hasSizeLessThan(300));
        }
        String manyBad = "X:Y;".repeat(500);
        assertThat(new RoleRowValidator().process(row(InputKind.ROLES, "name,inherited_from,permissions", "r",
                "viewer", manyBad)).errors()).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("and 497 more"));
    }

    private static CsvRow row(KeyColumn key, String value) {
        List<String> values = new ArrayList<>(key.valid());
        values.set(key.index(), value);
        return row(key.kind(), key.header(), values.toArray(String[]::new));
    }

    /** A row as the reader builds it: raw fields as read, values trimmed, unknown columns ignored. */
    static CsvRow row(InputKind kind, String header, String... rawValues) {
        List<String> names = Arrays.asList(header.split(","));
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String logical = names.get(i).toLowerCase(Locale.ROOT);
            if (kind.hasColumn(logical)) {
                values.put(logical, rawValues[i].strip());
            }
        }
        return new CsvRow(kind, kind.id() + ".csv", 7, names, List.of(rawValues), values, null);
    }
}
