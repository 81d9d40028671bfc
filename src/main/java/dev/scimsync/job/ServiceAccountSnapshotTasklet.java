package dev.scimsync.job;

import dev.scimsync.snapshot.RemoteOrg;
import dev.scimsync.snapshot.ServiceAccountSnapshot;
import dev.scimsync.snapshot.SnapshotRepository;
import dev.scimsync.validate.DesiredSetRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Lists the service accounts of the teams service-accounts.csv names, once the inputs are loaded and the target's
 * teams listed (the two run side by side, so the teams to ask about are known only now). Does nothing for a job
 * without that input.
 */
final class ServiceAccountSnapshotTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ServiceAccountSnapshotTasklet.class);

    private final RunContext context;
    private final ServiceAccountSnapshot snapshot;
    private final DesiredSetRepository desiredSets;
    private final SnapshotRepository orgs;

    ServiceAccountSnapshotTasklet(RunContext context, ServiceAccountSnapshot snapshot,
                                  DesiredSetRepository desiredSets, SnapshotRepository orgs) {
        this.context = context;
        this.snapshot = snapshot;
        this.desiredSets = desiredSets;
        this.orgs = orgs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (context.config().inputs().serviceAccounts() == null) {
            return RepeatStatus.FINISHED;
        }
        String runId = context.runId();
        RemoteOrg org = orgs.load(runId, SnapshotRepository.SNAPSHOT);
        var teams = desiredSets.serviceAccountTeams(runId);
        long listed = snapshot.take(context.client(), runId, SnapshotRepository.SNAPSHOT, org, teams);
        log.atInfo().addKeyValue("service_accounts", listed)
                .log("snapshot: {} service accounts listed in the {} teams service-accounts.csv names", listed,
                        teams.size());
        return RepeatStatus.FINISHED;
    }
}
