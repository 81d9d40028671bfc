package dev.scimsync.cli;

import dev.scimsync.config.ConfigException;
import dev.scimsync.config.JobConfig;
import dev.scimsync.config.JobFiles;
import dev.scimsync.input.CsvRow;
import dev.scimsync.input.CsvRowReader;
import dev.scimsync.input.InputKind;
import dev.scimsync.input.InputRejectedException;
import dev.scimsync.input.ReadOptions;
import dev.scimsync.job.ExitCodes;
import dev.scimsync.job.InputOptions;
import dev.scimsync.state.DesiredUser;
import dev.scimsync.validate.RowError;
import dev.scimsync.validate.UserRowValidator;
import dev.scimsync.validate.Validated;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code scim-sync validate JOB.yml}: check the input files only, offline; no state database, no target. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check the CSV files only, offline: exit 0 when valid, 1 with invalid rows, 5 when a file is"
                + " rejected.")
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
        JobConfig config;
        try {
            config = JobFiles.load(job.jobFile, job.overrides());
        } catch (ConfigException e) {
            e.problems().forEach(problem -> err.println("scim-sync: " + problem));
            return ExitCodes.USAGE;
        }
        Path users = config.inputs().users();
        if (users == null) {
            out.println("no users file to check");
            return ExitCodes.OK;
        }
        try {
            long invalid = checkUsers(users, InputOptions.of(config.inputs(), InputKind.USERS), out);
            return invalid > 0 ? ExitCodes.FAILURES : ExitCodes.OK;
        } catch (InputRejectedException e) {
            err.println("scim-sync: input rejected: " + e.getMessage());
            return ExitCodes.INPUT_REJECTED;
        }
    }

    private long checkUsers(Path given, ReadOptions options, PrintWriter out) {
        Path file = JobFiles.absolute(given);
        UserRowValidator validator = new UserRowValidator();
        Duplicates duplicates = new Duplicates();
        long rows = 0;
        long invalid = 0;
        CsvRowReader reader = new CsvRowReader(InputKind.USERS, file, file.toString(), options);
        reader.open(new ExecutionContext());
        try {
            for (CsvRow row = reader.read(); row != null; row = reader.read()) {
                rows++;
                Validated<DesiredUser> result = validator.process(row);
                if (result.valid()) {
                    invalid += duplicates.check(result.value(), row, file, out, invalid);
                    continue;
                }
                invalid++;
                for (RowError error : result.errors()) {
                    show(invalid, out, error.toString());
                }
            }
        } finally {
            reader.close();
        }
        if (invalid > SHOWN) {
            out.println("... and " + (invalid - SHOWN) + " more invalid rows");
        }
        out.printf("%s: %d rows, %d valid, %d invalid%n", file, rows, rows - invalid, invalid);
        return invalid;
    }

    /**
     * The job's rule for rows that repeat an email (see {@code state.RowRules}): with the same values the later row
     * is invalid; with other values every row of that email is invalid, the first one included. The first row of each
     * email is kept with its values.
     */
    private static final class Duplicates {

        private final Map<String, First> firstRows = new HashMap<>();

        private record First(long line, String email, List<Object> values, boolean[] conflicting) {
        }

        /** @return how many more rows are invalid because of this one: 0, 1, or 2 when the first row conflicts now */
        long check(DesiredUser user, CsvRow row, Path file, PrintWriter out, long invalidSoFar) {
            List<Object> values = Arrays.asList(user.userName(), user.displayName(), user.orgRole(), user.active());
            First first = firstRows.putIfAbsent(user.emailKey(), new First(row.line(), user.email(), values,
                    new boolean[1]));
            if (first == null) {
                return 0;
            }
            String where = file + " line " + row.line() + ", column " + row.headerOf("email") + ": duplicate email";
            if (first.values().equals(values) && !first.conflicting()[0]) {
                show(invalidSoFar + 1, out, where + " '" + user.email() + "' (also on line " + first.line()
                        + ", ignoring case)");
                return 1;
            }
            long more = 1;
            if (!first.conflicting()[0]) {
                first.conflicting()[0] = true;
                more++;
                show(invalidSoFar + 1, out, file + " line " + first.line() + ", column " + row.headerOf("email")
                        + ": duplicate email '" + first.email() + "' with other values on line " + row.line()
                        + "; none of these rows is applied until they agree");
            }
            show(invalidSoFar + more, out, where + " '" + user.email() + "' with other values on line "
                    + first.line() + "; none of these rows is applied until they agree");
            return more;
        }
    }

    private static void show(long invalidSoFar, PrintWriter out, String line) {
        if (invalidSoFar <= SHOWN) {
            out.println(line);
        }
    }
}
