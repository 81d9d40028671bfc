package dev.scimsync.cli;

import dev.scimsync.config.JobConfig;
import dev.scimsync.job.ExitCodes;
import dev.scimsync.job.InputChecks;
import dev.scimsync.job.ValidateResult;
import dev.scimsync.report.Validation;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code scim-sync validate JOB.yml}: checks every input the job names, offline, with the job's own steps: the input
 * guard, the load with its row validators and the rules across rows run as they do for {@code plan} and
 * {@code sync}, so the commands never disagree about a row ({@link InputChecks}). They run without the Spring
 * application, on a state database of their own, an H2 file in a temporary directory deleted afterwards (a file
 * rather than memory, so that a large export does not have to fit in the heap): no target is asked, no run is
 * recorded, the failed-rows files in the out dir aside.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check every input file offline, with the checks of plan and sync: exit 0 when valid, 1 with"
                + " invalid rows (written to failed-<input>.csv in the out dir), 5 when a file is rejected.")
final class ValidateCommand implements Callable<Integer> {

    private static final int SHOWN = 100;

    @Spec
    CommandSpec spec;

    @Mixin
    JobOptions job;

    @Mixin
    LogFormat logFormat;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JobConfig config = job.loadOrExplain(err);
        if (config == null) {
            return ExitCodes.USAGE;
        }
        Path scratch;
        try {
            scratch = Files.createTempDirectory("scim-sync-validate-");
        } catch (IOException e) {
            err.println("scim-sync: cannot create a temporary directory for the checks: " + e.getMessage());
            return ExitCodes.ABORTED;
        }
        try {
            return validate(config, scratch, out, err);
        } finally {
            delete(scratch);
            out.flush();
            err.flush();
        }
    }

    private static int validate(JobConfig config, Path scratch, PrintWriter out, PrintWriter err) {
        ValidateResult result;
        try {
            result = InputChecks.run(config, "jdbc:h2:file:" + scratch.resolve("state"), SHOWN);
        } catch (RuntimeException e) {
            // not the inputs (the job reports those): the checks' own database or a bug
            LoggerFactory.getLogger(ValidateCommand.class).error("the checks could not run", e);
            err.println("scim-sync: cannot run the checks: " + e.getMessage());
            return ExitCodes.ABORTED;
        }
        if (result.validation() == null) {
            err.println("scim-sync: " + result.problem());
            return result.exitCode();
        }
        print(result.validation(), out);
        return result.exitCode();
    }

    private static void print(Validation validation, PrintWriter out) {
        if (validation.inputs().isEmpty()) {
            out.println("no input to check: the job names no users, teams, memberships or roles file");
            return;
        }
        validation.shown().forEach(out::println);
        if (validation.errors() > validation.shown().size()) {
            out.println("... and " + (validation.errors() - validation.shown().size()) + " more errors");
        }
        for (Validation.Input input : validation.inputs()) {
            out.printf("%s: %d rows, %d valid, %d invalid%n", input.path(), input.rows(), input.valid(),
                    input.invalid());
        }
        if (validation.invalid() > 0) {
            out.println("invalid rows, each with its reason: " + validation.outDir().resolve("failed-*.csv"));
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LoggerFactory.getLogger(ValidateCommand.class).warn("cannot delete the checks' temporary state database {}:"
                    + " {}", dir, e.getMessage());
        }
    }
}
