package dev.scimsync.apply;

import dev.scimsync.scim.ScimAuthException;
import dev.scimsync.scim.ScimClient;
import dev.scimsync.scim.ScimException;
import dev.scimsync.scim.UnsupportedByDialectException;
import dev.scimsync.plan.OpKind;
import dev.scimsync.plan.OpOutcome;
import dev.scimsync.plan.OpState;
import dev.scimsync.plan.PlannedOp;
import dev.scimsync.plan.PlannedOpRepository;
import dev.scimsync.apply.TargetIdLookup;
import dev.scimsync.plan.TeamPayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Sends the planned operations, up to the executor's size at a time, phase by phase (a user is created before anything
 * refers to it). Operations that one request can carry together (members of one team, one user's team roles) are sent
 * together.
 *
 * <p>Restart safety rests on {@code planned_op}, not on the chunk's commit: before anything of a chunk is sent, its
 * operations are marked SENDING in a transaction of their own, and each outcome is recorded, in batches, as its answer
 * comes in. A run killed at any point resumes from what those rows say (the reader keeps no position): SENDING
 * operations are looked up on the target before they are sent again.
 *
 * <p>That lets requests keep flowing across chunk boundaries. A chunk's requests are still out when its
 * {@code write} returns; the next {@code write} marks and queues its own before it waits for them. So the threads
 * are not idle while a chunk commits, the next one is read and marked, or the last answers of a chunk come in. The
 * last chunk (nothing left to send after it) is waited for before it commits, and a phase waits for every earlier
 * phase. The step's end waits for anything still out.
 */
public final class OpWriter implements ItemWriter<PlannedOp>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(OpWriter.class);

    /** The error type of an operation the target (or its dialect) has no call for. */
    static final String UNSUPPORTED = "unsupported";

    /** Outcomes recorded together: large enough for one batch update to be cheap, small enough to keep up. */
    private static final int RECORD_BATCH = 100;

    private final String opsRunId;
    private final PlannedOpRepository plannedOps;
    private final TargetIdLookup targetIds;
    private final Supplier<ScimClient> client;
    private final Supplier<ExecutorService> executor;
    private final ErrorRateGuard errorRate;
    private UserOperations users;
    private TeamOperations teams;
    private RoleOperations roles;
    private ServiceAccountOperations serviceAccounts;
    private KnownIds knownIds;
    /** Phases sent and not yet waited for, oldest first; the last chunk's stay out while the next is read. */
    private final Deque<Sent> out = new ArrayDeque<>();
    private final List<OpOutcome> unrecorded = new ArrayList<>(RECORD_BATCH);
    private long chunks;
    /**
     * Set once a request has ended the run: the requests still queued then leave the queue unsent (their operations
     * stay SENDING and are looked up on resume), and only those already out are waited for.
     */
    private volatile boolean stopping;

    /**
     * @param client   the run's client, opened on the first chunk
     * @param executor the run's sending threads, started on the first chunk
     */
    public OpWriter(String opsRunId, PlannedOpRepository plannedOps, TargetIdLookup targetIds, Supplier<ScimClient> client,
                    Supplier<ExecutorService> executor, double maxErrorRate) {
        this.opsRunId = opsRunId;
        this.plannedOps = plannedOps;
        this.targetIds = targetIds;
        this.client = client;
        this.executor = executor;
        this.errorRate = new ErrorRateGuard(maxErrorRate);
    }

    @Override
    public void write(Chunk<? extends PlannedOp> chunk) throws InterruptedException {
        if (users == null) {
            ScimClient scim = client.get();
            users = new UserOperations(scim);
            knownIds = new KnownIds(targetIds, opsRunId);
            teams = new TeamOperations(scim, knownIds);
            roles = new RoleOperations(scim);
            serviceAccounts = new ServiceAccountOperations(scim);
        }
        List<? extends PlannedOp> ops = chunk.getItems();
        if (ops.isEmpty()) {
            return;
        }
        long chunkNo = ++chunks;
        boolean written = false;
        try {
            if (ops.stream().anyMatch(op -> op.state() == OpState.PENDING)) {
                plannedOps.markSending(opsRunId, ops.get(0).seq(), ops.get(ops.size() - 1).seq());
            }
            TreeMap<Integer, List<PlannedOp>> phases = new TreeMap<>();
            ops.forEach(op -> phases.computeIfAbsent(op.phase(), p -> new ArrayList<>()).add(op));
            for (Map.Entry<Integer, List<PlannedOp>> phase : phases.entrySet()) {
                // a later phase refers to what an earlier one makes (a team's new members need their users' ids)
                await(sent -> sent.phase() < phase.getKey());
                out.add(submit(chunkNo, phase.getKey(), phase.getValue()));
            }
            if (plannedOps.anyToSendAfter(opsRunId, ops.get(ops.size() - 1).seq())) {
                // the earlier chunks' answers; this chunk's requests stay out while the next chunk is read and marked
                await(sent -> sent.chunk() < chunkNo);
            } else {
                await(sent -> true);
            }
            written = true;
        } finally {
            if (!written) {
                stopSending();
            }
            plannedOps.record(opsRunId, unrecorded);
            unrecorded.clear();
        }
    }

    /**
     * Waits for what may still be out when the step ends otherwise than through its last chunk, and records it. When
     * one of those requests ends the run, the step fails, its status as well as its exit status: a step left
     * COMPLETED would be skipped on resume, and the operations not sent would never be.
     */
    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (out.isEmpty()) {
            return null;
        }
        try {
            await(sent -> true);
            return null;
        } catch (RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            stopSending();
            log.error("apply stopped: {}", e.getMessage());
            stepExecution.setStatus(BatchStatus.FAILED);
            stepExecution.addFailureException(e);
            return ExitStatus.FAILED.addExitDescription(e);
        } finally {
            plannedOps.record(opsRunId, unrecorded);
            unrecorded.clear();
        }
    }

    private Sent submit(long chunkNo, int phase, List<PlannedOp> ops) {
        Map<Long, PlannedOp> bySeq = new HashMap<>();
        ops.forEach(op -> bySeq.put(op.seq(), op));
        List<Future<List<OpOutcome>>> futures = groups(ops).stream()
                .map(group -> executor.get().submit(() -> sendUnlessStopping(group))).toList();
        return new Sent(chunkNo, phase, futures, bySeq);
    }

    /** Sends a queued request unless the run is ending; what escapes {@link #send} ends it, from this thread on. */
    private List<OpOutcome> sendUnlessStopping(List<PlannedOp> group) {
        if (stopping) {
            return List.of();
        }
        try {
            return send(group);
        } catch (RuntimeException e) {
            stopping = true;
            throw e;
        }
    }

    /**
     * Waits, oldest first, for the requests of every phase sent that {@code which} selects, and records their
     * outcomes in batches while the other threads wait for their answers. The first request that ends the run
     * (refused credentials, a target that does not answer, too many failures) stops the rest of its phase from
     * being sent, and is thrown once the requests already out are answered.
     */
    private void await(Predicate<Sent> which) throws InterruptedException {
        RuntimeException abort = null;
        while (abort == null && !out.isEmpty() && which.test(out.peekFirst())) {
            Sent sent = out.pollFirst();
            for (Future<List<OpOutcome>> future : sent.futures()) {
                try {
                    take(sent, future);
                } catch (ExecutionException e) {
                    if (abort == null) {
                        abort = asRuntime(e.getCause());
                        // what has not left yet stays unsent; the requests out are still waited for below
                        stopping = true;
                    }
                }
                if (unrecorded.size() >= RECORD_BATCH) {
                    plannedOps.record(opsRunId, unrecorded);
                    unrecorded.clear();
                }
            }
        }
        if (abort != null) {
            throw abort;
        }
    }

    /**
     * Ends a failed chunk: what has not left yet is not sent (it stays SENDING and is looked up on resume), what is
     * out is waited for, so no request of this run is still in flight once its step has failed.
     */
    private void stopSending() {
        stopping = true;
        while (!out.isEmpty()) {
            Sent sent = out.pollFirst();
            for (Future<List<OpOutcome>> future : sent.futures()) {
                try {
                    take(sent, future);
                } catch (ExecutionException e) {
                    // the failure is the chunk's, already being thrown
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Waits for one request's outcomes, to be recorded with the next batch. */
    private void take(Sent sent, Future<List<OpOutcome>> future) throws ExecutionException, InterruptedException {
        List<OpOutcome> outcomes = future.get();
        remember(sent.bySeq(), outcomes);
        unrecorded.addAll(outcomes);
    }

    /** The requests of one phase of one chunk, and the operations they carry. */
    private record Sent(long chunk, int phase, List<Future<List<OpOutcome>>> futures, Map<Long, PlannedOp> bySeq) {
    }

    /** Keeps the ids of users created, for the later phases (teams keep their own). */
    private void remember(Map<Long, PlannedOp> phaseBySeq, List<OpOutcome> sent) {
        for (OpOutcome outcome : sent) {
            if (outcome.state() != OpState.DONE || outcome.resultId() == null) {
                continue;
            }
            PlannedOp op = phaseBySeq.get(outcome.seq());
            if (op != null && op.kind() == OpKind.CREATE_USER) {
                knownIds.userCreated(op.objectKey(), outcome.resultId());
            }
        }
    }

    /** Splits a phase into what one request carries: a team's new members, a user's team roles, else one op. */
    private static List<List<PlannedOp>> groups(List<PlannedOp> phase) {
        Map<String, List<PlannedOp>> groups = new LinkedHashMap<>();
        for (PlannedOp op : phase) {
            String key = switch (op.kind()) {
                case ADD_MEMBER -> "team:" + TeamPayload.fromJson(op.payload()).team().toLowerCase(Locale.ROOT);
                case SET_TEAM_ROLE -> "user:" + TeamPayload.fromJson(op.payload()).email();
                default -> "op:" + op.seq();
            };
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(op);
        }
        return new ArrayList<>(groups.values());
    }

    private List<OpOutcome> send(List<PlannedOp> group) {
        List<OpOutcome> outcomes;
        try {
            outcomes = execute(group);
        } catch (ScimAuthException e) {
            throw e;
        } catch (ScimException e) {
            if (e.status() < 0) {
                throw new ApplyAbortedException("the target does not answer: " + e.getMessage(), e);
            }
            String type = e.error().scimType() != null ? e.error().scimType() : e.getClass().getSimpleName();
            outcomes = group.stream().map(op -> OpOutcome.failed(op.seq(), e.status(), type,
                    e.detail().orElse(e.getMessage()), 1)).toList();
        } catch (UnsupportedByDialectException e) {
            outcomes = group.stream().map(op -> OpOutcome.failed(op.seq(), null, UNSUPPORTED, e.getMessage(), 0))
                    .toList();
        }
        for (OpOutcome outcome : outcomes) {
            if (outcome.state() == OpState.FAILED) {
                log.warn("operation {} failed: {}", outcome.seq(), outcome.detail());
            }
            // what the target has no call for fails alike every time, and says nothing of the target's health
            if (!UNSUPPORTED.equals(outcome.errorType())) {
                errorRate.record(outcome.state() == OpState.FAILED);
            }
            if (outcome.followUp() != null) {
                log.warn("operation {} succeeded, its follow-up failed: {}", outcome.seq(), outcome.followUp().detail());
                errorRate.record(true);
            }
        }
        return outcomes;
    }

    private List<OpOutcome> execute(List<PlannedOp> group) {
        PlannedOp op = group.get(0);
        boolean unknown = op.state() == OpState.SENDING;
        return switch (op.kind()) {
            case ADD_MEMBER -> teams.addMembers(group);
            case SET_TEAM_ROLE -> teams.setTeamRoles(group);
            case CREATE_TEAM -> List.of(teams.createTeam(op, unknown));
            case REMOVE_MEMBER -> List.of(teams.removeMember(op));
            case CREATE_ROLE -> List.of(roles.create(op, unknown));
            case UPDATE_ROLE -> List.of(roles.update(op));
            case DELETE_ROLE -> List.of(roles.delete(op));
            case CREATE_SERVICE_ACCOUNT -> List.of(serviceAccounts.create(op, unknown));
            case DELETE_TEAM -> List.of(teams.deleteTeam(op));
            case CREATE_USER, REACTIVATE_USER, UPDATE_USER, DEACTIVATE_USER, REMOVE_USER, REMOVE_IN_ADMIN_UI ->
                    List.of(users.execute(op, unknown));
        };
    }

    private static RuntimeException asRuntime(Throwable t) {
        return t instanceof RuntimeException r ? r : new ApplyAbortedException(t.getMessage(), t);
    }
}
