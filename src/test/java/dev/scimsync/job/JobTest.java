package dev.scimsync.job;

import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test that runs the job in-process: the application with spring-batch-test's support, API keys from
 * {@link TestSecrets} instead of the process environment, and one in-memory state database. Every class carrying it
 * shares one cached application context and so that database; a test keeps its runs apart by its job name (one per
 * {@code @TempDir}, as {@link EmulatedOrg#job} writes it) and empties the job repository when it ends. A subclass
 * may swap the database ({@code *OnPostgresTest} registers PostgreSQL), which gives it a context of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBatchTest
@SpringBootTest(classes = {JobApplication.class, TestSecrets.Config.class},
        properties = "spring.datasource.url=" + JobTest.STATE_DB)
@interface JobTest {

    String STATE_DB = "jdbc:h2:mem:job-tests;DB_CLOSE_DELAY=-1";
}
