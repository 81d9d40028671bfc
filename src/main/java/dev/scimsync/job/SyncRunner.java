package dev.scimsync.job;

import dev.scimsync.config.JobConfig;
import dev.scimsync.config.JobFiles;
import dev.scimsync.report.RowStatus;
import dev.scimsync.report.RunReport;
import dev.scimsync.report.RunEnd;
import dev.scimsync.report.RunSummaries;
import dev.scimsync.report.RunSummary;
import dev.scimsync.state.JobLocks;
import dev.scimsync.plan.OpState;
import dev.scimsync.plan.PlannedOpRepository;
import dev.scimsync.state.RunRecord;
import dev.scimsync.state.RunRepository;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts and resumes runs: what the command line calls. A run is one Spring Batch job instance, identified by its
 * run id alone, so resuming it is starting the same instance again: Spring Batch skips the completed steps and
 * restarts the failed one from its last committed chunk.
 */
@Component
public class SyncRunner {

    private static final Logger log = LoggerFactory.getLogger(SyncRunner.class);
    /** The MDC key naming the run in log lines ({@code --log-format json} writes it as {@code run_id}). */
    static final String RUN_ID_KEY = "run.id";

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final SyncJobFactory jobs;
    private final RunRepository runs;
    private final Targets targets;
    private final PlannedOpRepository plannedOps;
    private final RunSummaries summaries;
    private final JobLocks locks;
    private final RunReport report;

    SyncRunner(JobOperator jobOperator, JobRepository jobRepository, SyncJobFactory jobs, RunRepository runs,
               Targets targets, PlannedOpRepository plannedOps, RunSummaries summaries, JobLocks locks,
               RunReport report) {
        this.report = report;
        this.locks = locks;
        this.plannedOps = plannedOps;
        this.summaries = summaries;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jobs = jobs;
        this.runs = runs;
        this.targets = targets;
    }

    /**
     * Starts a new run.
     *
     * @param planRunId the plan to apply, for {@link RunMode#APPLY}
     * @throws dev.scimsync.scim.MissingCredentialException before anything starts, when the key variable is unset
     * @throws dev.scimsync.state.JobLockedException before anything starts, when another run of the job is going on
     */
    public RunResult start(RunMode mode, JobConfig config, String planRunId) {
        return start(mode, config, planRunId, null);
    }

    /**
     * Starts a new run.
     *
     * @param allowRemovals raises {@code policy.max-removals} to this many removals of each kind for this run only
     */
    public RunResult start(RunMode mode, JobConfig config, String planRunId, Long allowRemovals) {
        return start(mode, config, planRunId, allowRemovals, false);
    }

    /**
     * Starts a new run.
     *
     * @param allowRemovals raises {@code policy.max-removals} to this many removals of each kind for this run only
     * @param partialInputs every input of the run is a partial input ({@code --partial}): its rows are applied, the
     *                      absent-* policies and the row-drop guard are off for it
     */
    public RunResult start(RunMode mode, JobConfig config, String planRunId, Long allowRemovals,
                           boolean partialInputs) {
        targets.settingsFor(config);
        try (JobLocks.Lock lock = locks.acquire(config.name())) {
            if (mode == RunMode.APPLY) {
                Optional<RunResult> applied = alreadyApplied(planRunId);
                if (applied.isPresent()) {
                    return applied.get();
                }
            }
            String runId = RunIds.next();
            RunRecord run = new RunRecord(runId, config.name(), mode.command(), planRunId, JobFiles.toJson(config),
                    JobFiles.absolute(config.out()).resolve(runId).toString(), Instant.now(), null, null,
                    allowRemovals, partialInputs);
            runs.insert(run);
            return execute(run);
        }
    }

    /**
     * A plan that an earlier {@code apply} run has finished with, and that has no operation left to send: applying it
     * again would send nothing, so no run starts, and the result names the run that applied it. (Operations that
     * failed are not sent again by any apply: the fix is a new plan from corrected inputs.)
     */
    private Optional<RunResult> alreadyApplied(String planRunId) {
        Optional<RunRecord> earlier = runs.lastFinishedApplyOf(planRunId);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        Map<OpState, Long> states = plannedOps.countByState(planRunId);
        if (states.getOrDefault(OpState.PENDING, 0L) + states.getOrDefault(OpState.SENDING, 0L) > 0) {
            return Optional.empty();
        }
        RunRecord by = earlier.get();
        log.info("plan {} was applied by run {}: nothing left to send", planRunId, by.runId());
        return Optional.of(new RunResult(by, BatchStatus.COMPLETED, ExitCodes.OK, Map.of(), Map.of(), null,
                Map.of(), 0, true, List.of()));
    }

    /**
     * Resumes a run that failed or was interrupted; with no id, the most recent such run.
     *
     * @throws UsageException for an unknown run, no run to resume, or a run that has finished
     */
    public RunResult resume(String runId) {
        RunRecord run = (runId == null ? lastUnfinished() : runs.find(runId))
                .orElseThrow(() -> new UsageException(runId == null ? "no run to resume"
                        : "no run " + runId + " in the state database"));
        try (JobLocks.Lock lock = locks.acquire(run.jobName())) {
            return resume(run);
        }
    }

