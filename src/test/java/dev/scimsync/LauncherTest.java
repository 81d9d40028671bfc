package dev.scimsync;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher {@code ./scim-sync} with each JDK it may be given ({@code JAVA_HOME}): Java 17 (the JVM running the
 * tests) gets a class data sharing archive, Java 25 or later an AOT cache, each made once per build by a training
 * run, each kept beside the other; a JVM given a file it cannot use (the other JDK's, a damaged one) runs without it
 * and says nothing. The launcher runs in a copy of the tree whose extracted jar this test assembles from the compiled
 * classes and the runtime class path Maven wrote (the suite runs before the jar is packaged). Heavy: one training
 * run of the demo job per JDK.
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherTest {

    @TempDir
    static Path tree;

    static Path java17;
    static Path java25;

    @BeforeAll
    static void copyTheLauncherAndAssembleAnExtractedJar() throws IOException {
        java17 = Path.of(System.getProperty("java.home"));
        assertThat(feature(java17)).as("the suite runs on Java 17").isEqualTo(17);
        java25 = jdk25().orElse(null);
        Files.copy(Path.of("scim-sync"), tree.resolve("scim-sync"));
        assertThat(tree.resolve("scim-sync").toFile().setExecutable(true)).isTrue();
        copy(Path.of("jobs"), tree.resolve("jobs"));
        copy(Path.of("samples"), tree.resolve("samples"));
        // Spring Boot's extracted layout: the application's jar, and the runtime dependencies in lib/ beside it
        Path app = Files.createDirectories(tree.resolve("target/scim-sync/lib"));
        List<String> jars = new ArrayList<>();
        for (String entry : Files.readString(Path.of("target/runtime-classpath.txt")).trim()
                .split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            Files.copy(jar, app.resolve(jar.getFileName()));
            jars.add("lib/" + jar.getFileName());
        }
        Path classes = Path.of("target/classes").toAbsolutePath();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, ScimSyncApplication.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", jars));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(app.resolveSibling("scim-sync.jar")),
                manifest);
             Stream<Path> files = Files.walk(classes)) {
            // directories too: Spring's component scan finds the packages by their entries
            for (Path file : files.filter(f -> !f.equals(classes)).sorted().toList()) {
                String name = classes.relativize(file).toString().replace(File.separatorChar, '/');
                boolean directory = Files.isDirectory(file);
                jar.putNextEntry(new JarEntry(directory ? name + "/" : name));
                if (!directory) {
                    Files.copy(file, jar);
                }
                jar.closeEntry();
            }
        }
        // the packaged jar, older than its extraction and newer than the (absent) sources: nothing is rebuilt
        Path packaged = Files.write(tree.resolve("target/scim-sync.jar"), new byte[0]);
        Files.setLastModifiedTime(packaged, FileTime.from(Instant.now().minusSeconds(3600)));
    }

    @Test
    @Order(1)
    void eachJdkTrainsItsOwnFileOnceAndKeepsTheOthersFiles() throws Exception {
        Path jsa = runAndFindFile(java17, ".jsa");
        FileTime made17 = Files.getLastModifiedTime(jsa);

        Launch again = launch(java17, "--version");

        assertThat(again.exitCode).as(again.toString()).isZero();
        assertThat(Files.getLastModifiedTime(jsa)).as("not trained again").isEqualTo(made17);
        // trained on the read-only commands too, and a static archive: it holds picocli's Java 5 class files, which
        // Java 17's dynamic archive skipped
        Launch history = launch(java17, Map.of("SCIM_SYNC_JAVA_OPTS", "-Xlog:class+load=info"), "history",
                "--state-db", "jdbc:h2:mem:launcher");
        assertThat(history.exitCode).as(history.toString()).isZero();
        assertThat(history.stdout.lines().filter(l -> l.contains(" picocli.CommandLine$Help ")
                || l.contains(" dev.scimsync.cli.HistoryCommand ") || l.contains(" dev.scimsync.cli.StateReader ")))
                .hasSize(3).allMatch(l -> l.endsWith("source: shared objects file"));
        assumeJdk25();
        Path aot = runAndFindFile(java25, ".aot");
        FileTime made25 = Files.getLastModifiedTime(aot);
        assertThat(files()).containsExactlyInAnyOrder(jsa.getFileName().toString(), aot.getFileName().toString());

        Launch again25 = launch(java25, "--version");
        Launch again17 = launch(java17, "--version");

        assertThat(again25.exitCode).as(again25.toString()).isZero();
        assertThat(again17.exitCode).as(again17.toString()).isZero();
        assertThat(Files.getLastModifiedTime(aot)).isEqualTo(made25);
        assertThat(Files.getLastModifiedTime(jsa)).isEqualTo(made17);
    }

    /**
     * Two guards, each tried: the launcher gives the JVM no file whose size is not the one it trained (Java 17 crashes
     * on an archive cut short), and the JVM ignores a file of the right size it cannot use (another JDK's, noise).
     */
    @Test
    @Order(2)
    void aJvmGivenAFileItCannotUseRunsWithoutItAndSaysNothing() throws Exception {
        Path jsa = runAndFindFile(java17, ".jsa");
        byte[] archive17 = Files.readAllBytes(jsa);
        Random random = new Random(archive17.length);
        // content, and whether the size beside it says it is what was trained (only the JVM can tell then)
        Map<byte[], Boolean> contents = new java.util.LinkedHashMap<>();
        contents.put(new byte[] {1}, true);
        contents.put(randomBytes(random, 100_000), true);
        contents.put(randomBytes(random, 100_000), false);
        contents.put(Arrays.copyOf(archive17, archive17.length / 2), false);
        List<Path> files = new ArrayList<>(List.of(jsa));
        if (java25 != null) {
            Path aot = runAndFindFile(java25, ".aot");
            files.add(aot);
            contents.put(Files.readAllBytes(aot), true);   // 25's cache handed to 17 (and to 25 itself: usable)
            contents.put(archive17, true);                 // 17's archive handed to 25
        }
        for (Path file : files) {
            Path jdk = file.toString().endsWith(".aot") ? java25 : java17;
            for (Map.Entry<byte[], Boolean> content : contents.entrySet()) {
                Files.write(file, content.getKey());
                Files.writeString(Path.of(file + ".size"), (content.getValue() ? content.getKey().length
                        : content.getKey().length + 1) + "\n");

                Launch run = launch(jdk, "history", "--state-db", "jdbc:h2:mem:launcher-test");

                String what = file.getFileName() + ", " + content.getKey().length + " bytes, size "
                        + (content.getValue() ? "as trained" : "not as trained") + ": " + run;
                assertThat(run.exitCode).as(what).isZero();
                assertThat(run.stdout).as(what).isEqualTo("no runs in the state database yet\n");
                assertThat(run.stderr).as("nothing about the file: " + what).isEmpty();
                assertThat(Files.readAllBytes(file)).as("not trained again: " + what).isEqualTo(content.getKey());
            }
        }
    }

    private static Path runAndFindFile(Path jdk, String suffix) throws Exception {
        Launch run = launch(jdk, "--version");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.stdout).contains("Java " + feature(jdk) + ".");
        String version = release(jdk).get("JAVA_VERSION");
        List<String> made = files().stream().filter(f -> f.startsWith("jdk-" + version + "-") && f.endsWith(suffix))
                .toList();
        assertThat(made).as("one file for " + jdk).hasSize(1);
        Path file = tree.resolve("target/scim-sync").resolve(made.get(0));
        Path log = Path.of(file + ".log");
        assertThat(Files.size(file)).as("trained: " + (Files.exists(log) ? Files.readString(log) : "no log"))
                .isGreaterThan(1_000_000);
        return file;
    }

    private static void assumeJdk25() {
        Assumptions.assumeTrue(java25 != null, "no JDK 25 or later under /usr/lib/jvm");
    }

    private static List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(tree.resolve("target/scim-sync"))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.startsWith("jdk-") && (f.endsWith(".jsa") || f.endsWith(".aot"))).toList();
        }
    }

    private record Launch(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + stdout + "--- err\n" + stderr;
        }
    }

    private static Launch launch(Path jdk, String... args) throws IOException, InterruptedException {
        return launch(jdk, Map.of(), args);
    }

    private static Launch launch(Path jdk, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", tree.resolve("scim-sync").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(tree, "out", ".log");
        Path err = Files.createTempFile(tree, "err", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(tree.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("JAVA_HOME", jdk.toString());
        builder.environment().remove("SCIM_SYNC_JAVA_OPTS");
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the launcher did not end within 5 minutes");
        }
        return new Launch(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Optional<Path> jdk25() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(h -> Files.isExecutable(h.resolve("bin/java")) && feature(h) >= 25)
                    .min(Comparator.comparing(Path::toString));
        }
    }

    private static int feature(Path jdk) {
        String version = release(jdk).getOrDefault("JAVA_VERSION", "0");
        return Integer.parseInt(version.split("[.+-]")[0]);
    }

    private static Map<String, String> release(Path jdk) {
        try (Stream<String> lines = Files.lines(jdk.resolve("release"))) {
            return lines.filter(l -> l.matches("\\w+=\".*\"")).collect(Collectors.toMap(
                    l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 2, l.length() - 1)));
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static byte[] randomBytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
