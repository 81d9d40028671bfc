package dev.scimsync.job;

import dev.scimsync.config.InputsConfig;
import dev.scimsync.plan.MembershipRules;
import dev.scimsync.plan.Policy;
import dev.scimsync.plan.RoleColumns;
import dev.scimsync.plan.RunPlanner;
import dev.scimsync.plan.ServiceAccountPlanner;
import dev.scimsync.snapshot.SnapshotRepository;
import dev.scimsync.report.RunReport;
import dev.scimsync.input.InputFileRecord;
import dev.scimsync.input.InputFileRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the rows that need the target (a membership's user and custom role, a service account's team), diffs the desired state against
 * the snapshot into {@code planned_op}, holds back removals over the limit, and writes plan.csv.
 */
final class PlanTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PlanTasklet.class);

    private final RunContext context;
    private final MembershipRules membershipRules;
    private final RunPlanner planner;
    private final RunReport report;
    private final InputFileRepository inputFiles;
    private final ServiceAccountPlanner serviceAccounts;
    private final SnapshotRepository orgs;

    PlanTasklet(RunContext context, MembershipRules membershipRules, ServiceAccountPlanner serviceAccounts,
                RunPlanner planner, RunReport report, InputFileRepository inputFiles, SnapshotRepository orgs) {
        this.serviceAccounts = serviceAccounts;
        this.orgs = orgs;
        this.inputFiles = inputFiles;
        this.context = context;
        this.membershipRules = membershipRules;
        this.planner = planner;
        this.report = report;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        String runId = context.runId();
        InputsConfig inputs = context.config().inputs();
        if (inputs.memberships() != null) {
            contribution.incrementFilterCount(membershipRules.apply(runId, inputs.headerFor("memberships", "email"),
                    inputs.headerFor("memberships", "role"), context.roleColumns().teamRole()));
        }
        if (inputs.serviceAccounts() != null) {
            // after the membership rules: a team only a rejected membership row names is not created
            contribution.incrementFilterCount(serviceAccounts.rejectUnknownTeams(runId,
                    orgs.load(runId, SnapshotRepository.SNAPSHOT), inputs.headerFor("service-accounts", "team")));
        }
        Set<String> partial = inputFiles.of(runId).stream().filter(InputFileRecord::partial)
                .map(InputFileRecord::kind).collect(Collectors.toSet());
        RoleColumns roleColumns = context.roleColumns();
        RunPlanner.Plan plan = planner.plan(runId, context.config().name(), Policy.from(context.config(), partial,
                context.client().dialect().supportsProfileUpdates(), context.run().allowRemovals(), roleColumns));
        plan.unapplied().forEach(column -> log.warn("{}", column.describe()));
        contribution.incrementWriteCount(plan.operations());
        report.writePlan(runId, context.outDir());
        if (plan.removalLimit() != null) {
            log.warn("{}; no removal will be applied", plan.removalLimit());
        }
        log.atInfo().addKeyValue("operations", plan.operations()).addKeyValue("held_back", plan.heldBack())
                .log("plan: {} operations, {} held back", plan.operations(), plan.heldBack());
        return RepeatStatus.FINISHED;
    }
}
