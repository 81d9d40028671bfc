package dev.scimsync.job;

import dev.scimsync.config.JobConfig;
import dev.scimsync.config.JobFiles;
import dev.scimsync.config.Overrides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code validate}'s checks run the job's own load steps without the application: every input kind, rows spread over
 * several chunks, and a database of their own that gets the staging tables and no Spring Batch table.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class InputChecksTest {

    @TempDir
    Path dir;

    @Test
    void everyInputIsCheckedInChunksAndItsInvalidRowsAreWrittenBackWithoutAJobRepository()
            throws IOException, SQLException {
        write("users.csv", "email,username,display_name,org_role,active\n"
                + "a@example.com,a,A,member,true\n"
                + "b@example.com,b,B,member,true\n"
                + "c@exa\u200Bmple.com,c,C,member,true\n"
                + "d@example.com,d,D,boss,true\n"
                + "A@Example.com,a2,A,member,true\n"
                + "e@example.com,e,E,member,true\n");
        write("teams.csv", "team\nresearch\nplatform\n\u00A0\n");
        write("memberships.csv", "team,email,role\nresearch,a@example.com,member\nresearch,a@example.com,admin\n");
        write("roles.csv", "name,inherited_from,permissions,description\nauditor,viewer,run:stop,x\n"
                + "auditor2,nobody,run:stop,x\n");
        write("service-accounts.csv", "team,description\nresearch,ci\nresearch,\n");
        String url = "jdbc:h2:file:" + dir.resolve("checks/state");

        ValidateResult result = InputChecks.run(job("chunk-size: 2"), url, 100);

        assertThat(result.exitCode()).as(String.valueOf(result)).isEqualTo(ExitCodes.FAILURES);
        assertThat(result.validation().inputs()).extracting(i -> i.kind() + " " + i.rows() + "/" + i.invalid())
                .containsExactlyInAnyOrder("users 6/4", "teams 3/1", "memberships 2/2", "roles 2/1",
                        "service-accounts 2/1");
        assertThat(result.validation().shown()).anyMatch(l -> l.startsWith(dir.resolve("users.csv")
                + " line 4, column email:") && l.contains("U+200B"));
        assertThat(result.validation().shown()).anyMatch(l -> l.startsWith(dir.resolve("users.csv")
                + " line 5, column org_role:"));
        assertThat(result.validation().shown()).anyMatch(l -> l.startsWith(dir.resolve("users.csv")
                + " line 6, column email:") && l.contains("line 2"));
        assertThat(result.validation().errors()).isEqualTo(9);
        List<String> failedUsers = Files.readAllLines(result.validation().outDir().resolve("failed-users.csv"));
        assertThat(failedUsers).as("the header and the four invalid rows, the two conflicting ones included")
                .hasSize(5);
        assertThat(failedUsers.get(0)).startsWith("email,username,display_name,org_role,active");
        assertThat(tables(url)).contains("SYNC_RUN", "INPUT_FILE", "DESIRED_USER", "ROW_ERROR")
                .noneMatch(t -> t.startsWith("BATCH_"));
    }

    @Test
    void validInputsExitZero() throws IOException {
        write("users.csv", "email,username,display_name,org_role,active\na@example.com,a,A,member,true\n");

        ValidateResult result = InputChecks.run(job(""), "jdbc:h2:mem:checks-valid", 100);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.validation().invalid()).isZero();
        assertThat(result.validation().shown()).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadIsRejectedBeforeAnyRowWithItsName() throws IOException {
        write("users.csv", "email,username\n");
        Files.write(dir.resolve("teams.csv"), new byte[] {'t', 'e', 'a', 'm', '\n', 0, 1, 2, (byte) 0xff, '\n'});

        ValidateResult result = InputChecks.run(job(""), "jdbc:h2:mem:checks-rejected", 100);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT_REJECTED);
        assertThat(result.validation()).isNull();
        assertThat(result.problem()).contains(dir.resolve("teams.csv").toString());
    }

    private JobConfig job(String limits) throws IOException {
        List<String> inputs = new ArrayList<>();
        for (String kind : List.of("users", "teams", "memberships", "roles", "service-accounts")) {
            if (Files.exists(dir.resolve(kind + ".csv"))) {
                inputs.add(kind + ": " + dir.resolve(kind + ".csv"));
            }
        }
        Path job = Files.writeString(dir.resolve("job.yml"), """
                name: checks
                target: { url: embedded, dialect: wandb }
                inputs: { %s }
                limits: { %s }
                out: %s
                """.formatted(String.join(", ", inputs), limits, dir.resolve("out")));
        return JobFiles.load(job, Overrides.none());
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static List<String> tables(String url) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url);
             ResultSet rs = db.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }
}
