package dev.scimsync.apply;

import dev.scimsync.scim.ScimAuthException;
import dev.scimsync.scim.ScimClient;
import dev.scimsync.scim.ScimException;
import dev.scimsync.scim.UnsupportedByDialectException;
import dev.scimsync.state.OpOutcome;
import dev.scimsync.state.OpState;
import dev.scimsync.state.PlannedOp;
import dev.scimsync.state.PlannedOps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Sends a chunk of planned operations, up to the executor's size at a time, phase by phase (a user is created before
 * anything refers to it), and records every outcome in the chunk's transaction. Before anything is sent the chunk's
 * operations are marked SENDING in a transaction of their own, so a run killed mid-chunk knows which operations
 * may have reached the target.
 */
public final class OpWriter implements ItemWriter<PlannedOp> {

    private static final Logger log = LoggerFactory.getLogger(OpWriter.class);

    private final String opsRunId;
    private final PlannedOps plannedOps;
    private final Supplier<ScimClient> client;
    private final Supplier<ExecutorService> executor;
    private final ErrorRateGuard errorRate;
    private UserOperations users;

    /**
     * @param client   the run's client, opened on the first chunk
     * @param executor the run's sending threads, started on the first chunk
     */
    public OpWriter(String opsRunId, PlannedOps plannedOps, Supplier<ScimClient> client,
                    Supplier<ExecutorService> executor, double maxErrorRate) {
        this.opsRunId = opsRunId;
        this.plannedOps = plannedOps;
        this.client = client;
        this.executor = executor;
        this.errorRate = new ErrorRateGuard(maxErrorRate);
    }

    @Override
    public void write(Chunk<? extends PlannedOp> chunk) throws InterruptedException {
        if (users == null) {
            users = new UserOperations(client.get());
        }
        List<? extends PlannedOp> ops = chunk.getItems();
        plannedOps.markSending(opsRunId, ops.stream().filter(op -> op.state() == OpState.PENDING)
                .map(PlannedOp::seq).toList());
        TreeMap<Integer, List<PlannedOp>> phases = new TreeMap<>();
        ops.forEach(op -> phases.computeIfAbsent(op.phase(), p -> new ArrayList<>()).add(op));
        List<OpOutcome> outcomes = new ArrayList<>(ops.size());
        RuntimeException abort = null;
        for (List<PlannedOp> phase : phases.values()) {
            List<Future<OpOutcome>> futures = phase.stream().map(op -> executor.get().submit(() -> send(op))).toList();
            for (Future<OpOutcome> future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    abort = abort != null ? abort : asRuntime(e.getCause());
                }
            }
            if (abort != null) {
                break;
            }
        }
        if (abort != null) {
            // keep what is known; the operations without an outcome stay SENDING and are checked on resume
            plannedOps.recordNow(opsRunId, outcomes);
            throw abort;
        }
        plannedOps.record(opsRunId, outcomes);
    }

    private OpOutcome send(PlannedOp op) {
        OpOutcome outcome;
        try {
            outcome = users.execute(op, op.state() == OpState.SENDING);
        } catch (ScimAuthException e) {
            throw e;
        } catch (ScimException e) {
            if (e.status() < 0) {
                throw new ApplyAbortedException("the target does not answer: " + e.getMessage(), e);
            }
            outcome = OpOutcome.failed(op.seq(), e.status(), e.error().scimType() != null ? e.error().scimType()
                    : e.getClass().getSimpleName(), e.detail().orElse(e.getMessage()), 1);
        } catch (UnsupportedByDialectException e) {
            outcome = OpOutcome.failed(op.seq(), null, "unsupported", e.getMessage(), 0);
        }
        if (outcome.state() == OpState.FAILED) {
            log.warn("{} {} failed: {}", op.kind(), op.objectKey(), outcome.detail());
        }
        errorRate.record(outcome.state() == OpState.FAILED);
        return outcome;
    }

    private static RuntimeException asRuntime(Throwable t) {
        return t instanceof RuntimeException r ? r : new ApplyAbortedException(t.getMessage(), t);
    }
}
