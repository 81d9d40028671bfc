package dev.scimsync.validate;

import dev.scimsync.validate.DesiredUser;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.scimsync.input.CsvRow;
import dev.scimsync.input.CsvRowReader;
import dev.scimsync.input.InputKind;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The demo inputs under samples/ stay what the README and the demo promise. */
class SampleUsersTest {

    @Test
    void demoUsersAreAllValid() {
        List<Validated<DesiredUser>> results = validateAll("samples/users.csv");

        assertThat(results).allMatch(Validated::valid);
        assertThat(results).extracting(result -> result.value().emailKey()).contains(
                "ops-admin@example.com", "alice@example.com", "bob@example.com", "carol@example.com",
                "dave@example.com");
        assertThat(results).filteredOn(result -> !result.value().active())
                .extracting(result -> result.value().emailKey()).containsExactly("dave@example.com");
    }

    @Test
    void brokenUsersHaveBadRowsAmongGoodOnes() {
        List<Validated<DesiredUser>> results = validateAll("samples/broken/users-bad-rows.csv");

        assertThat(results).filteredOn(Validated::valid).hasSize(2);
        assertThat(results).flatMap(Validated::errors).extracting(RowError::toString).containsExactly(
                "samples/broken/users-bad-rows.csv line 3, column email: invalid email 'not-an-email': no @",
                "samples/broken/users-bad-rows.csv line 4, column org_role: unknown org role 'owner' "
                        + "(expected admin, member or viewer)",
                "samples/broken/users-bad-rows.csv line 5, column active: invalid active value 'maybe' "
                        + "(expected true, false or removed; yes/no and 1/0 also work)");
    }

    private static List<Validated<DesiredUser>> validateAll(String file) {
        CsvRowReader reader = new CsvRowReader(InputKind.USERS, Path.of(file), file, Map.of());
        UserRowValidator validator = new UserRowValidator();
        List<Validated<DesiredUser>> results = new ArrayList<>();
        reader.open(new ExecutionContext());
        try {
            for (CsvRow row = reader.read(); row != null; row = reader.read()) {
                results.add(validator.process(row));
            }
        } finally {
            reader.close();
        }
        return results;
    }
}
