package dev.scimsync.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;

/**
 * A job file as typed, validated configuration, with command-line overrides and defaults applied.
 * Built by {@link JobFiles#load}; stored with a run as JSON ({@link JobFiles#toJson}) so a resume needs no job file.
 *
 * @param name defaults to the job file's name without extension
 * @param out  the report directory, {@code reports/<name>} unless given
 */
public record JobConfig(
        @NotNull(message = "is required")
        @Pattern(regexp = "(?!\\.{1,2}$)[A-Za-z0-9._-]{1,100}",
                message = "must be 1 to 100 letters, digits, '-', '_' or '.'")
        String name,
        @NotNull(message = "is required") @Valid TargetConfig target,
        @NotNull(message = "is required") @Valid InputsConfig inputs,
        @NotNull(message = "is required") @Valid PolicyConfig policy,
        @NotNull(message = "is required") @Valid LimitsConfig limits,
        @NotNull(message = "is required") Path out) {
}
