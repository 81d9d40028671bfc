package dev.scimsync.job;

import dev.scimsync.report.RowCounts;
import dev.scimsync.report.RowStatus;
import dev.scimsync.report.RunReport;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.util.HashMap;
import java.util.Map;

/** Writes results.csv and keeps the counts per status in the job's context for the exit code and the summary. */
final class ReportTasklet implements Tasklet {

    static final String COUNT_PREFIX = "rows.";

    private final RunContext context;
    private final RunReport report;

    ReportTasklet(RunContext context, RunReport report) {
        this.context = context;
        this.report = report;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Map<String, String> files = new HashMap<>();
        InputGuardTasklet.configured(context.config().inputs())
                .forEach((kind, path) -> files.put(kind.id(), path.toString()));
        RowCounts counts = report.writeResults(context.run().opsRunId(), context.outDir(),
                context.mode() == RunMode.PLAN, files);
        ExecutionContext jobContext = chunkContext.getStepContext().getStepExecution().getJobExecution()
                .getExecutionContext();
        for (RowStatus status : RowStatus.values()) {
            jobContext.putLong(COUNT_PREFIX + status.label(), counts.total(status));
        }
        return RepeatStatus.FINISHED;
    }
}
