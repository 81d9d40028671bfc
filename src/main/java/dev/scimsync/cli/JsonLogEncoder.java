package dev.scimsync.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import dev.scimsync.scim.SecretMask;
import org.slf4j.event.KeyValuePair;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --log-format json}: one JSON object per line for log shippers — {@code time} (ISO-8601, UTC), {@code level},
 * {@code logger}, {@code thread}, {@code run_id} and {@code step} (from the MDC keys {@code run.id} and
 * {@code step}, when set), {@code message}, {@code counts} (the numeric key-value pairs of the event, e.g.
 * {@code log.atInfo().addKeyValue("operations", n)}; other pairs go to {@code fields}) and {@code error} with the
 * stack trace of an exception. Newlines inside values are escaped, so a line is always one event. Each value (and
 * each field name) goes through {@link SecretMask} before it is escaped as JSON, so no API key is written.
 */
public final class JsonLogEncoder extends EncoderBase<ILoggingEvent> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] NONE = new byte[0];

    @Override
    public byte[] headerBytes() {
        return NONE;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
        line.put("level", event.getLevel().toString());
        line.put("logger", event.getLoggerName());
        line.put("thread", event.getThreadName());
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (mdc.get("run.id") != null) {
            line.put("run_id", mdc.get("run.id"));
        }
        if (mdc.get("step") != null) {
            line.put("step", mdc.get("step"));
        }
        line.put("message", event.getFormattedMessage());
        if (event.getKeyValuePairs() != null && !event.getKeyValuePairs().isEmpty()) {
            Map<String, Object> counts = new LinkedHashMap<>();
            Map<String, Object> fields = new LinkedHashMap<>();
            for (KeyValuePair pair : event.getKeyValuePairs()) {
                if (pair.value instanceof Number) {
                    counts.put(pair.key, pair.value);
                } else {
                    fields.put(pair.key, String.valueOf(pair.value));
                }
            }
            if (!counts.isEmpty()) {
                line.put("counts", counts);
            }
            if (!fields.isEmpty()) {
                line.put("fields", fields);
            }
        }
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            line.put("error", ThrowableProxyUtil.asString(error));
        }
        return (JSON.writeValueAsString(masked(line)) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The strings of {@code value}, map keys included, masked; numbers as they are. */
    private static Object masked(Object value) {
        if (value instanceof String text) {
            return SecretMask.mask(text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, inner) -> copy.put(SecretMask.mask(String.valueOf(key)), masked(inner)));
            return copy;
        }
        return value;
    }

    @Override
    public byte[] footerBytes() {
        return NONE;
    }
}
