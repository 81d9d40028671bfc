package dev.scimsync.apply;

import dev.scimsync.scim.ScimAuthException;
import dev.scimsync.scim.ScimClient;
import dev.scimsync.scim.ScimException;
import dev.scimsync.scim.UnsupportedByDialectException;
import dev.scimsync.state.OpOutcome;
import dev.scimsync.state.OpState;
import dev.scimsync.state.PlannedOp;
import dev.scimsync.state.PlannedOps;
import dev.scimsync.state.TargetIds;
import dev.scimsync.state.TeamPayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Sends a chunk of planned operations, up to the executor's size at a time, phase by phase (a user is created before
 * anything refers to it), and records every outcome in the chunk's transaction. Before anything is sent the chunk's
 * operations are marked SENDING in a transaction of their own, so a run killed mid-chunk knows which operations
 * may have reached the target. Operations that one request can carry together (members of one team, one user's
 * team roles) are sent together.
 */
public final class OpWriter implements ItemWriter<PlannedOp> {

    private static final Logger log = LoggerFactory.getLogger(OpWriter.class);

    private final String opsRunId;
    private final PlannedOps plannedOps;
    private final TargetIds targetIds;
    private final Supplier<ScimClient> client;
    private final Supplier<ExecutorService> executor;
    private final ErrorRateGuard errorRate;
    private UserOperations users;
    private TeamOperations teams;
    private RoleOperations roles;
    private KnownIds knownIds;

    /**
     * @param client   the run's client, opened on the first chunk
     * @param executor the run's sending threads, started on the first chunk
     */
    public OpWriter(String opsRunId, PlannedOps plannedOps, TargetIds targetIds, Supplier<ScimClient> client,
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
        }
        List<? extends PlannedOp> ops = chunk.getItems();
        plannedOps.markSending(opsRunId, ops.stream().filter(op -> op.state() == OpState.PENDING)
                .map(PlannedOp::seq).toList());
        TreeMap<Integer, List<PlannedOp>> phases = new TreeMap<>();
        ops.forEach(op -> phases.computeIfAbsent(op.phase(), p -> new ArrayList<>()).add(op));
        List<OpOutcome> outcomes = new ArrayList<>(ops.size());
        RuntimeException abort = null;
        for (List<PlannedOp> phase : phases.values()) {
            List<Future<List<OpOutcome>>> futures = groups(phase).stream()
                    .map(group -> executor.get().submit(() -> send(group))).toList();
            Map<Long, PlannedOp> bySeq = new HashMap<>();
            phase.forEach(op -> bySeq.put(op.seq(), op));
            for (Future<List<OpOutcome>> future : futures) {
                try {
                    List<OpOutcome> sent = future.get();
                    remember(bySeq, sent);
                    outcomes.addAll(sent);
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

    /** Keeps the ids of users created, for the later phases of the same chunk (teams keep their own). */
    private void remember(Map<Long, PlannedOp> phaseBySeq, List<OpOutcome> sent) {
        for (OpOutcome outcome : sent) {
            if (outcome.state() != OpState.DONE || outcome.resultId() == null) {
                continue;
            }
            PlannedOp op = phaseBySeq.get(outcome.seq());
            if (op != null && op.kind() == dev.scimsync.state.OpKind.CREATE_USER) {
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
            outcomes = group.stream().map(op -> OpOutcome.failed(op.seq(), null, "unsupported", e.getMessage(), 0))
                    .toList();
        }
        for (OpOutcome outcome : outcomes) {
            if (outcome.state() == OpState.FAILED) {
                log.warn("operation {} failed: {}", outcome.seq(), outcome.detail());
            }
            errorRate.record(outcome.state() == OpState.FAILED);
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
            case CREATE_USER, REACTIVATE_USER, UPDATE_USER, DEACTIVATE_USER -> List.of(users.execute(op, unknown));
        };
    }

    private static RuntimeException asRuntime(Throwable t) {
        return t instanceof RuntimeException r ? r : new ApplyAbortedException(t.getMessage(), t);
    }
}
