package dev.scimsync.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.scimsync.job.ExitCodes;
import dev.scimsync.job.RunResult;
import dev.scimsync.job.SyncRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Exit 2 is for the user's mistakes only; an unexpected exception is a bug, logged with its stack trace, exit 4. */
class UsageErrorsTest {

    @TempDir
    Path dir;

    @Test
    void everyMistakeInWhatWasAskedIsExit2WithOneLineAndNoStackTrace() throws IOException {
        Path job = job("url: embedded");
        Cli sync = Cli.run("sync", job.toString(), "--state-db", stateDb());
        Cli plan = Cli.run("plan", job.toString(), "--state-db", stateDb());
        String syncRun = runId(sync);
        String planRun = runId(plan);
        List<List<String>> mistakes = List.of(
                List.of("resume", "20990101-000000-0000", "no run 20990101-000000-0000 in the state database"),
                List.of("resume", syncRun, "run " + syncRun + " has already finished (exit code 0); start a new one"),
                List.of("apply", job.toString(), "--plan", "no-such-run", "no plan run no-such-run"),
                List.of("apply", job.toString(), "--plan", syncRun, "run " + syncRun + " is a 'sync' run, not a plan"),
                List.of("apply", job.toString(), "--plan", planRun, "--allow-removals", "3",
                        "--allow-removals applies when planning"));
        for (List<String> mistake : mistakes) {
            List<String> args = new java.util.ArrayList<>(mistake.subList(0, mistake.size() - 1));
            args.addAll(List.of("--state-db", stateDb()));

            Cli cli = Cli.run(args.toArray(String[]::new));

            assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(cli.err).as(cli.toString()).contains(mistake.get(mistake.size() - 1))
                    .doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void anUnexpectedIllegalArgumentIsABugLoggedWithItsStackTraceAndExits4() {
        ListAppender<ILoggingEvent> logs = Buggy.LOGS;
        try {
            StringWriter err = new StringWriter();
            CommandLine cli = ScimSyncCommand.commandLine().addSubcommand("buggy", new Buggy());
            cli.setErr(new PrintWriter(err, true));
            cli.setOut(new PrintWriter(new StringWriter(), true));

            int code = cli.execute("buggy", "--state-db", stateDb());

            assertThat(code).isEqualTo(ExitCodes.ABORTED);
            assertThat(err.toString()).contains("unexpected error", "a bug", "index -1 out of range");
            assertThat(logs.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.ERROR);
                assertThat(event.getThrowableProxy()).isNotNull();
                assertThat(event.getThrowableProxy().getClassName()).isEqualTo(IllegalArgumentException.class.getName());
                assertThat(event.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
            });
        } finally {
            ((Logger) LoggerFactory.getLogger(RunCommand.class)).detachAppender(logs);
        }
    }

    /**
     * A run that fails on a programming error, as a bug in the runner would. It listens to RunCommand's log once the
     * application has started (which configures logging afresh).
     */
    @Command(name = "buggy")
    static final class Buggy extends RunCommand {
        static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

        @Override
        RunResult run(SyncRunner runner) {
            LOGS.start();
            ((Logger) LoggerFactory.getLogger(RunCommand.class)).addAppender(LOGS);
            throw new IllegalArgumentException("index -1 out of range");
        }
    }

    private static String runId(Cli cli) {
        Matcher run = Pattern.compile("run (\\S+) \\(job").matcher(cli.out);
        assertThat(run.find()).as(cli.toString()).isTrue();
        return run.group(1);
    }

    private Path job(String target) throws IOException {
        Files.writeString(dir.resolve("users.csv"), "email,username\nops-admin@example.com,ops-admin\n");
        Path job = dir.resolve("job.yml");
        Files.writeString(job, "target: { " + target + " }\n"
                + "inputs: { users: " + dir.resolve("users.csv") + " }\n"
                + "policy: { max-row-drop: 100% }\n"
                + "out: " + dir.resolve("reports") + "\n");
        return job;
    }

    private String stateDb() {
        return "jdbc:h2:file:" + dir.resolve("state") + ";WRITE_DELAY=0";
    }
}
