package dev.scimsync.job;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The Spring application behind the job commands: Spring Batch with its JDBC job repository and the staging tables
 * in the state database. Boot configures Batch ({@code @EnableBatchProcessing} would switch that off); the command
 * line launches the job itself.
 */
@SpringBootApplication(scanBasePackages = "dev.scimsync")
public class JobApplication {

    /**
     * The default state database: an H2 file under {@code .scim-sync/} in the working directory. WRITE_DELAY=0: a
     * commit reaches the file at once, so a killed run never resends committed work.
     */
    public static final String DEFAULT_STATE_DB = "jdbc:h2:file:./.scim-sync/state;WRITE_DELAY=0";

    @Bean
    SecretSource secretSource() {
        return System::getenv;
    }

    /**
     * Starts the application on the given state database (null: the default H2 file). The URL is given as a
     * default property, so no properties file may set {@code spring.datasource.url}.
     */
    public static ConfigurableApplicationContext start(String stateDbUrl) {
        return new SpringApplicationBuilder(JobApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties("spring.datasource.url=" + (stateDbUrl != null ? stateDbUrl : DEFAULT_STATE_DB))
                .run();
    }
}
