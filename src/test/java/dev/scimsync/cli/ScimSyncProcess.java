package dev.scimsync.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs scim-sync in a JVM of its own, as cron runs it: the test's class path, the given JVM options and environment
 * variables, standard output and error in {@code out.log} and {@code err.log} of the folder. The run must end within
 * three minutes; one that does not is killed and fails the test.
 */
final class ScimSyncProcess {

    /** How the process ended: its exit code, what it printed, and its standard error line by line. */
    record Ended(int exitCode, String stdout, List<String> stderr) {
    }

    private ScimSyncProcess() {
    }

    static Ended run(Path dir, List<String> jvmOptions, List<String> args, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.add("dev.scimsync.ScimSyncApplication");
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(new File(dir.toFile(), "out.log"))
                .redirectError(new File(dir.toFile(), "err.log"));
        builder.environment().putAll(environment);
        Process run = builder.start();
        run.getOutputStream().close();
        boolean ended = run.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            run.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(ended).as("the run ended within its time").isTrue();
        return new Ended(run.exitValue(), Files.readString(dir.resolve("out.log"), StandardCharsets.UTF_8),
                Files.readAllLines(dir.resolve("err.log"), StandardCharsets.UTF_8));
    }
}
