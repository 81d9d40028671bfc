package dev.scimsync.job;

import dev.scimsync.input.InputFileRules;
import dev.scimsync.apply.OpWriter;
import dev.scimsync.verify.Verification;
import dev.scimsync.config.JobFiles;
import dev.scimsync.input.CsvRow;
import dev.scimsync.input.CsvRowReader;
import dev.scimsync.input.InputKind;
import dev.scimsync.plan.MembershipRules;
import dev.scimsync.plan.RunPlanner;
import dev.scimsync.report.DriftReport;
import dev.scimsync.report.RunReport;
import dev.scimsync.snapshot.TeamSnapshot;
import dev.scimsync.snapshot.UserSnapshot;
import dev.scimsync.validate.DesiredSetRepository;
import dev.scimsync.plan.DesiredUserRepository;
import dev.scimsync.input.InputFileRepository;
import dev.scimsync.plan.PlannedOp;
import dev.scimsync.plan.OpState;
import dev.scimsync.plan.PlannedOpRepository;
import dev.scimsync.plan.ToSendPages;
import dev.scimsync.snapshot.SnapshotRepository;
import dev.scimsync.validate.RowErrorRepository;
import dev.scimsync.state.OwnershipLedger;
import dev.scimsync.validate.RowRules;
import dev.scimsync.apply.TargetIdLookup;
import dev.scimsync.validate.MembershipRowValidator;
import dev.scimsync.validate.RoleRowValidator;
import dev.scimsync.validate.ServiceAccountRowValidator;
import dev.scimsync.snapshot.ServiceAccountSnapshot;
import dev.scimsync.plan.ServiceAccountPlanner;
import dev.scimsync.validate.StagingWriter;
import dev.scimsync.validate.TeamRowValidator;
import dev.scimsync.validate.UserRowValidator;
import dev.scimsync.validate.Validated;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
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
    private final InputFileRepository inputFiles;
    private final DesiredUserRepository desiredUsers;
    private final DesiredSetRepository desiredSets;
    private final RowErrorRepository rowErrors;
    private final RowRules rowRules;
    private final UserSnapshot snapshot;
    private final TeamSnapshot teamSnapshot;
    private final MembershipRules membershipRules;
    private final RunPlanner planner;
    private final PlannedOpRepository plannedOps;
    private final TargetIdLookup targetIds;
    private final OwnershipLedger ownership;
    private final Verification verification;
    private final RunReport report;
    private final DriftReport drift;
    private final SnapshotRepository remoteOrgs;
    private final ServiceAccountSnapshot serviceAccountSnapshot;
    private final ServiceAccountPlanner serviceAccountPlanner;

    SyncJobFactory(JobRepository jobRepository, PlatformTransactionManager transactions, DataSource dataSource,
                   InputFileRepository inputFiles, DesiredUserRepository desiredUsers, DesiredSetRepository desiredSets, RowErrorRepository rowErrors,
                   RowRules rowRules, UserSnapshot snapshot, TeamSnapshot teamSnapshot,
                   MembershipRules membershipRules, RunPlanner planner, PlannedOpRepository plannedOps,
                   TargetIdLookup targetIds, Verification verification, RunReport report, DriftReport drift,
                   OwnershipLedger ownership, SnapshotRepository remoteOrgs,
                   ServiceAccountSnapshot serviceAccountSnapshot, ServiceAccountPlanner serviceAccountPlanner) {
        this.serviceAccountSnapshot = serviceAccountSnapshot;
        this.serviceAccountPlanner = serviceAccountPlanner;
        this.ownership = ownership;
        this.remoteOrgs = remoteOrgs;
        this.targetIds = targetIds;
        this.jobRepository = jobRepository;
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.inputFiles = inputFiles;
        this.desiredUsers = desiredUsers;
        this.desiredSets = desiredSets;
        this.rowErrors = rowErrors;
        this.rowRules = rowRules;
        this.snapshot = snapshot;
        this.teamSnapshot = teamSnapshot;
        this.membershipRules = membershipRules;
        this.planner = planner;
        this.plannedOps = plannedOps;
        this.verification = verification;
        this.report = report;
        this.drift = drift;
    }

    Job create(RunContext run) {
        if (run.mode() == RunMode.VALIDATE) {
            return validate(run);
        }
        JobExecutionDecider prepare = (job, step) -> decision(run.mode().prepares());
        JobExecutionDecider apply = (job, step) -> decision(run.mode().applies());
        Step reportStep = tasklet("report", new ReportTasklet(run, report, drift));
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(run)
                .start(tasklet("guard-inputs", new InputGuardTasklet(run, inputFiles)))
                .next(prepare).on("SKIP").to(apply)
                .from(prepare).on("*").to(prepare(run))
                .next(tasklet("list-service-accounts", new ServiceAccountSnapshotTasklet(run, serviceAccountSnapshot,
                        desiredSets, remoteOrgs)))
                .next(tasklet("plan", new PlanTasklet(run, membershipRules, serviceAccountPlanner, planner, report,
                        inputFiles, remoteOrgs)))
                .next(apply).on("SKIP").to(reportStep)
                .from(apply).on("*").to(applyStep(run))
                .next(tasklet("verify", new VerifyTasklet(run, verification, ownership)))
                .next(reportStep)
                .end()
                .build();
    }

    /**
     * Loads the inputs and lists the target at the same time: the listing reads the target only, and against a
     * real service it spends most of its time waiting for pages, while loading keeps one core busy. Each is a step
     * of its own, restarted on its own; the plan starts when both have finished.
     */
    private Flow prepare(RunContext run) {
        Flow load = load(run);
        Flow list = new FlowBuilder<Flow>("list-target")
                .start(tasklet("snapshot", new SnapshotTasklet(run, snapshot, teamSnapshot, remoteOrgs)))
                .build();
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("prepare-");
        threads.setConcurrencyLimit(2);
        return new FlowBuilder<Flow>("prepare").split(threads).add(load, list).build();
    }

    /**
     * Loads every input the job names with its row validators, then applies the rules across rows: the same steps
     * for {@code validate} as for a run that plans, so the two cannot disagree about a row.
     */
    private Flow load(RunContext run) {
        return new FlowBuilder<Flow>("load")
                .start(load(run, InputKind.ROLES, new RoleRowValidator(), desiredSets::insertRoles))
                .next(load(run, InputKind.USERS, new UserRowValidator(), desiredUsers::insert))
                .next(load(run, InputKind.TEAMS, new TeamRowValidator(), desiredSets::insertTeams))
                .next(load(run, InputKind.MEMBERSHIPS, new MembershipRowValidator(), desiredSets::insertMembers))
                .next(load(run, InputKind.SERVICE_ACCOUNTS, new ServiceAccountRowValidator(),
                        desiredSets::insertServiceAccounts))
                .next(tasklet("cross-file-rules", new CrossFileRulesTasklet(run, rowRules)))
                .build();
    }

    /**
     * {@code validate}: the input guard, the load and the rules across rows, and nothing after them: no snapshot, no
     * target. What the rows came to is read from the run's (throw-away) state database once the job has ended.
     */
    private Job validate(RunContext run) {
        Flow checks = new FlowBuilder<Flow>("validate")
                .start(tasklet("guard-inputs", new InputGuardTasklet(run, inputFiles)))
                .next(load(run))
                .build();
        return new JobBuilder(JOB_NAME, jobRepository).listener(run).start(checks).end().build();
    }

    private static FlowExecutionStatus decision(boolean go) {
        return new FlowExecutionStatus(go ? "GO" : "SKIP");
    }

    private Step tasklet(String name, Tasklet tasklet) {
        return new StepBuilder(name, jobRepository).listener(StepLogContext.INSTANCE).tasklet(tasklet, transactions)
                .build();
    }

    /** Loads one input file: read, validate, stage; a file the job does not name loads nothing. */
    private <T> Step load(RunContext run, InputKind kind, ItemProcessor<CsvRow, Validated<T>> validator,
                          StagingWriter.Table<T> table) {
        String name = "load-" + kind.id();
        Path file = InputFileRules.configured(run.config().inputs()).get(kind);
        if (file == null) {
            return tasklet(name, (contribution, chunk) -> RepeatStatus.FINISHED);
        }
        CsvRowReader reader = new CsvRowReader(kind, file, JobFiles.absolute(file).toString(),
                InputOptions.of(run.config().inputs(), kind));
        return new StepBuilder(name, jobRepository)
                .listener(StepLogContext.INSTANCE)
                .<CsvRow, Validated<T>>chunk(run.config().limits().chunkSize())
                .transactionManager(transactions)
                .reader(reader)
                .processor(validator)
                .writer(new StagingWriter<>(run::runId, table, kind::protectedKey, rowErrors))
                .listener(new Progress(Progress.Output.system(), "load " + kind.id(), "rows", () -> inputFiles
                        .of(run.runId()).stream().filter(f -> f.kind().equals(kind.id()))
                        .mapToLong(f -> f.rowCount()).sum()))
                .build();
    }

    private Step applyStep(RunContext run) {
        OpWriter writer = new OpWriter(run.run().opsRunId(), plannedOps, targetIds, run::client, run::executor,
                run.config().limits().maxErrorRate());
        return new StepBuilder("apply", jobRepository)
                .listener(StepLogContext.INSTANCE)
                .<PlannedOp, PlannedOp>chunk(run.config().limits().chunkSize())
                .transactionManager(transactions)
                .reader(pendingOps(run))
                .writer(writer)
                .listener(writer)
                .listener(new Progress(Progress.Output.system(), "apply", "operations", () -> {
                    Map<OpState, Long> states = plannedOps.countByState(run.run().opsRunId());
                    return states.getOrDefault(OpState.PENDING, 0L) + states.getOrDefault(OpState.SENDING, 0L);
                }))
                .build();
    }

    private JdbcPagingItemReader<PlannedOp> pendingOps(RunContext run) {
        return ToSendPages.reader(dataSource, run.run().opsRunId(), run.config().limits().chunkSize());
    }
}