    private RunResult resume(RunRecord run) {
        JobInstance instance = jobRepository.getJobInstance(SyncJobFactory.JOB_NAME, parameters(run.runId()));
        if (instance != null) {
            JobExecution last = jobRepository.getLastJobExecution(instance);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                throw new UsageException("run " + run.runId() + " has already finished (exit code "
                        + run.exitCode() + "); start a new one");
            }
            if (last != null && last.getStatus().isRunning()) {
                // the process that ran it died: it would hold the job's lock (PostgreSQL), or the database file (H2)
                jobOperator.recover(last);
            }
        }
        return execute(run);
    }

    /** The recorded run with this id, if the state database has it. */
    public Optional<RunRecord> findRun(String runId) {
        return runs.find(runId);
    }

    private Optional<RunRecord> lastUnfinished() {
        return runs.lastUnfinished(ExitCodes.ABORTED);
    }

    private RunResult execute(RunRecord run) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RUN_ID_KEY, run.runId())) {
            log.atInfo().addKeyValue("job", run.jobName()).addKeyValue("command", run.command())
                    .log("run {} of job {} started", run.runId(), run.jobName());
            RunResult result = executeLogged(run);
            var end = log.atInfo().addKeyValue("exit_code", result.exitCode());
            result.rowCounts().forEach(end::addKeyValue);
            end.log("run {} ended: exit {} ({})", run.runId(), result.exitCode(), ExitCodes.meaning(result.exitCode()));
            return result;
        }
    }

    private RunResult executeLogged(RunRecord run) {
        RunContext context = new RunContext(run, JobFiles.fromJson(run.configJson()), targets);
        JobExecution execution;
        try {
            execution = jobOperator.start(jobs.create(context), parameters(run.runId()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start run " + run.runId() + ": " + e.getMessage(), e);
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        execution.getExecutionContext().entrySet().stream()
                .filter(e -> e.getKey().startsWith(ReportTasklet.COUNT_PREFIX))
                .forEach(e -> rows.put(e.getKey().substring(ReportTasklet.COUNT_PREFIX.length()),
                        ((Number) e.getValue()).longValue()));
        int exitCode;
        String problem = null;
        if (execution.getStatus() == BatchStatus.COMPLETED && plannedOps.countBlockedByRemovalLimit(
                run.opsRunId()) > 0) {
            exitCode = ExitCodes.SAFETY_STOP;
            problem = "stopped by policy.max-removals: the removals were held back (see blocked.csv); check the"
                    + " input, then raise the limit if they are intended";
        } else if (execution.getStatus() == BatchStatus.COMPLETED) {
            boolean attention = rows.entrySet().stream()
                    .anyMatch(e -> e.getValue() > 0 && RowStatus.ofLabel(e.getKey()).needsAttention());
            exitCode = attention ? ExitCodes.FAILURES : ExitCodes.OK;
        } else {
            Failures.Classified failure = Failures.classify(execution);
            exitCode = failure.exitCode();
            problem = failure.message();
        }
        Instant finishedAt = Instant.now();
        RunSummary summary = summarise(context, execution, finishedAt, exitCode, problem);
        runs.finish(run.runId(), exitCode, finishedAt, summary == null ? null : summary.toJson());
        RunRecord finished = runs.find(run.runId()).orElse(run);
        if (summary == null) {
            return new RunResult(finished, execution.getStatus(), exitCode, rows, context.requestCounts(), problem);
        }
        // the summary's counts, not the report step's: they are what report RUN and history show, also for a run
        // that stopped before its report step
        Map<String, Long> counted = summary.rowsByStatus();
        List<String> notes = summary.unapplied() == null ? List.of()
                : summary.unapplied().stream().map(RunSummary.Unapplied::text).toList();
        return new RunResult(finished, execution.getStatus(), exitCode, counted, context.requestCounts(), problem,
                summary.changes() == null ? Map.of() : summary.changes(), summary.blocked(), false, notes);
    }

    /** Writes summary.json and report.html; returns the summary for the state database, null if it failed. */
    private RunSummary summarise(RunContext context, JobExecution execution, Instant finishedAt, int exitCode,
                                 String problem) {
        try {
            return summaries.write(new RunEnd(context.run(), finishedAt, exitCode, ExitCodes.meaning(exitCode),
                    problem, StepTimings.of(jobRepository, execution), context.requestCounts(),
                    context.config().policy(), context.mode() == RunMode.PLAN, context.roleColumns()), context.tally());
        } catch (RuntimeException e) {
            // the run's outcome stands and is recorded; only its summary is missing
            log.error("cannot sum run {} up", context.runId(), e);
            return null;
        }
    }

    private static JobParameters parameters(String runId) {
        return new JobParametersBuilder().addString(RunIds.PARAMETER, runId).toJobParameters();
    }
}
