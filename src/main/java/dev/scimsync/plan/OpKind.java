package dev.scimsync.plan;

/**
 * What a planned operation does. The phase orders the writes: custom roles, then users, then teams, their
 * service accounts and memberships, then team roles, and every removal last, so that the safety limits can stop a truncated input
 * before anything is lost.
 */
public enum OpKind {
    CREATE_ROLE(10, false, "create", "created"),
    UPDATE_ROLE(11, false, "update", "updated"),
    CREATE_USER(20, false, "create", "created"),
    REACTIVATE_USER(21, false, "reactivate", "reactivated"),
    UPDATE_USER(22, false, "update", "updated"),
    CREATE_TEAM(30, false, "create team", "created"),
    CREATE_SERVICE_ACCOUNT(35, false, "create service account", "created"),
    ADD_MEMBER(40, false, "add member", "created"),
    SET_TEAM_ROLE(50, false, "set team role", "updated"),
    REMOVE_MEMBER(60, true, "remove member", "removed"),
    DEACTIVATE_USER(70, true, "deactivate", "deactivated"),
    /** {@code DELETE /Users/{id}} where that takes the user out of the organisation. */
    REMOVE_USER(75, true, "remove from organisation", "removed"),
    /**
     * A user who must leave the organisation on a target whose {@code DELETE /Users/{id}} only deactivates: never
     * sent, planned held back so that results.csv and blocked.csv name it for a person, run after run.
     */
    REMOVE_IN_ADMIN_UI(76, false, "remove in the W&B admin UI", "removed"),
    DELETE_ROLE(80, true, "delete role", "deleted"),
    DELETE_TEAM(90, true, "delete team", "deleted");

    private final int phase;
    private final boolean removal;
    private final String action;
    private final String doneStatus;

    OpKind(int phase, boolean removal, String action, String doneStatus) {
        this.phase = phase;
        this.removal = removal;
        this.action = action;
        this.doneStatus = doneStatus;
    }

    public int phase() {
        return phase;
    }

    /** Whether the operation takes something away: removals are counted by the safety limit. */
    public boolean removal() {
        return removal;
    }

    /** The planned action, as plan.csv and results.csv show it. */
    public String action() {
        return action;
    }

    /** The status of an input row whose operation of this kind was applied. */
    public String doneStatus() {
        return doneStatus;
    }
}
