package dev.scimsync.input;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The key an invalid row keeps to protect what it could have meant, for each kind of input. */
class InputKindTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "USERS       | email,username   | alice@example.com\u200B,alice     | alice@example.com",
            "USERS       | email,username   | Alice Ng <ALICE@example.com>,x    | alice@example.com",
            "USERS       | email,username   | mailto:alice@example.com,x        | alice@example.com",
            "USERS       | email,username   | ,Alice\u00A0                      | alice",
            "TEAMS       | team             | Research\u202E                    | research",
            "TEAMS       | team             | ＲＥＳＥＡＲＣＨ                     | research",
            "MEMBERSHIPS | team,email,role  | Research ,<bob@example.com>,admin | research/bob@example.com",
            "MEMBERSHIPS | team,email,role  | ML Research,bob@example.com\u2060,   | mlresearch/bob@example.com",
            "ROLES       | name,inherited_from | Auditor\uFEFF,viewer          | auditor"})
    void anInvalidRowKeepsItsKeyInLooseForm(InputKind kind, String header, String fields, String key) {
        assertThat(kind.protectedKey(row(kind, header, fields.split(",", -1)))).isEqualTo(key);
    }

    private static CsvRow row(InputKind kind, String header, String... raw) {
        List<String> names = Arrays.asList(header.split(","));
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i).toLowerCase(Locale.ROOT), i < raw.length ? raw[i].strip() : "");
        }
        return new CsvRow(kind, kind.id() + ".csv", 2, names, List.of(raw), values, null);
    }
}
