package dev.scimsync.job;

import dev.scimsync.plan.RoleColumns;
import dev.scimsync.scim.ScimDialect;
import dev.scimsync.config.JobConfig;
import dev.scimsync.report.RowTally;
import dev.scimsync.scim.ScimClient;
import dev.scimsync.state.RunRecord;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The run a job execution works on: its record, its configuration (kept in the state database, so that a resumed
 * run needs no job file) and, opened on first use and closed when the execution ends, its SCIM client and the
 * threads that send operations.
 */
final class RunContext implements JobExecutionListener {

    private final RunRecord run;
    private final JobConfig config;
    private final Targets targets;
    private ScimClient client;
    private ExecutorService executor;
    private Map<String, Long> requestCounts = Map.of();
    private RowTally tally;

    /** @param targets null for a run that never reaches the target ({@code validate}) */
    RunContext(RunRecord run, JobConfig config, Targets targets) {
        this.run = run;
        this.config = config;
        this.targets = targets;
    }

    @Override
    public synchronized void afterJob(JobExecution execution) {
        if (client != null) {
            requestCounts = Map.copyOf(client.requestCounts());
            client.close();
            client = null;
        }
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    RunRecord run() {
        return run;
    }

    String runId() {
        return run.runId();
    }

    JobConfig config() {
        return config;
    }

    RunMode mode() {
        return RunMode.ofCommand(run.command());
    }

    Path outDir() {
        return Path.of(run.outDir());
    }

    /**
     * Which role columns the target applies: W&amp;B's dialects take org and team roles, a plain SCIM 2.0 target
     * neither. Known from the job alone, without a request.
     */
    RoleColumns roleColumns() {
        return ScimDialect.of(config.target().dialect()).takesWandbRoleAttributes() ? RoleColumns.ALL
                : RoleColumns.NONE;
    }

    /** What the report step counted, for the run's summary; null until the report step has run. */
    synchronized RowTally tally() {
        return tally;
    }

    synchronized void tally(RowTally tally) {
        this.tally = tally;
    }

    synchronized ScimClient client() {
        if (client == null) {
            client = ScimClient.create(targets.settingsFor(config));
        }
        return client;
    }

    /** Threads that send operations: as many as the job's concurrency limit. */
    synchronized ExecutorService executor() {
        if (executor == null) {
            AtomicInteger n = new AtomicInteger();
            executor = Executors.newFixedThreadPool(config.limits().concurrency(), r -> {
                Thread t = new Thread(r, "apply-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return executor;
    }

    /** Requests sent by the run's last execution, by HTTP method. */
    synchronized Map<String, Long> requestCounts() {
        return client != null ? Map.copyOf(client.requestCounts()) : requestCounts;
    }
}
