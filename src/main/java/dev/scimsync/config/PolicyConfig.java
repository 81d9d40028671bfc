package dev.scimsync.config;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Locale;

/**
 * What to do with objects the target holds but the inputs no longer list, and the safety limits on removals.
 *
 * @param maxRemovals    removals (deactivations, user removals, membership removals, role and team deletions)
 *                       allowed per run
 * @param protectedUsers emails never deactivated or removed, stored lowercase
 * @param maxRowDrop     how far an input may shrink against the last good run before it is rejected
 * @param absentTeams    teams the job manages that no input lists any more
 * @param protectedTeams team names never deleted, whatever the policy, stored lowercase
 */
public record PolicyConfig(
        @NotNull(message = "is required") AbsentUsers absentUsers,
        @NotNull(message = "is required") AbsentMembers absentMembers,
        @NotNull(message = "is required") AbsentRoles absentRoles,
        @NotNull(message = "is required") RemovalLimit maxRemovals,
        List<@NotNull(message = "must be an email address")
             @Pattern(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s.]+", message = "must be an email address") String> protectedUsers,
        @NotNull(message = "is required") RemovalLimit maxRowDrop,
        @NotNull(message = "is required") AbsentTeams absentTeams,
        List<@NotNull(message = "must be a team name")
             @Pattern(regexp = ".*\\S.*", message = "must be a team name") String> protectedTeams) {

    public static final RemovalLimit DEFAULT_MAX_REMOVALS = RemovalLimit.percent(5);
    public static final RemovalLimit DEFAULT_MAX_ROW_DROP = RemovalLimit.percent(50);

    public PolicyConfig {
        protectedUsers = protectedUsers == null ? List.of()
                : protectedUsers.stream().map(e -> e == null ? null : e.trim().toLowerCase(Locale.ROOT)).toList();
        absentTeams = absentTeams == null ? AbsentTeams.REPORT : absentTeams;
        protectedTeams = protectedTeams == null ? List.of()
                : protectedTeams.stream().map(t -> t == null ? null : t.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /** A policy that leaves absent teams alone and protects none. */
    public PolicyConfig(AbsentUsers absentUsers, AbsentMembers absentMembers, AbsentRoles absentRoles,
                        RemovalLimit maxRemovals, List<String> protectedUsers, RemovalLimit maxRowDrop) {
        this(absentUsers, absentMembers, absentRoles, maxRemovals, protectedUsers, maxRowDrop, AbsentTeams.REPORT,
                List.of());
    }

    public static PolicyConfig defaults() {
        return new PolicyConfig(AbsentUsers.REPORT, AbsentMembers.REPORT, AbsentRoles.REPORT,
                DEFAULT_MAX_REMOVALS, List.of(), DEFAULT_MAX_ROW_DROP);
    }

    /**
     * Users the target holds that no input lists: {@code remove} takes them out of the organisation where the
     * target can ({@code target.user-delete: removes}), else deactivates them and reports them for removal by hand.
     */
    public enum AbsentUsers {
        REPORT, DEACTIVATE, REMOVE, IGNORE;

        @JsonValue
        String yaml() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Team memberships the target holds that the memberships input does not list. */
    public enum AbsentMembers {
        REPORT, REMOVE, IGNORE;

        @JsonValue
        String yaml() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Teams the job manages that no input lists any more. */
    public enum AbsentTeams {
        REPORT, DELETE;

        @JsonValue
        String yaml() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Custom roles the target holds that the roles input does not list. */
    public enum AbsentRoles {
        IGNORE, REPORT, DELETE;

        @JsonValue
        String yaml() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
