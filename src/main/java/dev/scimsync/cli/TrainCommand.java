package dev.scimsync.cli;

import dev.scimsync.job.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code scim-sync train-startup JOB.yml --work DIR}, hidden: what the launcher runs once per build and JDK to record
 * its class data sharing archive or AOT cache. One JVM runs, one after the other, the commands a person runs: a sync
 * of the job (against the built-in emulator, on a state database in DIR), then {@code history}, {@code report} and
 * {@code explain} on that database, {@code validate} and {@code --help}; so the file holds the classes of the read-only
 * commands too, not only those of a sync. Their output is not printed: one line per command says how it ended.
 */
@Command(name = "train-startup", hidden = true,
        description = "Run the commands whose classes the launcher's start-up file records (used by ./scim-sync).")
final class TrainCommand implements Callable<Integer> {

    /** A user of the demo job's users.csv, for explain. */
    static final String DEMO_USER = "alice@example.com";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JOB.yml", description = "The demo job (against the built-in emulator).")
    Path job;

    @Option(names = "--work", required = true, paramLabel = "DIR", description = "Where the runs keep their files.")
    Path work;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        String stateDb = "jdbc:h2:file:" + work.toAbsolutePath().resolve("state");
        Path reports = work.resolve("out");
        List<String> sync = List.of("sync", job.toString(), "--state-db", stateDb, "--out", reports.toString());
        if (!ran(sync, out)) {
            return ExitCodes.ABORTED;
        }
        String runId = onlyRun(reports);
        List<List<String>> reads = List.of(
                List.of("history", "--limit", "3", "--state-db", stateDb),
                List.of("report", runId, "--state-db", stateDb),
                List.of("explain", DEMO_USER, "--state-db", stateDb),
                List.of("validate", job.toString(), "--out", work.resolve("validate").toString()),
                List.of("--help"));
        boolean all = true;
        for (List<String> command : reads) {
            all &= ran(command, out);
        }
        return all ? ExitCodes.OK : ExitCodes.ABORTED;
    }

    /** Runs one command line in this JVM, its output kept from the terminal; says how it ended; true for exit 0. */
    private static boolean ran(List<String> args, PrintWriter out) {
        StringWriter sink = new StringWriter();
        CommandLine cli = ScimSyncCommand.commandLineFor(args.toArray(String[]::new));
        cli.setOut(new PrintWriter(sink));
        cli.setErr(new PrintWriter(sink));
        int code = cli.execute(args.toArray(String[]::new));
        out.println("train-startup: " + String.join(" ", args) + ": exit " + code);
        if (code != ExitCodes.OK) {
            out.println(sink);
        }
        out.flush();
        return code == ExitCodes.OK;
    }

    private static String onlyRun(Path reports) throws IOException {
        try (Stream<Path> runs = Files.list(reports)) {
            return runs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).findFirst()
                    .orElseThrow(() -> new IOException("the sync left no run folder in " + reports));
        }
    }
}
