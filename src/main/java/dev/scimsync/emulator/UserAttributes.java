package dev.scimsync.emulator;

import java.util.function.Function;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Reading and checking user attributes, shared by create and PATCH. */
final class UserAttributes {

    /** The attributes {@code GET /Users?filter=} accepts, lower-cased. */
    static final Map<String, Function<User, String>> FILTERABLE = Map.of(
            "username", User::userName,
            "emails", User::email,
            "emails.value", User::email,
            "displayname", User::displayName,
            "id", User::id,
            "active", user -> Boolean.toString(user.active()));

    private UserAttributes() {
    }

    static String requireUserName(String userName) {
        if (userName == null || userName.isBlank()) {
            throw ScimException.invalidValue("userName is required");
        }
        return userName.trim();
    }

    /**
     * The one email of an {@code emails} value given as an array (the primary entry, else the first), a single
     * object or a plain string; keys in any case. Null when the value holds no address.
     */
    static String email(JsonNode emails) {
        JsonNode chosen = null;
        for (JsonNode entry : Json.asArray(emails)) {
            if (chosen == null || isPrimary(entry) && !isPrimary(chosen)) {
                chosen = entry;
            }
        }
        String address = chosen == null ? null
                : chosen.isObject() ? Json.text(chosen, "value") : Json.asText(chosen, "emails");
        if (address == null || address.isBlank()) {
            return null;
        }
        address = address.trim();
        if (address.indexOf('@') < 1 || address.chars().anyMatch(Character::isWhitespace)) {
            throw ScimException.invalidValue("'" + address + "' is not an email address");
        }
        return address;
    }

    /** 409 when another user (not {@code exceptId}) already has this userName or email, ignoring case. */
    static void requireUnique(Org org, String userName, String email, String exceptId) {
        User sameName = org.userByName(userName);
        if (sameName != null && !sameName.id().equals(exceptId)) {
            throw ScimException.conflict("a user with userName " + userName + " already exists");
        }
        User sameEmail = org.userByEmail(email);
        if (sameEmail != null && !sameEmail.id().equals(exceptId)) {
            throw ScimException.conflict("a user with email " + email + " already exists");
        }
    }

    private static boolean isPrimary(JsonNode entry) {
        JsonNode primary = Json.field(entry, "primary");
        return primary != null && (primary.isBoolean() && primary.booleanValue()
                || primary.isString() && primary.stringValue().equalsIgnoreCase("true"));
    }
}
