package dev.scimsync.state;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/** Creates the staging tables on start-up; every statement is idempotent, so a shared database is safe. */
@Component
public class StateSchema {

    public StateSchema(DataSource dataSource) {
        new ResourceDatabasePopulator(new ClassPathResource("dev/scimsync/state/schema.sql")).execute(dataSource);
    }
}
