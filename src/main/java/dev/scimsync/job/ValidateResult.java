package dev.scimsync.job;

import dev.scimsync.report.Validation;

/**
 * How {@code validate} ended.
 *
 * @param validation what the rows came to; null when the inputs were rejected before their rows were read
 * @param problem    why the inputs were rejected, in words for the person who runs it; null otherwise
 */
public record ValidateResult(int exitCode, Validation validation, String problem) {
}
