package dev.scimsync.job;

import dev.scimsync.input.InputFileRules;
import dev.scimsync.config.JobFiles;
import dev.scimsync.report.DriftReport;
import dev.scimsync.report.RowTally;
import dev.scimsync.report.RowStatus;
import dev.scimsync.report.RunReport;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.util.HashMap;
import java.util.Map;

/** Writes results.csv, failed-*.csv, drift.csv and blocked.csv, and keeps the counts per status in the job's context for the exit code and the summary. */
final class ReportTasklet implements Tasklet {

    static final String COUNT_PREFIX = "rows.";

    private final RunContext context;
    private final RunReport report;
    private final DriftReport drift;

    ReportTasklet(RunContext context, RunReport report, DriftReport drift) {
        this.context = context;
        this.report = report;
        this.drift = drift;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Map<String, String> files = new HashMap<>();
        InputFileRules.configured(context.config().inputs())
                .forEach((kind, path) -> files.put(kind.id(), JobFiles.absolute(path).toString()));
        String opsRunId = context.run().opsRunId();
        boolean planOnly = context.mode() == RunMode.PLAN;
        RowTally tally = report.writeResults(opsRunId, context.outDir(), planOnly, files);
        drift.write(opsRunId, context.outDir(), context.config().policy(), planOnly, tally);
        context.tally(tally);
        report.writeBlocked(opsRunId, context.outDir());
        ExecutionContext jobContext = chunkContext.getStepContext().getStepExecution().getJobExecution()
                .getExecutionContext();
        for (RowStatus status : RowStatus.values()) {
            jobContext.putLong(COUNT_PREFIX + status.label(), tally.counts().total(status));
        }
        return RepeatStatus.FINISHED;
    }
}
