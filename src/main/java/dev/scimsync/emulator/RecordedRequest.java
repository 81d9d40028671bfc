package dev.scimsync.emulator;

/**
 * One request as a {@link WandbEmulator} received and answered it. Recorded for the same requests that
 * {@link RequestCounts} counts (everything that passed authentication).
 *
 * @param method       HTTP method, upper case
 * @param pathAndQuery the raw (still percent-encoded) path and query, exactly as sent, e.g.
 *                     {@code /scim/Users?filter=userName%20eq%20%22alice%22}
 * @param status       the status answered
 * @param body         the request body as UTF-8 text, empty when there was none
 */
public record RecordedRequest(String method, String pathAndQuery, int status, String body) {
}
