package dev.scimsync.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Checks the {@code Authorization} header against the API key, in the three forms W&amp;B accepts:
 * {@code Bearer <key>}, {@code Basic base64(<user>:<key>)} and {@code Basic base64(:<key>)}. The key is compared
 * in constant time and never logged.
 */
final class Auth {

    private volatile byte[] key;

    Auth(String key) {
        change(key);
    }

    /** Replaces the key, as when an admin revokes a key and issues another; later requests need the new one. */
    void change(String newKey) {
        this.key = newKey.getBytes(StandardCharsets.UTF_8);
    }

    boolean accepts(String authorization) {
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
