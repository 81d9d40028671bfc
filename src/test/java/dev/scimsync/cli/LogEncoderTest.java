package dev.scimsync.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.scimsync.scim.ApiKey;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever part of a log event holds the API key (message, argument, MDC value, key-value pair, exception message,
 * its cause or a suppressed one), and in whatever form, the encoder of logback.xml writes {@code ****} instead, in
 * text and in JSON.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LogEncoderTest {

    private static final String KEY = "sk-Encoder-5d2c8e41b07a93f6-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The texts that carry the key: as sent in each header, and in an exception's words. */
    private static List<String> carriers() {
        ApiKey.of(KEY);     // made as a run makes it, which registers it with the mask
        List<String> carriers = new ArrayList<>(List.of(KEY, "Authorization: Bearer " + KEY,
                "\"Authorization: Bearer " + KEY + "[\\r][\\n]\"", "rejected key '" + KEY + "'\nsecond line"));
        for (String user : List.of("", "a", "ab", "abc", "ops-admin")) {
            carriers.add("Authorization: Basic " + base64(user + ":" + KEY));
        }
        return carriers;
    }

    /** Each place in an event a text can sit, as a way to make an event with it there. */
    private static Map<String, Function<String, LoggingEvent>> placements() {
        return Map.of(
                "message", text -> event("sending " + text, null),
                "argument", text -> event("sending {} now", null, text),
                "mdc run.id", text -> withMdc(event("step", null), "run.id", text),
                "mdc step", text -> withMdc(event("step", null), "step", text),
                "key-value pair", text -> withPair(event("sent", null), "header", text),
                "exception", text -> event("failed", new IllegalStateException(text)),
                "cause", text -> event("failed", new RuntimeException("outer", new IllegalStateException(text))),
                "suppressed", text -> event("failed", suppressing(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void everyEventHoldingTheKeyIsWrittenWithTheMaskInstead(String format) throws Exception {
        LogEncoder encoder = encoder(format);
        Charset charset = format.equals("json") ? StandardCharsets.UTF_8 : Charset.defaultCharset();
        int events = 0;
        for (String carrier : carriers()) {
            for (Map.Entry<String, Function<String, LoggingEvent>> placement : placements().entrySet()) {
                String line = new String(encoder.encode(placement.getValue().apply(carrier)), charset);
                String where = format + ", " + placement.getKey() + ": " + line;
                assertThat(line).as(where).contains("****");
                assertThat(line).as(where).doesNotContain(KEY.substring(0, 8)).doesNotContain(KEY.substring(8));
                for (String user : List.of("", "a", "ab", "abc", "ops-admin")) {
                    assertThat(line).as(where).doesNotContain(base64(user + ":" + KEY));
                }
                if (format.equals("json")) {
                    assertThat(line).as(where).endsWith("}\n").doesNotContain("}\n{");
                    JsonNode object = JSON.readTree(line);
                    assertThat(object.path("logger").asString()).isEqualTo("dev.scimsync.Test");
                }
                events++;
            }
        }
        assertThat(events).isEqualTo(carriers().size() * placements().size());
        encoder.stop();
    }

    private static LogEncoder encoder(String format) {
        String before = System.getProperty(LogFormat.PROPERTY);
        System.setProperty(LogFormat.PROPERTY, format);
        try {
            LogEncoder encoder = new LogEncoder();
            encoder.setContext(new LoggerContext());
            encoder.setPattern("%d %-5level [%thread] %logger{0} %X %kvp - %msg%n");
            encoder.start();
            return encoder;
        } finally {
            if (before == null) {
                System.clearProperty(LogFormat.PROPERTY);
            } else {
                System.setProperty(LogFormat.PROPERTY, before);
            }
        }
    }

    private static LoggingEvent event(String message, Throwable error, Object... arguments) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        return new LoggingEvent("test", context.getLogger("dev.scimsync.Test"), Level.DEBUG, message, error, arguments);
    }

    private static LoggingEvent withMdc(LoggingEvent event, String key, String value) {
        event.setMDCPropertyMap(Map.of(key, value, "other", "x"));
        return event;
    }

    private static LoggingEvent withPair(LoggingEvent event, String key, String value) {
        event.addKeyValuePair(new KeyValuePair(key, value));
        return event;
    }

    private static Throwable suppressing(String text) {
        RuntimeException error = new RuntimeException("while closing");
        error.addSuppressed(new IllegalStateException(text));
        return error;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
