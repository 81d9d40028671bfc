package dev.scimsync.emulator;

import java.time.Instant;

/**
 * A team's service account (immutable). W&amp;B gives it an API key of its own when it is created; the emulator
 * makes one too, and answers it only to a query that asks for {@code apiKey}.
 */
record ServiceAccount(String id, String teamId, String description, String apiKey, Instant created) {
}
