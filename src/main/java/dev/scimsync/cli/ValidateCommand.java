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
import dev.scimsync.validate.DesiredUser;
import dev.scimsync.validate.RowRules;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
        Map<String, List<RowRules.Row>> byEmail = new LinkedHashMap<>();
        String emailHeader = null;
        long rows = 0;
        long invalid = 0;
        CsvRowReader reader = new CsvRowReader(InputKind.USERS, file, file.toString(), options);
        reader.open(new ExecutionContext());
        try {
            for (CsvRow row = reader.read(); row != null; row = reader.read()) {
                rows++;
                Validated<DesiredUser> result = validator.process(row);
                if (result.valid()) {
                    DesiredUser user = result.value();
                    emailHeader = row.headerOf("email");
                    byEmail.computeIfAbsent(user.emailKey(), k -> new ArrayList<>(1)).add(new RowRules.Row(row.line(),
                            user.email(), Arrays.asList(user.userName(), user.displayName(), user.orgRole(),
                            String.valueOf(user.active()))));
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
        // the job's rule for rows that repeat an email, over the same values (CrossFileRulesTasklet)
        List<RowRules.Rejection> duplicates = new ArrayList<>();
        for (List<RowRules.Row> group : byEmail.values()) {
            if (group.size() > 1) {
                duplicates.addAll(RowRules.decide(group, List.of("username", "display_name", "org_role", "active"),
                        "email", file.toString()));
            }
        }
        duplicates.sort(Comparator.comparingLong(RowRules.Rejection::line));
        for (RowRules.Rejection duplicate : duplicates) {
            show(++invalid, out, file + " line " + duplicate.line() + ", column " + emailHeader + ": "
                    + duplicate.reason());
        }
        if (invalid > SHOWN) {
            out.println("... and " + (invalid - SHOWN) + " more invalid rows");
        }
        out.printf("%s: %d rows, %d valid, %d invalid%n", file, rows, rows - invalid, invalid);
        return invalid;
    }

    private static void show(long invalidSoFar, PrintWriter out, String line) {
        if (invalidSoFar <= SHOWN) {
            out.println(line);
        }
    }
}
