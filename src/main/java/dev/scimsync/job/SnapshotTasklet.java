package dev.scimsync.job;

import dev.scimsync.config.InputsConfig;
import dev.scimsync.snapshot.TeamSnapshot;
import dev.scimsync.snapshot.UserSnapshot;
import dev.scimsync.snapshot.RemoteOrg;
import dev.scimsync.snapshot.SnapshotRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Lists the target's users, teams and custom roles before planning, and keeps the listing for the run. */
final class SnapshotTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(SnapshotTasklet.class);

    private final RunContext context;
    private final UserSnapshot users;
    private final TeamSnapshot teams;
    private final SnapshotRepository orgs;

    SnapshotTasklet(RunContext context, UserSnapshot users, TeamSnapshot teams, SnapshotRepository orgs) {
        this.context = context;
        this.users = users;
        this.teams = teams;
        this.orgs = orgs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RemoteOrg.Builder org = RemoteOrg.builder();
        long listed = users.take(context.client(), org);
        InputsConfig inputs = context.config().inputs();
        long teamCount = teams.take(context.client(), context.runId(), SnapshotRepository.SNAPSHOT, inputs.roles() != null
                || inputs.memberships() != null, org);
        orgs.save(context.runId(), SnapshotRepository.SNAPSHOT, org.build());
        log.atInfo().addKeyValue("users", listed).addKeyValue("teams", teamCount)
                .log("snapshot: {} users and {} teams listed on the target", listed, teamCount);
        return RepeatStatus.FINISHED;
    }
}
