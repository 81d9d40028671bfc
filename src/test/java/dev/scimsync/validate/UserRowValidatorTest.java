package dev.scimsync.validate;

import dev.scimsync.validate.DesiredUser;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.scimsync.input.CsvRow;
import dev.scimsync.input.InputKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserRowValidatorTest {

    private static final String HEADER = "email,username,display_name,org_role,active";

    private final UserRowValidator validator = new UserRowValidator();

    @Test
    void normalisesAValidRow() {
        Validated<DesiredUser> result = validate(HEADER, " Ann.Lee@Example.COM ", "ann.lee", " Ann Lee ", "ADMIN", "Yes");

        assertThat(result.valid()).isTrue();
        assertThat(result.value()).isEqualTo(new DesiredUser(7, "Ann.Lee@Example.COM", "ann.lee@example.com",
                "ann.lee", "Ann Lee", "admin", true));
    }

    @Test
    void leavesEmptyOptionalColumnsUnmanagedAndActive() {
        Validated<DesiredUser> result = validate(HEADER, "ann@example.com", "", "", "", "");

        assertThat(result.value()).isEqualTo(new DesiredUser(7, "ann@example.com", "ann@example.com",
                null, null, null, true));
    }

    @Test
    void acceptsAFileWithOnlyTheEmailColumn() {
        assertThat(validate("email", "ann@example.com").value().active()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", "no", "No", "0", "n", "N"})
    void readsInactiveSpellings(String value) {
        assertThat(validate("email,active", "ann@example.com", value).value().active()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "True", "YES", "1", "y", "Y"})
    void readsActiveSpellings(String value) {
        assertThat(validate("email,active", "ann@example.com", value).value().active()).isTrue();
    }

    @Test
    void acceptsLettersOfAnyScriptInEmails() {
        assertThat(validate("email", "zoë@bücher.example").value().emailKey()).isEqualTo("zoë@bücher.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ann.example.com", "ann@@example.com", "a@b@example.com", "@example.com",
            "ann@localhost", "ann@example.", "ann@.example.com", "ann@example..com", "ann lee@example.com",
            "ann\u00A0lee@example.com", "ann\u0007@example.com"})
    void rejectsMalformedEmails(String email) {
        assertThat(errors(validate("email", email)))
                .singleElement().asString().startsWith("users.csv line 7, column email: invalid email '");
    }

    @Test
    void requiresAnEmail() {
        assertThat(errors(validate(HEADER, " ", "ann", "Ann", "member", "true")))
                .containsExactly("users.csv line 7, column email: email is required");
    }

    @Test
    void limitsEmailsTo254Characters() {
        String local = "a".repeat(64);
        String fits = local + "@" + "b".repeat(254 - 64 - 1 - 4) + ".com";

        assertThat(validate("email", fits).valid()).isTrue();
        assertThat(errors(validate("email", "x" + fits))).singleElement().asString()
                .contains("255 characters (at most 254)");
    }

    @Test
    void checksUsernames() {
        assertThat(validate("email,username", "a@example.com", "a.b_c+d-e@f").valid()).isTrue();
        assertThat(validate("email,username", "a@example.com", "u".repeat(64)).valid()).isTrue();
        assertThat(errors(validate("email,username", "a@example.com", "u".repeat(65)))).singleElement().asString()
                .startsWith("users.csv line 7, column username: invalid username 'uuuu")
                .endsWith("...': 65 characters (at most 64)");
        assertThat(errors(validate("email,username", "a@example.com", "ann lee"))).singleElement().asString()
                .startsWith("users.csv line 7, column username: invalid username 'ann lee'");
    }

    @Test
    void checksDisplayNames() {
        assertThat(validate("email,display_name", "a@example.com", "名前 ".repeat(85) + "x").valid()).isTrue();
        assertThat(errors(validate("email,display_name", "a@example.com", "n".repeat(257)))).singleElement()
                .asString().endsWith("is 257 characters long (at most 256)");
        assertThat(errors(validate("email,display_name", "a@example.com", "Ann\nLee")))
                .containsExactly("users.csv line 7, column display_name: display name 'Ann<U+000A>Lee' "
                        + "contains U+000A LINE FEED (LF) (a control character) at character 4");
    }

    @Test
    void rejectsUnknownOrgRolesNamingTheValue() {
        assertThat(errors(validate(HEADER, "a@example.com", "", "", "owner", "")))
                .containsExactly("users.csv line 7, column org_role: unknown org role 'owner' "
                        + "(expected admin, member or viewer)");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "true, true, false", "YES, true, false", "'', true, false", "1, true, false",
            "false, false, false", "No, false, false", "0, false, false",
            "removed, false, true", "REMOVED, false, true", "' Removed ', false, true"})
    void activeIsTrueFalseOrRemovedAndRemovedIsNeverActive(String value, boolean active, boolean removed) {
        Validated<DesiredUser> result = validate(HEADER, "a@example.com", "", "", "", value);

        assertThat(result.valid()).isTrue();
        assertThat(result.value().active()).isEqualTo(active);
        assertThat(result.value().removed()).isEqualTo(removed);
    }

    @Test
    void rejectsUnknownActiveValues() {
        assertThat(errors(validate(HEADER, "a@example.com", "", "", "", "maybe")))
                .containsExactly("users.csv line 7, column active: invalid active value 'maybe' "
                        + "(expected true, false or removed; yes/no and 1/0 also work)");
    }

    @Test
    void reportsEveryProblemOfARow() {
        Validated<DesiredUser> result = validate(HEADER, "nobody", "no one", "ok", "owner", "maybe");

        assertThat(result.valid()).isFalse();
        assertThat(result.value()).isNull();
        assertThat(result.errors()).extracting(RowError::column)
                .containsExactly("email", "username", "org_role", "active");
    }

    @Test
    void namesColumnsTheWayTheFileDoes() {
        CsvRow row = new CsvRow(InputKind.USERS, "hr.csv", 3, List.of("Work Email", "Role"),
                List.of("nobody", "owner"), Map.of("email", "nobody", "org_role", "owner"), null,
                Map.of("email", "Work Email", "org_role", "Role"));

        assertThat(errors(validator.process(row))).containsExactly(
                "hr.csv line 3, column Work Email: invalid email 'nobody': no @",
                "hr.csv line 3, column Role: unknown org role 'owner' (expected admin, member or viewer)");
    }

    @Test
    void reportsAStructuralErrorAsAWholeRowError() {
        CsvRow row = new CsvRow(InputKind.USERS, "users.csv", 9, List.of("email", "active"), List.of("a@example.com"),
                Map.of("email", "a@example.com", "active", ""), "expected 2 fields, found 1");

        Validated<DesiredUser> result = validator.process(row);

        assertThat(result.errors()).containsExactly(
                new RowError(InputKind.USERS, "users.csv", 9, null, "expected 2 fields, found 1"));
        assertThat(result.errors().get(0)).hasToString("users.csv line 9: expected 2 fields, found 1");
    }

    @Test
    void cutsLongBadValuesShortInMessages() {
        String reason = errors(validate("email,org_role", "a@example.com", "r".repeat(500))).get(0);

        assertThat(reason).contains("'" + "r".repeat(60) + "...'").hasSizeLessThan(200);
    }

    private Validated<DesiredUser> validate(String header, String... rawValues) {
        List<String> names = Arrays.asList(header.split(","));
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i).toLowerCase(Locale.ROOT), rawValues[i].strip());
        }
        return validator.process(new CsvRow(InputKind.USERS, "users.csv", 7, names, List.of(rawValues), values, null));
    }

    private static List<String> errors(Validated<DesiredUser> result) {
        return result.errors().stream().map(RowError::toString).toList();
    }
}
