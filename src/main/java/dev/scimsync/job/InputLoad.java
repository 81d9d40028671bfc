package dev.scimsync.job;

import dev.scimsync.config.JobFiles;
import dev.scimsync.input.CsvRow;
import dev.scimsync.input.CsvRowReader;
import dev.scimsync.input.InputFileRepository;
import dev.scimsync.input.InputFileRules;
import dev.scimsync.input.InputKind;
import dev.scimsync.plan.DesiredUserRepository;
import dev.scimsync.validate.DesiredSetRepository;
import dev.scimsync.validate.MembershipRowValidator;
import dev.scimsync.validate.RoleRowValidator;
import dev.scimsync.validate.RowErrorRepository;
import dev.scimsync.validate.RowRules;
import dev.scimsync.validate.ServiceAccountRowValidator;
import dev.scimsync.validate.StagingWriter;
import dev.scimsync.validate.TeamRowValidator;
import dev.scimsync.validate.UserRowValidator;
import dev.scimsync.validate.Validated;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.file.Path;

/**
 * The steps that read the inputs, for every command that reads them: the input guard, the load of each input with its
 * row validators, and the rules across rows. A run that plans ({@link SyncJobFactory}) and {@code validate}
 * ({@link InputChecks}) build them here, with their own job repository, so the two cannot disagree about a row.
 */
final class InputLoad {

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactions;
    private final InputFileRepository inputFiles;
    private final DesiredUserRepository desiredUsers;
    private final DesiredSetRepository desiredSets;
    private final RowErrorRepository rowErrors;
    private final RowRules rowRules;

    InputLoad(JobRepository jobRepository, PlatformTransactionManager transactions, InputFileRepository inputFiles,
              DesiredUserRepository desiredUsers, DesiredSetRepository desiredSets, RowErrorRepository rowErrors,
              RowRules rowRules) {
        this.jobRepository = jobRepository;
        this.transactions = transactions;
        this.inputFiles = inputFiles;
        this.desiredUsers = desiredUsers;
        this.desiredSets = desiredSets;
        this.rowErrors = rowErrors;
        this.rowRules = rowRules;
    }

    /** Reads every input file once before anything is written, and records each one (see InputGuardTasklet). */
    Step guard(RunContext run) {
        return tasklet("guard-inputs", new InputGuardTasklet(run, inputFiles));
    }

    /** Loads every input the job names with its row validators, then applies the rules across rows. */
    Flow load(RunContext run) {
        return new FlowBuilder<Flow>("load")
                .start(load(run, InputKind.ROLES, new RoleRowValidator(), desiredSets::insertRoles))
                .next(load(run, InputKind.USERS, new UserRowValidator(), desiredUsers::insert))
                .next(load(run, InputKind.TEAMS, new TeamRowValidator(), desiredSets::insertTeams))
                .next(load(run, InputKind.MEMBERSHIPS, new MembershipRowValidator(), desiredSets::insertMembers))
                .next(load(run, InputKind.SERVICE_ACCOUNTS, new ServiceAccountRowValidator(),
                        desiredSets::insertServiceAccounts))
                .next(tasklet("cross-file-rules", new CrossFileRulesTasklet(run, rowRules)))
                .build();
    }

    Step tasklet(String name, Tasklet tasklet) {
        return new StepBuilder(name, jobRepository).listener(StepLogContext.INSTANCE).tasklet(tasklet, transactions)
                .build();
    }

    /** Loads one input file: read, validate, stage; a file the job does not name loads nothing. */
    private <T> Step load(RunContext run, InputKind kind, ItemProcessor<CsvRow, Validated<T>> validator,
                          StagingWriter.Table<T> table) {
        String name = "load-" + kind.id();
        Path file = InputFileRules.configured(run.config().inputs()).get(kind);
        if (file == null) {
            return tasklet(name, (contribution, chunk) -> RepeatStatus.FINISHED);
        }
        CsvRowReader reader = new CsvRowReader(kind, file, JobFiles.absolute(file).toString(),
                InputOptions.of(run.config().inputs(), kind));
        return new StepBuilder(name, jobRepository)
                .listener(StepLogContext.INSTANCE)
                .<CsvRow, Validated<T>>chunk(run.config().limits().chunkSize())
                .transactionManager(transactions)
                .reader(reader)
                .processor(validator)
                .writer(new StagingWriter<>(run::runId, table, kind::protectedKey, rowErrors))
                .listener(new Progress(Progress.Output.system(), "load " + kind.id(), "rows", () -> inputFiles
                        .of(run.runId()).stream().filter(f -> f.kind().equals(kind.id()))
                        .mapToLong(f -> f.rowCount()).sum()))
                .build();
    }
}
