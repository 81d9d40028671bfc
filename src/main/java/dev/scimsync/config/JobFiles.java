package dev.scimsync.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;
import tools.jackson.databind.deser.std.FromStringDeserializer;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads job files into a validated {@link JobConfig}, and stores the effective configuration of a run as JSON.
 * Every problem is a {@link ConfigException} whose lines start with the job file's absolute path and name the key;
 * a file with several problems has them all reported in one go.
 */
public final class JobFiles {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .addModule(new SimpleModule("paths-as-written")
                    .addSerializer(Path.class, new ToStringSerializer(Path.class))
                    .addDeserializer(Path.class, new FromStringDeserializer<Path>(Path.class) {
                        @Override
                        protected Path _deserialize(String value, tools.jackson.databind.DeserializationContext ctxt) {
                            return Path.of(value);
                        }
                    }))
            .build();

    private static final String STORED = "stored configuration";

    private JobFiles() {
    }

    /**
     * Reads, overrides, defaults and validates a job file; {@code overrides} may be null. Every problem of the file
     * is reported at once, each line starting with the file's absolute path.
     */
    public static JobConfig load(Path jobFile, Overrides overrides) {
        Overrides given = overrides != null ? overrides : Overrides.none();
        String source = absolute(jobFile).toString();
        String text = read(jobFile, source);
        YamlScan scan = YamlScan.of(YAML, text);
        List<String> problems = new ArrayList<>(scan.problems());
        if (!scan.bindable()) {
            throw problems(source, problems, null);
        }
        BindingProblems binding = BindingProblems.bind(YAML, text, scan.keys());
        problems.addAll(binding.problems());
        problems.sort(JacksonErrors.BY_POSITION);
        JobDocument document = binding.document();
        if (document == null) {
            throw problems(source, problems, null);
        }
        JobConfig config;
        try {
            config = document.toConfig(defaultName(jobFile), given);
        } catch (InvalidPathException e) {
            problems.add(e.getReason() + " (was '" + e.getInput() + "')");
            throw problems(source, problems, null);
        }
        ConfigChecks.problems(config, given.optionsByKey()).stream()
                .filter(p -> !repeats(p, binding.badValues()))
                .forEach(problems::add);
        if (!problems.isEmpty()) {
            throw problems(source, problems, null);
        }
        return config;
    }

    /** The path as messages show it: absolute (a relative one against the working directory) and normalised. */
    public static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }

    /**
     * A check on a key whose value was already rejected and bound as absent, or on a key inside it: "target.url is
     * required" after "target must be a mapping of keys" says nothing new.
     */
    private static boolean repeats(String problem, Set<String> badValues) {
        String key = problem.split("[ :]", 2)[0];
        return badValues.stream().anyMatch(bad -> key.equals(bad) || key.startsWith(bad + ".")
                || key.startsWith(bad + "["));
    }

    private static ConfigException problems(String source, List<String> problems, Throwable cause) {
        return new ConfigException(problems.stream().map(p -> source + ": " + p).toList(), cause);
    }

    /** The effective configuration as one line of JSON, paths as written. */
    public static String toJson(JobConfig config) {
        return JSON.writeValueAsString(config);
    }

    /** Reads back what {@link #toJson} wrote, checked as a job file would be. */
    public static JobConfig fromJson(String json) {
        try {
            JobConfig config = JSON.readValue(json, JobConfig.class);
            if (config == null) {
                throw new ConfigException(STORED + ": is empty");
            }
            return checked(STORED, config, Overrides.none());
        } catch (JacksonException e) {
            throw new ConfigException(List.of(STORED + ": " + JacksonErrors.describe(e, Map.of())), e);
        }
    }

    private static JobConfig checked(String source, JobConfig config, Overrides given) {
        List<String> problems = ConfigChecks.problems(config, given.optionsByKey());
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.stream().map(p -> source + ": " + p).toList(), null);
        }
        return config;
    }

    private static String read(Path jobFile, String source) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(jobFile))).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ConfigException(List.of(source + ": cannot read the job file (not UTF-8 text)"), e);
        } catch (IOException e) {
            throw new ConfigException(List.of(source + ": cannot read the job file (" + reason(e) + ")"), e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** {@code jobs/demo.yml} → {@code demo}; characters a name may not hold become {@code -}. */
    static String defaultName(Path jobFile) {
        Path fileName = jobFile.getFileName();
        String name = fileName == null ? "job" : fileName.toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9._-]", "-");
    }
}
