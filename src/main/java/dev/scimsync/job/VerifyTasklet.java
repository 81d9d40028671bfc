package dev.scimsync.job;

import dev.scimsync.state.OwnershipLedger;
import dev.scimsync.verify.Verification;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The verify step: checks the applied operations against the target ({@link Verification}), then records what the
 * run's inputs named and what it created in the job's ownership ledger.
 */
final class VerifyTasklet implements Tasklet {

    private final RunContext context;
    private final Verification verification;
    private final OwnershipLedger ownership;

    VerifyTasklet(RunContext context, Verification verification, OwnershipLedger ownership) {
        this.context = context;
        this.verification = verification;
        this.ownership = ownership;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        verification.verify(context.client(), context.run().opsRunId());
        // a run that may change the target adds what its inputs named, and what it created, to the job's ledger;
        // a plan alone changes nothing, the ledger included
        ownership.recordInputs(context.run().opsRunId(), context.config().name());
        ownership.recordCreated(context.run().opsRunId(), context.config().name());
        return RepeatStatus.FINISHED;
    }
}
