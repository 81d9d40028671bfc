package dev.scimsync.job;

import dev.scimsync.apply.UserVerifier;
import dev.scimsync.snapshot.UserSnapshot;
import dev.scimsync.state.Ownership;
import dev.scimsync.state.RemoteOrg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Lists the target again and checks that every applied operation shows; records what the run's inputs named and
 * what it created in the job's ownership ledger.
 */
final class VerifyTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(VerifyTasklet.class);

    private final RunContext context;
    private final UserSnapshot snapshot;
    private final UserVerifier verifier;
    private final Ownership ownership;

    VerifyTasklet(RunContext context, UserSnapshot snapshot, UserVerifier verifier, Ownership ownership) {
        this.ownership = ownership;
        this.context = context;
        this.snapshot = snapshot;
        this.verifier = verifier;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RemoteOrg.Builder listed = RemoteOrg.builder();
        snapshot.take(context.client(), listed);
        long mismatches = verifier.verify(listed.build(), context.run().opsRunId());
        // a run that may change the target adds what its inputs named, and what it created, to the job's ledger;
        // a plan alone changes nothing, the ledger included
        ownership.recordInputs(context.run().opsRunId(), context.config().name());
        ownership.recordCreated(context.run().opsRunId(), context.config().name());
        if (mismatches > 0) {
            log.warn("verify: {} applied operations do not show on the target", mismatches);
        }
        return RepeatStatus.FINISHED;
    }
}
