package dev.scimsync.apply;

import dev.scimsync.emulator.EmulatorOptions;
import dev.scimsync.emulator.WandbEmulator;
import dev.scimsync.scim.ApiKey;
import dev.scimsync.scim.ScimUser;
import dev.scimsync.scim.ScimClient;
import dev.scimsync.scim.ScimClientSettings;
import dev.scimsync.plan.OpKind;
import dev.scimsync.plan.PlannedOp;
import dev.scimsync.state.StateDatabase;
import dev.scimsync.apply.TargetIdLookup;
import dev.scimsync.plan.UserPayload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import dev.scimsync.scim.ScimAuthException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.test.MetaDataInstanceFactory;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The writer against the emulator over real HTTP, chunk by chunk, as the apply step calls it. */
class OpWriterTest {

    private static final String KEY = "op-writer-test-key";

    private final StateDatabase db = new StateDatabase();
    private final WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of(KEY).withLatencyMs(50));
    private final ScimClient client = ScimClient.create(ScimClientSettings.builder(emulator.baseUrl(), ApiKey.of(KEY))
            .build());
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final OpWriter writer = new OpWriter("r", db.plannedOps(),
            new TargetIdLookup(db.jdbc, db.schema, db.remoteOrgs()), () -> client, () -> executor, 0.5);

    @AfterEach
    void close() {
        executor.shutdownNow();
        client.close();
        emulator.close();
    }

    @Test
    void aChunkIsStillOutWhenItsWriteReturnsAndTheStepsEndRecordsItsAnswers() throws Exception {
        db.plannedOps().insert(List.of(create(1, "a"), create(2, "b"), create(3, "c")));

        writer.write(new Chunk<>(create(1, "a"), create(2, "b")));

        assertThat(states()).as("marked before sending, answers not yet recorded; the next chunk still pending")
                .containsExactly("SENDING", "SENDING", "PENDING");

        assertThat(writer.afterStep(MetaDataInstanceFactory.createStepExecution())).isNull();

        assertThat(states()).containsExactly("DONE", "DONE", "PENDING");
        assertThat(emulator.requests()).filteredOn(r -> r.method().equals("POST") && r.status() == 201).hasSize(2);
    }

    @Test
    void aRequestThatEndsTheRunAfterTheLastWriteFailsTheStepSoThatAResumeRunsItAgain() throws Exception {
        try (WandbEmulator revoking = WandbEmulator.start(EmulatorOptions.of(KEY).withLatencyMs(50)
                .withUnauthorizedAfterWrites(1));
             ScimClient scim = ScimClient.create(ScimClientSettings.builder(revoking.baseUrl(), ApiKey.of(KEY))
                     .build())) {
            db.plannedOps().insert(List.of(create(1, "a"), create(2, "b"), create(3, "c")));
            OpWriter writer = new OpWriter("r", db.plannedOps(), new TargetIdLookup(db.jdbc, db.schema, db.remoteOrgs()),
                    () -> scim, () -> executor, 0.5);
            writer.write(new Chunk<>(create(1, "a"), create(2, "b")));
            StepExecution step = MetaDataInstanceFactory.createStepExecution();
            step.setStatus(BatchStatus.COMPLETED);

            ExitStatus exit = writer.afterStep(step);

            assertThat(exit.getExitCode()).isEqualTo(ExitStatus.FAILED.getExitCode());
            assertThat(step.getStatus()).as("the status, not only the exit status").isEqualTo(BatchStatus.FAILED);
            assertThat(step.getFailureExceptions()).singleElement().isInstanceOf(ScimAuthException.class);
            assertThat(states()).as("one create went through, the one refused stays to be looked up on resume")
                    .containsExactlyInAnyOrder("DONE", "SENDING", "PENDING");
        }
    }

    @Test
    void theLastChunkIsAnsweredAndRecordedBeforeItsWriteReturns() throws Exception {
        db.plannedOps().insert(List.of(create(1, "a"), create(2, "b")));

        writer.write(new Chunk<>(create(1, "a"), create(2, "b")));

        assertThat(states()).containsExactly("DONE", "DONE");
    }

    @Test
    void aLaterChunkWaitsForTheEarlierOnesAnswersAndRecordsThem() throws Exception {
        db.plannedOps().insert(List.of(create(1, "a"), create(2, "b"), create(3, "c"), create(4, "d")));

        writer.write(new Chunk<>(create(1, "a")));
        writer.write(new Chunk<>(create(2, "b")));

        assertThat(states()).containsExactly("DONE", "SENDING", "PENDING", "PENDING");
    }

    @Test
    void whenTooManyFailTheRestOfThePhaseIsNotSent() throws Exception {
        int n = 120;
        try (WandbEmulator target = WandbEmulator.start(EmulatorOptions.of(KEY).withLatencyMs(5));
             ScimClient scim = ScimClient.create(ScimClientSettings.builder(target.baseUrl(), ApiKey.of(KEY))
                     .build())) {
            for (int i = 1; i <= n; i++) {
                scim.users().create(ScimUser.newUser("taken" + i, null, "owner" + i + "@example.com"));
            }
            // every create asks for a userName another user holds
            List<PlannedOp> ops = IntStream.rangeClosed(1, n).mapToObj(i -> PlannedOp.pending("r", i,
                    OpKind.CREATE_USER, "new" + i + "@example.com", "users", (long) i + 1, null, "", "",
                    new UserPayload("new" + i + "@example.com", "taken" + i, null, null, null, null).toJson()))
                    .toList();
            db.plannedOps().insert(ops);
            OpWriter writer = new OpWriter("r", db.plannedOps(), new TargetIdLookup(db.jdbc, db.schema, db.remoteOrgs()),
                    () -> scim, () -> executor, 0.5);
            long before = target.counts().total();
            long postsBefore = target.counts().byMethod().getOrDefault("POST", 0L);

            assertThatThrownBy(() -> writer.write(new Chunk<>(ops))).isInstanceOf(ApplyAbortedException.class);
            long requests = target.counts().total() - before;
            long sent = target.counts().byMethod().getOrDefault("POST", 0L) - postsBefore;
            Thread.sleep(100);

            // each create that fails is three requests: the POST (409), the lookup by email that finds no one, and
            // the lookup by userName that names the account holding it
            assertThat(requests).as("every create sent was answered and looked up before the write failed")
                    .isEqualTo(3 * sent);
            assertThat(target.counts().total() - before).as("nothing is sent once the write has failed")
                    .isEqualTo(requests);
            assertThat(sent).as("the guard trips at the %dth failure; the queued creates are not sent",
                    ErrorRateGuard.WINDOW).isBetween((long) ErrorRateGuard.WINDOW, (long) ErrorRateGuard.WINDOW + 5);
            assertThat(states()).filteredOn("FAILED"::equals).hasSizeGreaterThanOrEqualTo(ErrorRateGuard.WINDOW - 1);
            assertThat(states()).filteredOn("PENDING"::equals).as("every operation of the chunk was marked").isEmpty();
        }
    }

    private List<String> states() {
        return db.jdbc.queryForList("SELECT state FROM planned_op WHERE run_id = 'r' ORDER BY seq", String.class);
    }

    private static PlannedOp create(long seq, String name) {
        return PlannedOp.pending("r", seq, OpKind.CREATE_USER, name + "@example.com", "users", seq + 1, null, "", "",
                new UserPayload(name + "@example.com", name, null, null, null, null).toJson());
    }
}
