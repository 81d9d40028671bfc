package dev.scimsync.job;

import dev.scimsync.config.InputsConfig;
import dev.scimsync.config.JobFiles;
import dev.scimsync.input.InputFileInfo;
import dev.scimsync.input.InputGuard;
import dev.scimsync.input.InputKind;
import dev.scimsync.input.InputRejectedException;
import dev.scimsync.input.PartialInputs;
import dev.scimsync.config.RemovalLimit;
import dev.scimsync.state.InputFileRecord;
import dev.scimsync.state.InputFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads every input file once before anything is written: a file that cannot be used stops the run here (exit 5),
 * and each file's checksum is recorded. For {@code apply --plan RUN} a file whose checksum differs from the plan's
 * stops the run too: the plan would no longer say what the inputs ask for.
 */
final class InputGuardTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(InputGuardTasklet.class);
    private static final Map<InputKind, String> ABSENT = Map.of(InputKind.USERS, "users", InputKind.TEAMS, "teams",
            InputKind.MEMBERSHIPS, "members", InputKind.ROLES, "roles");

    private final RunContext context;
    private final InputFiles inputFiles;

    InputGuardTasklet(RunContext context, InputFiles inputFiles) {
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
        configured(context.config().inputs()).forEach((kind, file) -> {
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
            InputFileRecord plannedFile = planned.remove(kind.id());
            if (context.mode() == RunMode.APPLY
                    && (plannedFile == null || !Objects.equals(plannedFile.sha256(), record.sha256()))) {
                throw new InputChangedException(JobFiles.absolute(file) + " changed since plan "
                        + context.run().planRunId()
                        + " was made; make a new plan and review it before applying");
            }
        });
        if (!planned.isEmpty()) {
            throw new InputChangedException("plan " + context.run().planRunId() + " was made with "
                    + planned.values().iterator().next().path() + ", which this job no longer names");
        }
        return RepeatStatus.FINISHED;
    }

    /**
     * A file that shrank by more than {@code policy.max-row-drop} since the job's last finished run is rejected:
     * a truncated or empty export must not turn into removals. Rows are counted when they carry a key, so rows
     * without one (padding, half-filled rows) cannot make a truncated export look whole.
     */
    private void checkRowDrop(InputKind kind, Path file, InputFileInfo info) {
        RemovalLimit maxDrop = context.config().policy().maxRowDrop();
        long rows = info.keyedRows();
        inputFiles.lastGood(context.run().jobName(), kind.id(), context.runId()).ifPresent(previous -> {
            long before = previous.keyedRowsOrRows();
            long dropped = before - rows;
            if (dropped > 0 && dropped > maxDrop.allowed(before)) {
                String keyless = info.rows() == rows ? "" : String.format(" (not counting %d rows without %s)",
                        info.rows() - rows, String.join(" and ", kind.keyColumns()));
                throw new InputRejectedException(JobFiles.absolute(file).toString(), 0, null, String.format(
                        "%d rows%s, %d fewer than the %d of %s, more than policy.max-row-drop %s allows; is the"
                                + " export truncated? Check it, or raise policy.max-row-drop for a real shrink",
                        rows, keyless, dropped, before, previous.path(), maxDrop));
            }
        });
    }

    /** The input files the job names, in the order they are loaded. */
    static Map<InputKind, Path> configured(InputsConfig inputs) {
        Map<InputKind, Path> files = new LinkedHashMap<>();
        put(files, InputKind.ROLES, inputs.roles());
        put(files, InputKind.USERS, inputs.users());
        put(files, InputKind.TEAMS, inputs.teams());
        put(files, InputKind.MEMBERSHIPS, inputs.memberships());
        return files;
    }

    private static void put(Map<InputKind, Path> files, InputKind kind, Path file) {
        if (file != null) {
            files.put(kind, file);
        }
    }
}
