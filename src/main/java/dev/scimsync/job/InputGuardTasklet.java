package dev.scimsync.job;

import dev.scimsync.config.JobFiles;
import dev.scimsync.input.InputFileInfo;
import dev.scimsync.input.InputGuard;
import dev.scimsync.input.InputKind;
import dev.scimsync.input.InputFileRules;
import dev.scimsync.input.PartialInputs;
import dev.scimsync.input.InputFileRecord;
import dev.scimsync.input.InputFileRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads every input file once before anything is written: a file that cannot be used stops the run here (exit 5),
 * and each file's checksum is recorded. For {@code apply --plan RUN} a file whose checksum differs from the plan's
 * stops the run too: the plan would no longer say what the inputs ask for.
 */
final class InputGuardTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(InputGuardTasklet.class);
    private static final Map<InputKind, String> ABSENT = Map.of(InputKind.USERS, "users", InputKind.TEAMS, "teams",
            InputKind.MEMBERSHIPS, "members", InputKind.ROLES, "roles", InputKind.SERVICE_ACCOUNTS,
            "service accounts (never removed)");

    private final RunContext context;
    private final InputFileRepository inputFiles;

    InputGuardTasklet(RunContext context, InputFileRepository inputFiles) {
        this.context = context;
        this.inputFiles = inputFiles;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        String runId = context.runId();
        Map<String, InputFileRecord> planned = new LinkedHashMap<>();
        if (context.mode() == RunMode.APPLY) {
            inputFiles.of(context.run().planRunId()).forEach(f -> planned.put(f.kind(), f));
        }
        InputFileRules.configured(context.config().inputs()).forEach((kind, file) -> {
            InputFileInfo info = InputGuard.inspect(kind, file, JobFiles.absolute(file).toString(),
                    InputOptions.of(context.config().inputs(), kind));
            boolean partial = context.run().partialInputs() || PartialInputs.isFailedRowsFile(kind, info.header());
            InputFileRecord record = InputFileRecord.of(kind.id(), info.file(), info.sha256(), info.rows(),
                    info.keyedRows(), info.header(), partial);
            inputFiles.save(runId, record);
            if (partial) {
                log.warn("{} is a partial input ({}): its rows are applied; absent-{} and policy.max-row-drop are off"
                        + " for it", JobFiles.absolute(file),
                        context.run().partialInputs() ? "--partial" : "a failed-rows file",
                        ABSENT.get(kind));
            } else if (context.mode() != RunMode.APPLY) {
                checkRowDrop(kind, file, info);
            }
            if (context.mode() == RunMode.APPLY) {
                InputFileRules.checkSameAsPlanned(JobFiles.absolute(file).toString(), planned.remove(kind.id()),
                        record, context.run().planRunId());
            }
        });
        if (context.mode() == RunMode.APPLY) {
            InputFileRules.checkNoneDropped(planned, context.run().planRunId());
        }
        return RepeatStatus.FINISHED;
    }

    private void checkRowDrop(InputKind kind, Path file, InputFileInfo info) {
        inputFiles.lastGood(context.run().jobName(), kind.id(), context.runId()).ifPresent(previous ->
                InputFileRules.checkRowDrop(kind, JobFiles.absolute(file).toString(), info, previous,
                        context.config().policy().maxRowDrop()));
    }
}
