package dev.scimsync.cli;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import dev.scimsync.scim.SecretMask;

import java.nio.charset.Charset;

/**
 * The encoder of logback.xml: readable lines with the configured pattern, or {@link JsonLogEncoder} when the system
 * property {@code scim.sync.log.format} is {@code json} at the time logback is configured (see {@link LogFormat}).
 * Either way each whole line, stack trace included, goes through {@link SecretMask} before it is written: the API
 * key is masked whatever logger or level printed it.
 */
public final class LogEncoder extends EncoderBase<ILoggingEvent> {

    private static final byte[] NONE = new byte[0];

    private String pattern = "%msg%n";
    private PatternLayout text;
    private JsonLogEncoder json;

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public void start() {
        if ("json".equals(System.getProperty(LogFormat.PROPERTY))) {
            json = new JsonLogEncoder();
            json.setContext(getContext());
            json.start();
        } else {
            text = new PatternLayout();
            text.setPattern(pattern);
            text.setContext(getContext());
            text.start();
        }
        super.start();
    }

    @Override
    public void stop() {
        if (json != null) {
            json.stop();
        }
        if (text != null) {
            text.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return NONE;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        if (json != null) {
            return json.encode(event);
        }
        // the platform charset, as logback's pattern encoder writes when none is configured
        return SecretMask.mask(text.doLayout(event)).getBytes(Charset.defaultCharset());
    }

    @Override
    public byte[] footerBytes() {
        return NONE;
    }
}
