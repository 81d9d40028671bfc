package dev.scimsync.job;


import dev.scimsync.config.PolicyConfig;
import dev.scimsync.plan.UserPlanner;
import dev.scimsync.report.RunReport;
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
    private final RunReport report;

    PlanTasklet(RunContext context, UserPlanner users, RunReport report) {
        this.context = context;
        this.users = users;
        this.report = report;
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
        report.writePlan(runId, context.outDir());
        log.info("plan: {} operations, {} held back", plan.operations(), plan.blocked());
        return RepeatStatus.FINISHED;
    }
}
