package dev.scimsync.scim;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * A SCIM user, with the W&B extensions {@code organizationRole} and {@code teamRoles}. Lists are never
 * {@code null}; empty ones are left out when writing.
 */
public record ScimUser(
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> schemas,
        String id,
        String externalId,
        String userName,
        String displayName,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ScimEmail> emails,
        Boolean active,
        String organizationRole,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TeamRole> teamRoles,
        ScimMeta meta) {

    public ScimUser {
        schemas = ScimLists.nonNull(schemas);
        emails = ScimLists.nonNull(emails);
        teamRoles = ScimLists.nonNull(teamRoles);
    }

    /** The body of {@code POST /Users}. */
    public static ScimUser newUser(String userName, String displayName, String email) {
        List<ScimEmail> emails = email == null ? List.of() : List.of(ScimEmail.primary(email));
        return new ScimUser(List.of(ScimSchemas.USER), null, null, userName, displayName, emails, null, null, null,
                null);
    }

    /** The e-mail flagged primary, else the first one. */
    public Optional<String> primaryEmail() {
        return emails.stream()
                .filter(email -> Boolean.TRUE.equals(email.primary()))
                .findFirst()
                .or(() -> emails.stream().findFirst())
                .map(ScimEmail::value);
    }

    /** {@code active} as sent by the server; a missing flag counts as active (RFC 7643 default). */
    public boolean activeOrDefault() {
        return active == null || active;
    }
}
