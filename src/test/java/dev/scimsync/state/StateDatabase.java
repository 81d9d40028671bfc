package dev.scimsync.state;

import dev.scimsync.plan.DesiredUserRepository;
import dev.scimsync.plan.PlannedOpRepository;
import dev.scimsync.snapshot.RemoteOrg;
import dev.scimsync.snapshot.SnapshotRepository;
import dev.scimsync.validate.DesiredUser;
import dev.scimsync.validate.RowErrorRepository;

import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.util.List;
import java.util.UUID;

/** A fresh in-memory state database with the staging tables, for tests that need no Spring context. */
public final class StateDatabase {

    public final JdbcTemplate jdbc;
    public final StateSchema schema;
    public final DataSourceTransactionManager transactions;

    public StateDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        // as the application's connections: lazy reads on H2 (H2Sessions), a fetch size (application.properties)
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LAZY_QUERY_EXECUTION=TRUE");
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
        this.schema = new StateSchema(dataSource);
        this.transactions = new DataSourceTransactionManager(dataSource);
    }

    public PlannedOpRepository plannedOps() {
        return new PlannedOpRepository(jdbc, transactions, schema);
    }

    public DesiredUserRepository desiredUsers() {
        return new DesiredUserRepository(jdbc, schema);
    }

    public SnapshotRepository remoteOrgs() {
        return new SnapshotRepository(jdbc, schema);
    }

    public OwnershipLedger ownership() {
        return new OwnershipLedger(jdbc, schema);
    }

    public RowErrorRepository rowErrors() {
        return new RowErrorRepository(jdbc, schema);
    }

    /** Stages desired users (raw fields are not needed by these tests). */
    public void desired(String runId, DesiredUser... users) {
        desiredUsers().insert(runId, List.of(users), java.util.Collections.nCopies(users.length, "[]"));
    }

    /** Keeps these users as the run's snapshot of the target. */
    public void remote(String runId, RemoteOrg.User... users) {
        remoteOrgs().save(runId, SnapshotRepository.SNAPSHOT, org(users));
    }

    public static RemoteOrg org(RemoteOrg.User... users) {
        RemoteOrg.Builder org = RemoteOrg.builder();
        for (RemoteOrg.User user : users) {
            org.user(user);
        }
        return org.build();
    }

    /** A user as the target would list it, without team roles. */
    public static RemoteOrg.User remoteUser(String id, String userName, String email, String displayName,
                                            String orgRole, boolean active) {
        return RemoteOrg.User.of(id, userName, email, displayName, orgRole, active, java.util.Map.of());
    }

    public static DesiredUser user(long line, String email, String orgRole, String displayName, boolean active) {
        return new DesiredUser(line, email, email.toLowerCase(java.util.Locale.ROOT), null, displayName, orgRole,
                active);
    }
}
