package dev.scimsync.cli;

import dev.scimsync.emulator.EmulatorOptions;
import dev.scimsync.emulator.WandbEmulator;
import dev.scimsync.job.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --log-format json}, in a real process: every stderr line is one JSON object, and no line holds the key. */
class LogFormatTest {

    private static final String KEY = "s3cr3t-api-key-do-not-log";

    @TempDir
    Path dir;

    @Test
    void jsonLogsAreOneObjectPerLineWithRunStepMessageAndCountsAndNeverTheKey() throws Exception {
        try (WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of(KEY).withDemoOrg(true))) {
            Files.writeString(dir.resolve("users.csv"), "email,username,display_name,org_role,active\n"
                    + "ops-admin@example.com,ops-admin,Ops Admin,admin,true\nnew1@example.com,new1,New One,member,\n"
                    + "not-an-email,x,,,\n");
            Files.writeString(dir.resolve("nightly.yml"), """
                    target: { url: %s, auth: bearer, token-env: LOG_TEST_KEY }
                    inputs: { users: %s }
                    out: %s
                    """.formatted(emulator.baseUrl(), dir.resolve("users.csv"), dir.resolve("reports")));

            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.scimsync.ScimSyncApplication", "sync",
                    dir.resolve("nightly.yml").toString(), "--log-format", "json",
                    "--state-db", "jdbc:h2:file:" + dir.resolve("state"))
                    .directory(dir.toFile())
                    .redirectOutput(new File(dir.toFile(), "out.log")).redirectError(new File(dir.toFile(), "err.log"));
            builder.environment().put("LOG_TEST_KEY", KEY);
            Process run = builder.start();
            run.getOutputStream().close();
            assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();

            String out = Files.readString(dir.resolve("out.log"));
            List<String> lines = Files.readAllLines(dir.resolve("err.log"));
            assertThat(run.exitValue()).as(out + lines).isEqualTo(ExitCodes.FAILURES);
            List<JsonNode> events = new ArrayList<>();
            JsonMapper json = JsonMapper.builder().build();
            for (String line : lines) {
                assertThat(line).as("a JSON object per line").startsWith("{").endsWith("}");
                events.add(json.readTree(line));
            }
            assertThat(events).allSatisfy(e -> assertThat(e.has("time") && e.has("level") && e.has("logger")
                    && e.has("message")).as(e.toString()).isTrue());
            assertThat(events).anySatisfy(e -> {
                assertThat(e.path("step").asString()).isEqualTo("plan");
                assertThat(e.path("run_id").asString()).matches("\\d{8}-\\d{6}-[0-9a-f]{4}");
                assertThat(e.path("counts").path("operations").asInt()).isEqualTo(1);
                assertThat(e.path("message").asString()).startsWith("plan: 1 operations");
            });
            assertThat(events).anySatisfy(e -> {
                assertThat(e.path("message").asString()).contains("ended: exit 1");
                assertThat(e.path("counts").path("exit_code").asInt()).isEqualTo(1);
                assertThat(e.path("counts").path("created").asInt()).isEqualTo(1);
                assertThat(e.path("counts").path("invalid").asInt()).isEqualTo(1);
            });
            assertThat(String.join("\n", lines) + out).doesNotContain(KEY);
        }
    }
}
