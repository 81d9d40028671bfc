package dev.scimsync.plan;

import dev.scimsync.plan.OpKind;
import dev.scimsync.plan.PlannedOp;
import dev.scimsync.plan.PlannedOpRepository;

import java.util.ArrayList;
import java.util.List;

/**
 * Numbers a run's planned operations and writes them a batch at a time. The sequence number puts the phase first,
 * so reading operations by sequence applies them in the order {@code OpKind} gives the phases.
 */
final class OpBatch {

    private static final int SIZE = 1000;

    private final String runId;
    private final String jobName;
    private final PlannedOpRepository plannedOps;
    private final List<PlannedOp> pending = new ArrayList<>();
    private long counter;

    OpBatch(String runId, String jobName, PlannedOpRepository plannedOps) {
        this.runId = runId;
        this.jobName = jobName;
        this.plannedOps = plannedOps;
    }

    /** Queues an operation; returns its sequence number. */
    long add(OpKind kind, String key, String inputKind, Long line, String targetId, String before, String after,
             String payload) {
        long seq = ((long) kind.phase() << 40) | ++counter;
        pending.add(PlannedOp.pending(runId, seq, kind, key, inputKind, line, targetId, before, after, payload));
        if (pending.size() >= SIZE) {
            flush();
        }
        return seq;
    }

    /** Queues an operation a planner decided on, held back if it says so; returns its sequence number. */
    long add(NewOp op) {
        long seq = add(op.kind(), op.key(), op.inputKind(), op.line(), op.targetId(), op.before(), op.after(),
                op.payload());
        if (op.heldBack() != null) {
            block(seq, op.heldBack());
        }
        return seq;
    }

    /** Holds back an operation already queued, with the reason. */
    void block(long seq, String reason) {
        flush();
        plannedOps.block(runId, seq, reason);
    }

    void flush() {
        if (!pending.isEmpty()) {
            plannedOps.insert(pending);
            pending.clear();
        }
    }

    long count() {
        return counter;
    }

    String runId() {
        return runId;
    }

    /** The job whose ownership ledger decides what may be removed. */
    String jobName() {
        return jobName;
    }
}
