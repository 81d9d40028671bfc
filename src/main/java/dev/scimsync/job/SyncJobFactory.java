package dev.scimsync.job;

import dev.scimsync.apply.OpWriter;
import dev.scimsync.verify.Verification;
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
import dev.scimsync.snapshot.ServiceAccountSnapshot;
import dev.scimsync.plan.ServiceAccountPlanner;
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
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
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
    private final DesiredSetRepository desiredSets;
    private final InputLoad inputs;
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
        this.desiredSets = desiredSets;
        this.inputs = new InputLoad(jobRepository, transactions, inputFiles, desiredUsers, desiredSets, rowErrors,
                rowRules);
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
        JobExecutionDecider prepare = (job, step) -> decision(run.mode().prepares());
        JobExecutionDecider apply = (job, step) -> decision(run.mode().applies());
        Step reportStep = tasklet("report", new ReportTasklet(run, report, drift));
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(run)
                .start(inputs.guard(run))
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
        Flow load = inputs.load(run);
        Flow list = new FlowBuilder<Flow>("list-target")
                .start(tasklet("snapshot", new SnapshotTasklet(run, snapshot, teamSnapshot, remoteOrgs)))
                .build();
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("prepare-");
        threads.setConcurrencyLimit(2);
        return new FlowBuilder<Flow>("prepare").split(threads).add(load, list).build();
    }

    private static FlowExecutionStatus decision(boolean go) {
        return new FlowExecutionStatus(go ? "GO" : "SKIP");
    }

    private Step tasklet(String name, Tasklet tasklet) {
        return inputs.tasklet(name, tasklet);
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
