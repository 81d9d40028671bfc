package dev.scimsync.job;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.scimsync.emulator.EmulatorOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API key never appears in logs at any level, reports, job parameters or the state database; nor does a service
 * account's key.
 */
class SecretsTest extends JobTestSupport {

    private static final String KEY = "sk-Secret-7f3a9c21-do-not-leak";

    @Autowired
    JdbcTemplate jdbc;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Map<String, Level> levels = new java.util.HashMap<>();
    private ch.qos.logback.core.Appender<ILoggingEvent> console;

    @AfterEach
    void restoreLogging() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        levels.forEach((name, level) -> context.getLogger(name).setLevel(level));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAppender(logs);
        if (console != null) {
            root.addAppender(console);
        }
    }

    @Test
    void theKeyIsNowhereAfterARunThatFailedAndOneThatSucceeded() throws IOException {
        traceEverything();
        try (EmulatedOrg org = new EmulatedOrg(dir, KEY, EmulatorOptions.of(KEY).withDemoOrg(true)
                .withFailRate(0.2).withSeed(7).withRetryAfterSeconds(0))) {
            Path users = org.file("users.csv", "email,org_role\nnew1@example.com,admin\nnot-an-email,\n");
            secrets.key("wrong-" + KEY);
            RunResult rejected = runner.start(RunMode.SYNC, org.job("inputs: { users: " + users + " }\n"), null);
            secrets.key(KEY);
            RunResult resumed = runner.resume(rejected.run().runId());

            assertThat(rejected.exitCode()).isEqualTo(ExitCodes.ABORTED);
            assertThat(resumed.exitCode()).isEqualTo(ExitCodes.FAILURES);
        }

        List<String> forms = List.of(KEY, base64(":" + KEY), base64("user:" + KEY));
        assertThat(logs.list).as("log events captured at TRACE").hasSizeGreaterThan(50);
        for (ILoggingEvent event : logs.list) {
            String text = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : event.getThrowableProxy().getMessage());
            forms.forEach(form -> assertThat(text).doesNotContain(form));
        }
        try (Stream<Path> files = Files.walk(dir.resolve("reports"))) {
            List<Path> reports = files.filter(Files::isRegularFile).toList();
            assertThat(reports).isNotEmpty();
            for (Path report : reports) {
                String content = Files.readString(report, StandardCharsets.UTF_8);
                forms.forEach(form -> assertThat(content).as(report.toString()).doesNotContain(form));
            }
        }
        List<String> cells = everyTextCell();
        assertThat(cells).as("job parameters are in the state database too").anyMatch(c -> c.contains("run.id"));
        cells.forEach(cell -> forms.forEach(form -> assertThat(cell).doesNotContain(form)));
    }

    /**
     * The API keys the emulator generated for the service accounts a run created: the tool never asks for them, so
     * none reaches a log line, a report or a table, through a run, its resume and a second run.
     */
    @Test
    void noServiceAccountKeyIsAnywhere() throws IOException {
        traceEverything();
        List<String> keys;
        try (EmulatedOrg org = new EmulatedOrg(dir, KEY, EmulatorOptions.of(KEY).withDemoOrg(true)
                .withFailRate(0.2).withSeed(11).withRetryAfterSeconds(0))) {
            Path accounts = org.file("service-accounts.csv", "team,description\nresearch,CI runner\n"
                    + "research,nightly eval\nresearch,release bot\n");
            secrets.key(KEY);
            RunResult first = runner.start(RunMode.SYNC, org.job("inputs: { service-accounts: " + accounts + " }\n"),
                    null);
            if (first.exitCode() != ExitCodes.OK) {
                runner.resume(first.run().runId());
            }
            runner.start(RunMode.SYNC, org.job("inputs: { service-accounts: " + accounts + " }\n"), null);
            keys = org.emulator.serviceAccounts().stream().map(a -> a.apiKey()).toList();
            assertThat(org.emulator.serviceAccounts()).extracting(a -> a.description())
                    .containsExactlyInAnyOrder("CI runner", "nightly eval", "release bot");
        }

        assertThat(keys).hasSize(3).allSatisfy(k -> assertThat(k).hasSizeGreaterThan(20));
        for (ILoggingEvent event : logs.list) {
            String text = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : event.getThrowableProxy().getMessage());
            keys.forEach(k -> assertThat(text).doesNotContain(k));
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> written = files.filter(Files::isRegularFile).toList();
            assertThat(written).anyMatch(p -> p.endsWith("results.csv"));
            for (Path file : written) {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                keys.forEach(k -> assertThat(content).as(file.toString()).doesNotContain(k));
            }
        }
        List<String> cells = everyTextCell();
        assertThat(cells).anyMatch(c -> c.contains("nightly eval"));
        cells.forEach(cell -> keys.forEach(k -> assertThat(cell).doesNotContain(k)));
    }

    private void traceEverything() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (String name : List.of(Logger.ROOT_LOGGER_NAME, "dev.scimsync", "org.springframework", "feign",
                "org.apache.hc")) {
            Logger logger = context.getLogger(name);
            levels.put(name, logger.getLevel());
            logger.setLevel(Level.TRACE);
        }
        logs.setContext(context);
        logs.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        console = root.getAppender("STDERR");
        root.detachAppender("STDERR");   // the events are checked, not printed
        root.addAppender(logs);
    }

    /** Every value of every text column of every table in the state database. */
    private List<String> everyTextCell() {
        List<String> cells = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("SELECT TABLE_NAME, COLUMN_NAME FROM"
                + " INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' AND DATA_TYPE IN"
                + " ('CHARACTER VARYING', 'CHARACTER LARGE OBJECT', 'CHARACTER')");
        assertThat(columns).hasSizeGreaterThan(20);
        for (Map<String, Object> column : columns) {
            cells.addAll(jdbc.queryForList("SELECT \"" + column.get("COLUMN_NAME") + "\" FROM \""
                    + column.get("TABLE_NAME") + "\"", String.class).stream()
                    .filter(java.util.Objects::nonNull).toList());
        }
        return cells;
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
