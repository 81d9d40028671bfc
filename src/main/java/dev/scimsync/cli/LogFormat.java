package dev.scimsync.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

import java.net.URL;

/**
 * {@code --log-format text|json}. logback.xml picks its appender by the system property {@code scim.sync.log.format}
 * (read again when Spring Boot starts); it is read at JVM start, before the command line is parsed, so choosing a
 * format here sets the property and configures logback again at once.
 */
final class LogFormat {

    static final String PROPERTY = "scim.sync.log.format";

    enum Format { text, json }

    @Option(names = "--log-format", paramLabel = "FORMAT",
            description = "Log lines on stderr: text (default) or json (one object per line).")
    void set(Format format) {
        apply(format);
    }

    static void apply(Format format) {
        System.setProperty(PROPERTY, format.name());
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            URL config = LogFormat.class.getResource("/logback.xml");
            if (config != null) {
                context.reset();
                JoranConfigurator configurator = new JoranConfigurator();
                configurator.setContext(context);
                try {
                    configurator.doConfigure(config);
                } catch (JoranException e) {
                    throw new IllegalStateException("cannot configure logging: " + e.getMessage(), e);
                }
            }
        }
    }
}
