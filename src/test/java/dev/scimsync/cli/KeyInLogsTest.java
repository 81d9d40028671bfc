package dev.scimsync.cli;

import dev.scimsync.emulator.EmulatorOptions;
import dev.scimsync.emulator.WandbEmulator;
import dev.scimsync.job.ExitCodes;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API key at any log level, in a real process: a sync run with HttpClient's header and wire logs and every other
 * logger at TRACE turned on by system properties (which override logback.xml) prints the {@code Authorization}
 * header of each request masked, and the key in none of its forms, in text and JSON logs and with each auth scheme.
 */
class KeyInLogsTest {

    private static final String KEY = "sk-Mask-4e1b9d07c3a2f6-do-not-print";
    private static final String KEY_VARIABLE = "KEY_IN_LOGS_TEST_KEY";
    private static final String MASKED = "****";
    private static final List<String> LOUDEST_LOGGING = List.of(
            "-Dlogging.level.org.apache.hc.client5.http.headers=DEBUG",
            "-Dlogging.level.org.apache.hc.client5.http.wire=DEBUG",
            "-Dlogging.level.org.apache.hc=TRACE",
            "-Dlogging.level.feign=TRACE",
            "-Dlogging.level.dev.scimsync=TRACE",
            "-Dlogging.level.root=TRACE");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} auth, user ''{1}'', {2} logs")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "bearer | none       | text",
            "bearer | none       | json",
            "basic  | ops-admin9 | json",    // user:key, the key two bytes into a base64 group
            "basic  | none       | text"})    // :key, one byte in
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void theAuthorizationHeaderIsLoggedMaskedAndTheKeyNowhere(String auth, String username, String format)
            throws Exception {
        List<String> lines;
        String stdout;
        try (WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of(KEY))) {
            Files.writeString(dir.resolve("users.csv"), "email,username,org_role\nnew1@example.com,new1,member\n");
            Files.writeString(dir.resolve("job.yml"), """
                    target: { url: %s, auth: %s, token-env: %s%s }
                    inputs: { users: %s }
                    out: %s
                    """.formatted(emulator.baseUrl(), auth, KEY_VARIABLE,
                    username == null ? "" : ", username: " + username, dir.resolve("users.csv"),
                    dir.resolve("reports")));
            ScimSyncProcess.Ended run = ScimSyncProcess.run(dir, LOUDEST_LOGGING, List.of("sync",
                    dir.resolve("job.yml").toString(), "--log-format", format,
                    "--state-db", "jdbc:h2:file:" + dir.resolve("state")), Map.of(KEY_VARIABLE, KEY));
            stdout = run.stdout();
            lines = run.stderr();
            assertThat(run.exitCode()).as(stdout).isEqualTo(ExitCodes.OK);
            assertThat(emulator.requests()).as("the run authenticated and created the user")
                    .anyMatch(r -> r.method().equals("POST") && r.status() == 201);
        }

        String credential = (username == null ? "" : username) + ":" + KEY;
        String expectedHeader = auth.equals("bearer") ? "Bearer " + MASKED
                : "Basic " + base64(credential).substring(0, visibleBase64(credential.length() - KEY.length()))
                + MASKED;
        List<Logged> logged = lines.stream().map(line -> Logged.parse(line, format)).toList();
        assertThat(logged).as("TRACE is on").anyMatch(l -> l.level().equals("TRACE"));
        assertThat(messagesOf(logged, "headers")).as("the headers logger printed the Authorization header, masked")
                .anyMatch(message -> message.endsWith(">> Authorization: " + expectedHeader));
        assertThat(messagesOf(logged, "wire")).as("the wire logger printed it, masked")
                .anyMatch(message -> message.endsWith(">> \"Authorization: " + expectedHeader + "[\\r][\\n]\""));

        List<String> forms = new ArrayList<>(List.of(
                KEY, "Bearer " + KEY, base64(credential), base64(":" + KEY), base64(KEY)));
        for (int start = 0; start + 8 <= KEY.length(); start++) {
            forms.add(KEY.substring(start, start + 8));     // nor any eight characters of it
        }
        List<String> output = new ArrayList<>(lines);
        output.addAll(stdout.lines().toList());
        assertThat(output).as("stderr and stdout lines showing the key in some form")
                .filteredOn(line -> forms.stream().anyMatch(line::contains)).isEmpty();
    }

    private static List<String> messagesOf(List<Logged> logged, String loggerName) {
        return logged.stream().filter(l -> l.logger().endsWith("." + loggerName) || l.logger().equals(loggerName))
                .map(Logged::message).toList();
    }

    /**
     * How many leading characters of the base64 of {@code prefix + key} also encode the prefix's bytes: its whole
     * three-byte groups, plus the one or two characters of a group the prefix shares with the key.
     */
    private static int visibleBase64(int prefixLength) {
        int rest = prefixLength % 3;
        return 4 * (prefixLength / 3) + (rest == 0 ? 0 : rest + 1);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** One stderr line, text ({@code HH:mm:ss.SSS LEVEL [thread] logger - message}) or JSON. */
    private record Logged(String level, String logger, String message) {

        private static final Pattern TEXT = Pattern.compile("\\S+ (\\w+)\\s+\\[[^]]*] (\\S+) - (.*)");
        private static final JsonMapper JSON = JsonMapper.builder().build();

        static Logged parse(String line, String format) {
            if (format.equals("json")) {
                JsonNode event = JSON.readTree(line);
                return new Logged(event.path("level").asString(), event.path("logger").asString(),
                        event.path("message").asString());
            }
            var matcher = TEXT.matcher(line);
            return matcher.matches() ? new Logged(matcher.group(1), matcher.group(2), matcher.group(3))
                    : new Logged("", "", line);   // a stack trace line
        }
    }
}
