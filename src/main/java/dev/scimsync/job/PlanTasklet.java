package dev.scimsync.job;


import dev.scimsync.config.PolicyConfig;
import dev.scimsync.plan.UserPlanner;
import dev.scimsync.report.RunReport;
import dev.scimsync.state.PlannedOps;
import dev.scimsync.state.RemoteUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Diffs the desired state against the snapshot into {@code planned_op} and writes plan.csv. */
final class PlanTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PlanTasklet.class);

    private final RunContext context;
    private final UserPlanner users;
    private final PlannedOps plannedOps;
    private final RemoteUsers remoteUsers;
    private final RunReport report;

    PlanTasklet(RunContext context, UserPlanner users, PlannedOps plannedOps, RemoteUsers remoteUsers,
                RunReport report) {
        this.context = context;
        this.users = users;
        this.plannedOps = plannedOps;
        this.remoteUsers = remoteUsers;
        this.report = report;
    }

    /**
     * Checks the plan's removals against {@code policy.max-removals} (a count, or a share of the users the target
     * holds) before anything is written; over the limit, every removal is held back and the run ends with exit 3.
     */
    private void enforceRemovalLimit(String runId, PolicyConfig policy) {
        long removals = plannedOps.pendingRemovals(runId);
        long managed = remoteUsers.countActive(runId, RemoteUsers.SNAPSHOT);
        long allowed = policy.maxRemovals().allowed(managed);
        if (removals > allowed) {
            String reason = String.format("removal limit: %d deactivations planned, policy.max-removals %s of %d"
                    + " active users allows %d", removals, policy.maxRemovals(), managed, allowed);
            plannedOps.blockRemovals(runId, reason);
            log.warn("{}; no removal will be applied", reason);
        }
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        String runId = context.runId();
        PolicyConfig policy = context.config().policy();
        Set<String> protectedUsers = new HashSet<>();
        policy.protectedUsers().forEach(email -> protectedUsers.add(email.toLowerCase(Locale.ROOT)));
        UserPlanner.UserPlan plan = users.plan(runId, policy.absentUsers() == PolicyConfig.AbsentUsers.DEACTIVATE,
                protectedUsers, context.client().dialect().supportsProfileUpdates());
        contribution.incrementWriteCount(plan.operations());
        enforceRemovalLimit(runId, policy);
        report.writePlan(runId, context.outDir());
        log.info("plan: {} operations, {} held back", plan.operations(), plan.blocked());
        return RepeatStatus.FINISHED;
    }
}
