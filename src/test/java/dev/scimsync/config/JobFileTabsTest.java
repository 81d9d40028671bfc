package dev.scimsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A tab where YAML wants spaces is named with the line and column the tab is on, wherever it is. */
@Timeout(60)
class JobFileTabsTest {

    private static final List<String> JOB = List.of(
            "name: nightly",
            "target:",
            "  url: embedded",
            "  dialect: wandb",
            "inputs:",
            "  users: users.csv",
            "  columns:",
            "    users:",
            "      email: Work Email",
            "policy:",
            "  absent-users: report",
            "  protected-users:",
            "    - ops@example.com",
            "    - it@example.com",
            "limits:",
            "  chunk-size: 100");

    @TempDir
    Path dir;

    @Test
    void theJobWithoutTabsLoads() {
        assertThat(new JobFileFixture(dir).load(String.join("\n", JOB) + "\n").name()).isEqualTo("nightly");
    }

    @Test
    void aTabBeforeOrInsideTheIndentationOfAnyLineIsNamedWhereItIs() {
        JobFileFixture jobs = new JobFileFixture(dir);
        for (int line = 0; line < JOB.size(); line++) {
            String text = JOB.get(line);
            int indent = text.length() - text.stripLeading().length();
            for (int column : List.of(0, indent / 2, indent)) {
                List<String> lines = new ArrayList<>(JOB);
                lines.set(line, text.substring(0, column) + "\t" + text.substring(column));

                jobs.assertProblem(String.join("\n", lines) + "\n").as("tab at line %d, column %d", line + 1, column + 1)
                        .isEqualTo("jobs/demo.yml: a tab character (U+0009) where YAML expects spaces: indent with"
                                + " spaces, not tabs (line " + (line + 1) + ", column " + (column + 1) + ")");
            }
        }
    }

    @Test
    void aTabInsteadOfTheSpaceAfterAKeyOrADashIsNamedWhereItIs() {
        JobFileFixture jobs = new JobFileFixture(dir);
        for (int line = 0; line < JOB.size(); line++) {
            String text = JOB.get(line);
            int space = text.indexOf(": ") >= 0 ? text.indexOf(": ") + 1 : text.indexOf("- ") >= 0 ? text.indexOf("- ") + 1 : -1;
            if (space < 0) {
                continue;
            }
            List<String> lines = new ArrayList<>(JOB);
            lines.set(line, text.substring(0, space) + "\t" + text.substring(space + 1));

            jobs.assertProblem(String.join("\n", lines) + "\n").as("tab at line %d, column %d", line + 1, space + 1)
                    .isEqualTo("jobs/demo.yml: a tab character (U+0009) where YAML expects spaces: indent with"
                            + " spaces, not tabs (line " + (line + 1) + ", column " + (space + 1) + ")");
        }
    }

    @Test
    void aTabInACommentOrAQuotedValueIsNoMistake() {
        JobFileFixture jobs = new JobFileFixture(dir);
        for (int line = 0; line < JOB.size(); line++) {
            List<String> commented = new ArrayList<>(JOB);
            commented.set(line, JOB.get(line) + " #\tcomment");

            assertThat(jobs.load(String.join("\n", commented) + "\n").name()).as("line %d", line + 1).isEqualTo("nightly");
        }
        assertThat(jobs.load(String.join("\n", JOB).replace("Work Email", "\"Work\tEmail\"") + "\n")
                .inputs().headerFor("users", "email")).isEqualTo("Work\tEmail");
    }
}
