package dev.scimsync.cli;

import dev.scimsync.job.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's training run ({@code train-startup}, hidden) runs every command a person runs, in one JVM, each to
 * exit 0: a command that failed there would leave its classes out of the archive, and fail the training.
 */
class TrainCommandTest {

    @TempDir
    Path work;

    @Test
    void theTrainingRunsTheSyncAndEveryReadOnlyCommandOnItsState() {
        Cli cli = Cli.run("train-startup", "jobs/demo.yml", "--work", work.toString());

        assertThat(cli.exitCode).as(cli.toString()).isZero();
        assertThat(cli.out.lines().map(l -> l.replaceAll(" --(?:limit|state-db|out) .*:", ":")
                        .replaceAll("\\d{8}-\\d{6}-\\w{4}", "RUN")))
                .containsExactly("train-startup: sync jobs/demo.yml: exit 0",
                        "train-startup: history: exit 0",
                        "train-startup: report RUN: exit 0",
                        "train-startup: explain " + TrainCommand.DEMO_USER + ": exit 0",
                        "train-startup: validate jobs/demo.yml: exit 0",
                        "train-startup: --help: exit 0");
        assertThat(work.resolve("state.mv.db")).exists();
    }

    @Test
    void aJobThatFailsIsATrainingThatFails() {
        Cli cli = Cli.run("train-startup", work.resolve("missing.yml").toString(), "--work", work.toString());

        assertThat(cli.exitCode).isEqualTo(ExitCodes.ABORTED);
        assertThat(cli.out).startsWith("train-startup: sync " + work.resolve("missing.yml") + " --state-db ")
                .contains(": exit " + ExitCodes.USAGE);
    }
}
