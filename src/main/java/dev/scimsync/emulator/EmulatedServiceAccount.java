package dev.scimsync.emulator;

/**
 * A service account as the emulator holds it, for tests: with the API key it generated, so that a test can show the
 * key reached no file, log line or table of the tool.
 */
public record EmulatedServiceAccount(String id, String team, String description, String apiKey) {
}
