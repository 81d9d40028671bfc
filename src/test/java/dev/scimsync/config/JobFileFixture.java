package dev.scimsync.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;

/** Writes job files into a test's temporary directory and loads them. */
final class JobFileFixture {

    static final String MINIMAL = """
            target: { url: embedded }
            inputs: { users: samples/users.csv }
            """;

    private final Path dir;

    JobFileFixture(Path dir) {
        this.dir = dir;
    }

    Path write(String fileName, String yaml) {
        try {
            Path file = dir.resolve(fileName);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JobConfig load(String yaml) {
        return JobFiles.load(write("jobs/demo.yml", yaml), Overrides.none());
    }

    /** The message of loading {@code yaml} as {@code jobs/demo.yml}, with the directory prefix removed. */
    AbstractStringAssert<?> assertProblem(String yaml) {
        return assertProblem(yaml, Overrides.none());
    }

    AbstractStringAssert<?> assertProblem(String yaml, Overrides overrides) {
        Path file = write("jobs/demo.yml", yaml);
        ConfigException e = Assertions.catchThrowableOfType(ConfigException.class, () -> JobFiles.load(file, overrides));
        Assertions.assertThat(e).as("ConfigException for%n%s", yaml).isNotNull();
        return Assertions.assertThat(e.getMessage().replace(dir + "/", ""));
    }
}
