package dev.scimsync.cli;

import dev.scimsync.config.ConfigException;
import dev.scimsync.config.JobConfig;
import dev.scimsync.job.ExitCodes;
import dev.scimsync.job.SecretSource;
import dev.scimsync.job.TargetCheck;
import dev.scimsync.job.Targets;
import dev.scimsync.scim.MissingCredentialException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code scim-sync check-target JOB.yml}: how the job's target looks from here, without writing anything (no state
 * database, only GETs): the proxy, the TLS chain, the auth form that works, the list endpoints and their page sizes,
 * {@code /ServiceProviderConfig}.
 */
@Command(name = "check-target", mixinStandardHelpOptions = true,
        description = "Check the job's target, read-only: proxy, TLS chain, auth, list endpoints and page sizes,"
                + " /ServiceProviderConfig. Exit 0 when a run could use it, 2 for a bad job file, 4 when the target"
                + " cannot be reached or used.")
final class CheckTargetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    JobOptions job;

    @Mixin
    LogFormat logFormat;

    private final SecretSource secrets;

    CheckTargetCommand() {
        this(System::getenv);
    }

    CheckTargetCommand(SecretSource secrets) {
        this.secrets = secrets;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JobConfig config = job.loadOrExplain(err);
        if (config == null) {
            return ExitCodes.USAGE;
        }
        Targets targets = new Targets(secrets);
        try {
            TargetCheck.Report report = new TargetCheck(targets).check(config);
            report.lines().forEach(out::println);
            out.printf("exit %d: %s%n", report.exitCode(), report.exitCode() == ExitCodes.OK
                    ? "the target can be used" : "the target cannot be used as configured");
            return report.exitCode();
        } catch (ConfigException | MissingCredentialException e) {
            err.println("scim-sync: " + e.getMessage());
            return ExitCodes.USAGE;
        } finally {
            targets.destroy();
            out.flush();
            err.flush();
        }
    }
}
