package dev.scimsync.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks the {@code Authorization} header against the API key, in the three forms W&amp;B accepts:
 * {@code Bearer <key>}, {@code Basic base64(<user>:<key>)} and {@code Basic base64(:<key>)}. The key is compared
 * in constant time and never logged.
 */
final class Auth {

    private volatile byte[] key;
    /** Writes accepted with the first key; once {@code revokeAfterWrites} of them, it is refused. */
    private final AtomicLong writes = new AtomicLong();
    private final long revokeAfterWrites;
    private volatile boolean firstKey = true;

    /** @param revokeAfterWrites the first key is refused once this many writes were accepted with it; -1: never */
    Auth(String key, long revokeAfterWrites) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
        this.revokeAfterWrites = revokeAfterWrites;
    }

    /** Replaces the key, as when an admin revokes a key and issues another; later requests need the new one. */
    void change(String newKey) {
        this.key = newKey.getBytes(StandardCharsets.UTF_8);
        this.firstKey = false;
    }

    /** Whether the request may go on; a write accepted counts towards the first key's revocation. */
    boolean accepts(String authorization, boolean write) {
        if (!valid(authorization)) {
            return false;
        }
        if (revokeAfterWrites < 0 || !firstKey) {
            return true;
        }
        return write ? writes.getAndIncrement() < revokeAfterWrites : writes.get() < revokeAfterWrites;
    }

    private boolean valid(String authorization) {
        if (authorization == null) {
            return false;
        }
        String header = authorization.trim();
        int space = header.indexOf(' ');
        if (space < 0) {
            return false;
        }
        String scheme = header.substring(0, space);
        String credentials = header.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return matches(credentials);
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
            int colon = decoded.indexOf(':');
            return colon >= 0 && matches(decoded.substring(colon + 1));
        }
        return false;
    }

    private boolean matches(String candidate) {
        return MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8), key);
    }
}
