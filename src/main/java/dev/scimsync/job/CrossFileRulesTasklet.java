package dev.scimsync.job;

import dev.scimsync.state.DesiredUsers;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Rules that need every row at once, run in SQL over the loaded rows: a user listed twice (emails differing only
 * in case) keeps its first row; the later ones become invalid rows that name the first line.
 */
final class CrossFileRulesTasklet implements Tasklet {

    private final RunContext context;
    private final DesiredUsers desiredUsers;

    CrossFileRulesTasklet(RunContext context, DesiredUsers desiredUsers) {
        this.context = context;
        this.desiredUsers = desiredUsers;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (context.config().inputs().users() != null) {
            String emailHeader = context.config().inputs().columnsFor("users").getOrDefault("email", "email");
            int moved = desiredUsers.rejectDuplicateEmails(context.runId(),
                    context.config().inputs().users().toString(), emailHeader);
            contribution.incrementFilterCount(moved);
        }
        return RepeatStatus.FINISHED;
    }
}
