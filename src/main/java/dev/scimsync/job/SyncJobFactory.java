package dev.scimsync.job;

import dev.scimsync.apply.OpWriter;
import dev.scimsync.apply.UserVerifier;
import dev.scimsync.input.CsvRow;
import dev.scimsync.input.CsvRowReader;
import dev.scimsync.input.InputKind;
import dev.scimsync.plan.UserPlanner;
import dev.scimsync.report.DriftReport;
import dev.scimsync.report.RunReport;
import dev.scimsync.snapshot.UserSnapshot;
import dev.scimsync.state.DesiredUser;
import dev.scimsync.state.DesiredUsers;
import dev.scimsync.state.InputFiles;
import dev.scimsync.state.PlannedOp;
import dev.scimsync.state.OpState;
import dev.scimsync.state.PlannedOps;
import dev.scimsync.state.RemoteUsers;
import dev.scimsync.state.RowErrors;
import dev.scimsync.validate.UserRowValidator;
import dev.scimsync.validate.UserRowWriter;
import dev.scimsync.validate.Validated;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the sync job for one run: guard the inputs, load and validate them, snapshot the target, plan, apply,
 * verify, report. {@code plan} stops after planning; {@code apply --plan RUN} goes straight to applying that plan.
 * The job is built per run because chunk size, files and target are the run's; a resumed run rebuilds the same job
 * from the configuration kept with the run, and Spring Batch restarts it from its last committed chunk. Wiring
 * only: the work is done in the feature packages.
 */
@Component
public class SyncJobFactory {

    public static final String JOB_NAME = "scim-sync";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactions;
    private final DataSource dataSource;
    private final InputFiles inputFiles;
    private final DesiredUsers desiredUsers;
    private final RowErrors rowErrors;
    private final RemoteUsers remoteUsers;
    private final UserSnapshot snapshot;
    private final UserPlanner planner;
    private final PlannedOps plannedOps;
    private final UserVerifier verifier;
    private final RunReport report;
    private final DriftReport drift;

    SyncJobFactory(JobRepository jobRepository, PlatformTransactionManager transactions, DataSource dataSource,
                   InputFiles inputFiles, DesiredUsers desiredUsers, RowErrors rowErrors, RemoteUsers remoteUsers,
                   UserSnapshot snapshot,
                   UserPlanner planner, PlannedOps plannedOps, UserVerifier verifier, RunReport report,
                   DriftReport drift) {
        this.jobRepository = jobRepository;
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.inputFiles = inputFiles;
        this.desiredUsers = desiredUsers;
        this.rowErrors = rowErrors;
        this.remoteUsers = remoteUsers;
        this.snapshot = snapshot;
        this.planner = planner;
        this.plannedOps = plannedOps;
        this.verifier = verifier;
        this.report = report;
        this.drift = drift;
    }

    Job create(RunContext run) {
        JobExecutionDecider prepare = (job, step) -> decision(run.mode().prepares());
        JobExecutionDecider apply = (job, step) -> decision(run.mode().applies());
        Step reportStep = tasklet("report", new ReportTasklet(run, report, drift));
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(run)
                .start(tasklet("guard-inputs", new InputGuardTasklet(run, inputFiles)))
                .next(prepare).on("SKIP").to(apply)
                .from(prepare).on("*").to(loadUsers(run))
                .next(tasklet("cross-file-rules", new CrossFileRulesTasklet(run, desiredUsers)))
                .next(tasklet("snapshot", new SnapshotTasklet(run, snapshot, RemoteUsers.SNAPSHOT)))
                .next(tasklet("plan", new PlanTasklet(run, planner, plannedOps, remoteUsers, report)))
                .next(apply).on("SKIP").to(reportStep)
                .from(apply).on("*").to(applyStep(run))
                .next(tasklet("verify", new VerifyTasklet(run, snapshot, verifier)))
                .next(reportStep)
                .end()
                .build();
    }

    private static FlowExecutionStatus decision(boolean go) {
        return new FlowExecutionStatus(go ? "GO" : "SKIP");
    }

    private Step tasklet(String name, Tasklet tasklet) {
        return new StepBuilder(name, jobRepository).tasklet(tasklet, transactions).build();
    }

    private Step loadUsers(RunContext run) {
        Path file = run.config().inputs().users();
        if (file == null) {
            return tasklet("load-users", (contribution, chunk) -> RepeatStatus.FINISHED);
        }
        CsvRowReader reader = new CsvRowReader(InputKind.USERS, file, String.valueOf(file),
                run.config().inputs().columnsFor("users"));
        return new StepBuilder("load-users", jobRepository)
                .<CsvRow, Validated<DesiredUser>>chunk(run.config().limits().chunkSize())
                .transactionManager(transactions)
                .reader(reader)
                .processor(new UserRowValidator())
                .writer(new UserRowWriter(run::runId, desiredUsers, rowErrors))
                .listener(new Progress(Progress.Output.system(), "load users", "rows", () -> inputFiles
                        .of(run.runId()).stream().filter(f -> f.kind().equals(InputKind.USERS.id()))
                        .mapToLong(f -> f.rowCount()).sum()))
                .build();
    }

    private Step applyStep(RunContext run) {
        return new StepBuilder("apply", jobRepository)
                .<PlannedOp, PlannedOp>chunk(run.config().limits().chunkSize())
                .transactionManager(transactions)
                .reader(pendingOps(run))
                .writer(new OpWriter(run.run().opsRunId(), plannedOps, run::client, run::executor,
                        run.config().limits().maxErrorRate()))
                .listener(new Progress(Progress.Output.system(), "apply", "operations", () -> {
                    Map<OpState, Long> states = plannedOps.countByState(run.run().opsRunId());
                    return states.getOrDefault(OpState.PENDING, 0L) + states.getOrDefault(OpState.SENDING, 0L);
                }))
                .build();
    }

    private JdbcPagingItemReader<PlannedOp> pendingOps(RunContext run) {
        try {
            JdbcPagingItemReader<PlannedOp> reader = new JdbcPagingItemReaderBuilder<PlannedOp>()
                    .name("pending-ops")
                    .dataSource(dataSource)
                    .selectClause("SELECT " + PlannedOps.COLUMNS)
                    .fromClause("FROM planned_op")
                    .whereClause("WHERE run_id = :runId AND state IN ('PENDING', 'SENDING')")
                    .parameterValues(Map.of("runId", run.run().opsRunId()))
                    .sortKeys(Map.of("seq", Order.ASCENDING))
                    .pageSize(run.config().limits().chunkSize())
                    .rowMapper(PlannedOps.MAPPER)
                    .build();
            reader.afterPropertiesSet();
            return reader;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the reader of planned operations", e);
        }
    }
}
