package dev.scimsync.state;

/**
 * What a planned operation does. The phase orders the writes (DESIGN.md): custom roles, then users, then teams and
 * memberships, then team roles, and every removal last, so that the safety limits can stop a truncated input
 * before anything is lost.
 */
public enum OpKind {
    CREATE_USER(20, false),
    REACTIVATE_USER(21, false),
    UPDATE_USER(22, false),
    DEACTIVATE_USER(70, true);

    private final int phase;
    private final boolean removal;

    OpKind(int phase, boolean removal) {
        this.phase = phase;
        this.removal = removal;
    }

    public int phase() {
        return phase;
    }

    /** Whether the operation takes something away: removals are counted by the safety limit. */
    public boolean removal() {
        return removal;
    }
}
