package dev.scimsync.plan;

import java.util.Locale;

/** The userName given to a new user whose row has none. */
final class UserNames {

    private UserNames() {
    }

    /**
     * The email's local part, keeping letters, digits, dots, dashes and underscores. Two people with the same local
     * part at different domains get the same name: the second create then fails with a clear 409 and is never
     * linked to the first person, because a 409 links only a user with the same email.
     */
    static String fromEmail(String email) {
        String local = email.substring(0, email.indexOf('@'));
        String cleaned = local.replaceAll("[^\\p{L}\\p{N}._-]", "-").toLowerCase(Locale.ROOT);
        return cleaned.isEmpty() ? "user" : cleaned;
    }
}
