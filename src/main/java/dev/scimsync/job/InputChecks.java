package dev.scimsync.job;

import dev.scimsync.config.JobConfig;
import dev.scimsync.config.JobFiles;
import dev.scimsync.input.InputFileRepository;
import dev.scimsync.plan.DesiredUserRepository;
import dev.scimsync.plan.PlannedOpRepository;
import dev.scimsync.report.ResultRepository;
import dev.scimsync.report.RunReport;
import dev.scimsync.report.Validation;
import dev.scimsync.state.RunRecord;
import dev.scimsync.state.RunRepository;
import dev.scimsync.state.StateSchema;
import dev.scimsync.validate.DesiredSetRepository;
import dev.scimsync.validate.RowErrorRepository;
import dev.scimsync.validate.RowRules;
import org.h2.jdbcx.JdbcConnectionPool;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

import java.time.Instant;

/**
 * {@code validate}: checks the inputs the way a run that plans does, with the same steps ({@link InputLoad}: the input
 * guard, the load with its row validators, the rules across rows) run by Spring Batch in the same job shape, then
 * stops before anything would list the target. Nothing here is kept, the failed-rows files in the out dir aside, so
 * it runs without the application: no Spring context, no JDBC job repository (Spring Batch's resourceless one keeps
 * the job's state in memory; there is nothing to restart), and the staging tables on an H2 database of its own
 * (a file, so that a large export does not have to fit in the heap) behind H2's own connection pool. Starting the
 * application and its job repository was most of a small validate's time at a terminal. Needs no key and takes no
 * lock. The row-drop guard compares with the job's earlier runs, which such a database has none of, so it does not
 * apply.
 */
public final class InputChecks {

    private InputChecks() {
    }

    /**
     * Runs the checks on a new H2 database at {@code h2Url}, which the caller throws away afterwards.
     *
     * @param shown how many errors to list (all of them are in the failed-rows files)
     */
    public static ValidateResult run(JobConfig config, String h2Url, int shown) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(h2Url, "", "");
        try {
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            JdbcTransactionManager transactions = new JdbcTransactionManager(pool);
            StateSchema schema = new StateSchema(pool);
            InputFileRepository inputFiles = new InputFileRepository(jdbc, schema);
            RowErrorRepository rowErrors = new RowErrorRepository(jdbc, schema);
            ResourcelessJobRepository jobRepository = new ResourcelessJobRepository();
            InputLoad inputs = new InputLoad(jobRepository, transactions, inputFiles,
                    new DesiredUserRepository(jdbc, schema), new DesiredSetRepository(jdbc, schema), rowErrors,
                    new RowRules(jdbc, schema));
            RunReport report = new RunReport(new PlannedOpRepository(jdbc, transactions, schema),
                    new ResultRepository(jdbc, schema), inputFiles, rowErrors);

            String runId = RunIds.next();
            RunRecord run = new RunRecord(runId, config.name(), RunMode.VALIDATE.command(), null,
                    JobFiles.toJson(config), JobFiles.absolute(config.out()).resolve(runId).toString(),
                    Instant.now(), null, null, null, false);
            new RunRepository(jdbc, schema).insert(run);
            RunContext context = new RunContext(run, config, null);
            JobExecution execution = launch(jobRepository, job(jobRepository, inputs, context), runId);
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                Failures.Classified failure = Failures.classify(execution);
                return new ValidateResult(failure.exitCode(), null, failure.message());
            }
            Validation validation = report.writeValidation(runId, context.outDir(), shown);
            return new ValidateResult(validation.invalid() > 0 ? ExitCodes.FAILURES : ExitCodes.OK, validation,
                    null);
        } finally {
            pool.dispose();
        }
    }

    private static Job job(ResourcelessJobRepository jobRepository, InputLoad inputs, RunContext run) {
        Flow checks = new FlowBuilder<Flow>("validate")
                .start(inputs.guard(run))
                .next(inputs.load(run))
                .build();
        return new JobBuilder(SyncJobFactory.JOB_NAME, jobRepository).listener(run).start(checks).end().build();
    }

    private static JobExecution launch(ResourcelessJobRepository jobRepository, Job job, String runId) {
        try {
            TaskExecutorJobOperator operator = new TaskExecutorJobOperator();
            operator.setJobRepository(jobRepository);
            operator.setJobRegistry(new MapJobRegistry());
            operator.afterPropertiesSet();
            return operator.start(job, new JobParametersBuilder().addString(RunIds.PARAMETER, runId)
                    .toJobParameters());
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the checks: " + e.getMessage(), e);
        }
    }
}
