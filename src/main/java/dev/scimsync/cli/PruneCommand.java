package dev.scimsync.cli;

import dev.scimsync.job.ExitCodes;
import dev.scimsync.job.RunPruner;
import dev.scimsync.state.JobLockedException;
import dev.scimsync.state.RunRecord;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.stream.Collectors;

/** {@code scim-sync prune --keep N}: removes each job's older runs from the state database. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = {"Remove old runs from the state database: of each job the N most recent runs stay, with the"
                + " plans they apply; the others lose their rows and their job state. The ownership ledger and the"
                + " report folders stay. On H2 the file is compacted afterwards.",
                "For nightly jobs: e.g. scim-sync prune --keep 30 after the sync."})
final class PruneCommand extends StateCommand {

    @Option(names = "--keep", required = true, paramLabel = "N", description = "Runs of each job that stay (1 or more).")
    int keep;

    @Option(names = "--dry-run", description = "Print what would be removed, and remove nothing.")
    boolean dryRun;

    @Override
    int runIn(ConfigurableApplicationContext context, PrintWriter out, PrintWriter err) {
        if (keep < 1) {
            err.println("scim-sync: --keep must be 1 or more, was " + keep);
            return ExitCodes.USAGE;
        }
        RunPruner pruner = context.getBean(RunPruner.class);
        int code = ExitCodes.OK;
        long pruned = 0;
        long finished = 0;
        if (!dryRun) {
            for (String runId : pruner.finishInterrupted()) {
                out.println("run " + runId + ": finished removing it (an earlier prune had stopped)");
                finished++;
            }
        }
        for (RunPruner.JobRuns selected : pruner.select(keep)) {
            if (selected.pruned().isEmpty()) {
                continue;
            }
            RunPruner.JobRuns job = selected;
            if (!dryRun) {
                try {
                    job = pruner.prune(selected.jobName(), keep);
                } catch (JobLockedException e) {
                    // a run of this job is going on (PostgreSQL): leave the job alone, prune the others
                    err.println("scim-sync: a run of job '" + selected.jobName() + "' is in progress (it holds the"
                            + " job's lock in the state database); its runs were left as they are");
                    code = ExitCodes.ABORTED;
                    continue;
                }
            }
            pruned += job.pruned().size();
            out.printf("job %s: %s %d run%s, kept %d: %s%n", job.jobName(), dryRun ? "would remove" : "removed",
                    job.pruned().size(), job.pruned().size() == 1 ? "" : "s", job.kept().size(),
                    job.pruned().stream().map(RunRecord::runId).collect(Collectors.joining(" ")));
        }
        if (pruned == 0 && code == ExitCodes.OK) {
            out.println("nothing to remove: no job has more than " + keep + " run" + (keep == 1 ? "" : "s"));
        }
        if ((pruned > 0 || finished > 0) && !dryRun && pruner.compactIfH2()) {
            out.println("compacted the H2 file");
        }
        return code;
    }
}
