package dev.scimsync.cli;

import dev.scimsync.report.RowStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the command line words a run's counts: one wording for the terminal at the end of a run, {@code report RUN}
 * and {@code history}, so the three never disagree.
 */
final class Counts {

    /**
     * Every status, in the order a person reads them: what was done, what was left alone, what needs them. Each
     * status is in it, so the counts shown always add up to the total.
     */
    static final List<RowStatus> ORDER = List.of(RowStatus.CREATED, RowStatus.UPDATED, RowStatus.REACTIVATED,
            RowStatus.DEACTIVATED, RowStatus.REMOVED, RowStatus.DELETED, RowStatus.UNCHANGED, RowStatus.PLANNED,
            RowStatus.BLOCKED, RowStatus.MANUAL, RowStatus.INVALID, RowStatus.FAILED, RowStatus.PENDING);

    private Counts() {
    }

    /**
     * E.g. {@code 14 - created 3, removed 1, unchanged 9, invalid 1, failed 0}: the total, then each status that
     * occurs, and invalid and failed always.
     */
    static String rows(Map<String, Long> byStatus) {
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder line = new StringBuilder().append(total);
        String sep = " - ";
        for (RowStatus status : ORDER) {
            long n = byStatus.getOrDefault(status.label(), 0L);
            if (n > 0 || status == RowStatus.INVALID || status == RowStatus.FAILED) {
                line.append(sep).append(status.label()).append(' ').append(n);
                sep = ", ";
            }
        }
        return line.toString();
    }

    /**
     * A plan in one line, e.g. {@code 10 to create, 3 to update, 2 to deactivate, 0 to remove from teams}: those
     * four always, then adding to teams, reactivating, deleting roles, removing users from the organisation and
     * deleting teams when the plan does them, and the removals held back.
     */
    static String plan(Map<String, Long> changes, long blocked) {
        List<String> parts = new ArrayList<>();
        for (String what : List.of("create", "update", "deactivate", "remove from teams")) {
            parts.add(changes.getOrDefault(what, 0L) + " to " + what);
        }
        long added = changes.getOrDefault("add to teams", 0L);
        if (added > 0) {
            parts.add(added + " to add to teams");
        }
        long reactivated = changes.getOrDefault("reactivate", 0L);
        if (reactivated > 0) {
            parts.add(reactivated + " to reactivate");
        }
        long deleted = changes.getOrDefault("delete", 0L);
        if (deleted > 0) {
            parts.add(deleted + (deleted == 1 ? " role" : " roles") + " to delete");
        }
        long removed = changes.getOrDefault("remove from organisation", 0L);
        if (removed > 0) {
            parts.add(removed + " to remove from the organisation");
        }
        long teams = changes.getOrDefault("delete team", 0L);
        if (teams > 0) {
            parts.add(teams + (teams == 1 ? " team" : " teams") + " to delete");
        }
        return String.join(", ", parts) + (blocked > 0 ? "; " + blocked + " held back (blocked.csv)" : "");
    }

    /** What a run that applied operations did, e.g. {@code 10 created, 2 deactivated}; "nothing" for none. */
    static String applied(Map<String, Long> changes) {
        List<String> parts = new ArrayList<>();
        changes.forEach((what, n) -> {
            if (n > 0) {
                parts.add(n + " " + switch (what) {
                    case "create" -> "created";
                    case "update" -> "updated";
                    case "deactivate" -> "deactivated";
                    case "remove from teams" -> "removed from teams";
                    case "add to teams" -> "added to teams";
                    case "reactivate" -> "reactivated";
                    case "delete" -> "roles deleted";
                    case "remove from organisation" -> "removed from the organisation";
                    case "delete team" -> "teams deleted";
                    default -> what;
                });
            }
        });
        return parts.isEmpty() ? "nothing" : String.join(", ", parts);
    }

    /** Whether a plan's changes send anything. */
    static boolean any(Map<String, Long> changes) {
        return changes.values().stream().anyMatch(n -> n > 0);
    }
}
