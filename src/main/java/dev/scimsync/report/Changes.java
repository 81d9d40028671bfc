package dev.scimsync.report;

import dev.scimsync.plan.OpKind;
import dev.scimsync.plan.OpState;
import dev.scimsync.plan.PlannedOp;
import dev.scimsync.plan.PlannedOpRepository;
import dev.scimsync.plan.RolePayload;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The changes a run proposes (a plan: its pending operations) or made (sync and apply: its applied ones), in groups
 * that put the dangerous ones first, so that a person approving a plan reads them before anything else: what is
 * taken away, org-role demotions, and users whose team role falls back when their role is deleted; then what is
 * created; then what is updated, attribute by attribute. Each group is also written whole to a CSV file of its own in
 * the out dir; the page shows its first {@link FirstLines#LIMIT} lines.
 */
final class Changes {

    /** One group: its title, its lines, how many in all, and the CSV file that lists them all. */
    enum Group {
        REMOVALS("Deactivations and removals", "changes-removals.csv"),
        DEMOTIONS("Org-role demotions", "changes-demotions.csv"),
        FALLBACKS("Team roles that fall back when their role is deleted", "changes-role-fallbacks.csv"),
        CREATES("Creates", "changes-creates.csv"),
        UPDATES("Updates", "changes-updates.csv");

        final String title;
        final String csv;

        Group(String title, String csv) {
            this.title = title;
            this.csv = csv;
        }
    }

    /**
     * What the terminal's plan line counts, in its order: the first four always, the others when they occur. Every
     * operation counts once, a member added with a new team's create request too.
     */
    static final List<String> COUNTED = List.of("create", "update", "deactivate", "remove from teams", "add to teams",
            "reactivate", "delete", "remove from organisation", "delete team");

    /** The groups of the page, and the operations by what they do ({@link #COUNTED}). */
    record Written(List<ReportPage.ChangeGroup> groups, Map<String, Long> counts) {
    }

    /** Org roles from most to least power: a change to one further down is a demotion. */
    private static final List<String> ORG_ROLES = List.of("admin", "member", "viewer");

    private Changes() {
    }

    /**
     * Reads the run's operations once, writes a CSV per group into {@code outDir} and returns the groups, in the
     * order the page shows them (each group present, empty or not).
     *
     * @param planOnly whether the run only planned: then its pending operations are shown, else its applied ones
     */
    static Written write(PlannedOpRepository plannedOps, String opsRunId, Path outDir, boolean planOnly) {
        return write(action -> plannedOps.forEach(opsRunId, action), outDir, planOnly);
    }

    /** The same, over operations from anywhere, in execution order. */
    static Written write(Consumer<Consumer<PlannedOp>> operations, Path outDir, boolean planOnly) {
        OpState shown = planOnly ? OpState.PENDING : OpState.DONE;
        Map<String, Long> counts = new LinkedHashMap<>();
        COUNTED.forEach(c -> counts.put(c, 0L));
        Map<Group, FirstLines<ReportPage.Change>> lines = new LinkedHashMap<>();
        Map<Group, SafeCsv> files = new LinkedHashMap<>();
        try {
            for (Group group : Group.values()) {
                lines.put(group, new FirstLines<>());
                files.put(group, SafeCsv.open(outDir.resolve(group.csv), "action", "key", "line", "target_id",
                        "attribute", "before", "after"));
            }
            operations.accept(op -> {
                if (op.state() != shown) {
                    return;
                }
                counts.merge(counted(op.kind()), 1L, Long::sum);
                if (RunReport.foldedIntoCreate(op)) {
                    return;
                }
                for (Placed placed : place(op)) {
                    lines.get(placed.group).add(placed.change);
                    SafeCsv csv = files.get(placed.group);
                    for (ReportPage.Diff diff : placed.change.diffs()) {
                        csv.row(placed.change.action(), placed.change.key(), placed.change.line(),
                                Objects.toString(op.targetId(), ""), diff.attribute(), diff.before(), diff.after());
                    }
                }
            });
        } finally {
            files.values().forEach(SafeCsv::close);
        }
        List<ReportPage.ChangeGroup> groups = new ArrayList<>();
        lines.forEach((group, first) -> groups.add(new ReportPage.ChangeGroup(group.name().toLowerCase(
                java.util.Locale.ROOT), group.title, first.total, first.lines, first.more(), group.csv)));
        return new Written(groups, counts);
    }

    /** What an operation of this kind counts as on the terminal's plan line. */
    static String counted(OpKind kind) {
        return switch (kind) {
            case CREATE_ROLE, CREATE_USER, CREATE_TEAM, CREATE_SERVICE_ACCOUNT -> "create";
            case UPDATE_ROLE, UPDATE_USER, SET_TEAM_ROLE -> "update";
            case REACTIVATE_USER -> "reactivate";
            case DEACTIVATE_USER -> "deactivate";
            case ADD_MEMBER -> "add to teams";
            case REMOVE_MEMBER -> "remove from teams";
            case DELETE_ROLE -> "delete";
            case REMOVE_USER, REMOVE_IN_ADMIN_UI -> "remove from organisation";
            case DELETE_TEAM -> "delete team";
        };
    }

    private record Placed(Group group, ReportPage.Change change) {
    }

    /** Where one operation goes on the page: one group, or, for a role's deletion, also a line per user. */
    static List<Placed> place(PlannedOp op) {
        String line = op.lineNo() == null ? "" : op.lineNo().toString();
        // a deleted role's attributes do not change, it goes: its before and after are shown whole
        ReportPage.Change change = new ReportPage.Change(op.kind().action(), op.objectKey(), line,
                op.kind() == OpKind.DELETE_ROLE ? whole(op.before(), op.after()) : diffs(op.before(), op.after()));
        List<Placed> placed = new ArrayList<>();
        placed.add(new Placed(group(op), change));
        if (op.kind() == OpKind.DELETE_ROLE) {
            RolePayload role = RolePayload.fromJson(op.payload());
            if (role.affectedUsers() != null) {
                for (String user : role.affectedUsers()) {
                    placed.add(new Placed(Group.FALLBACKS, new ReportPage.Change("team role falls back", user, "",
                            List.of(new ReportPage.Diff("team role", role.name(),
                                    Objects.toString(role.inheritedFrom(), "?"))))));
                }
            }
        }
        return placed;
    }

    static Group group(PlannedOp op) {
        if (op.kind().removal()) {
            return Group.REMOVALS;
        }
        return switch (op.kind()) {
            case CREATE_ROLE, CREATE_USER, CREATE_TEAM, CREATE_SERVICE_ACCOUNT, ADD_MEMBER -> Group.CREATES;
            case UPDATE_USER -> demotion(op) ? Group.DEMOTIONS : Group.UPDATES;
            default -> Group.UPDATES;
        };
    }

    /** Whether an update moves the user's org role down: from admin to anything else, or from member to viewer. */
    static boolean demotion(PlannedOp op) {
        String before = attributes(op.before()).get("org_role");
        String after = attributes(op.after()).get("org_role");
        if (before == null || after == null || before.equals(after)) {
            return false;
        }
        int was = ORG_ROLES.indexOf(before);
        int becomes = ORG_ROLES.indexOf(after);
        return was == 0 || was >= 0 && becomes > was;
    }

    /**
     * What changes, attribute by attribute, from the plan's before and after texts ({@code active; org_role=admin;
     * display_name=Ann}): only the attributes that differ. Texts that are not lists of attributes ({@code not a
     * member}) give one line, before and after whole.
     */
    static List<ReportPage.Diff> diffs(String before, String after) {
        Map<String, String> was = attributes(before);
        Map<String, String> becomes = attributes(after);
        if (was.size() <= 1 && becomes.size() <= 1 && was.keySet().equals(becomes.keySet())
                || was.isEmpty() || becomes.isEmpty()) {
            return whole(before, after);
        }
        List<ReportPage.Diff> diffs = new ArrayList<>();
        List<String> keys = new ArrayList<>(was.keySet());
        becomes.keySet().stream().filter(k -> !was.containsKey(k)).forEach(keys::add);
        for (String key : keys) {
            String from = was.getOrDefault(key, "");
            String to = becomes.getOrDefault(key, "");
            if (!from.equals(to)) {
                diffs.add(new ReportPage.Diff(key.isEmpty() ? "status" : key, from, to));
            }
        }
        return diffs.isEmpty() ? whole(before, after) : diffs;
    }

    private static List<ReportPage.Diff> whole(String before, String after) {
        return List.of(new ReportPage.Diff("", Objects.toString(before, ""), Objects.toString(after, "")));
    }

    /**
     * The attributes of a before or after text: {@code name=value} parts separated by {@code "; "}, a part without
     * {@code =} under the empty name. A display name or description, always the last part, keeps any {@code "; "} it
     * holds.
     */
    static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return attributes;
        }
        String rest = text;
        while (!rest.isEmpty()) {
            int eq = rest.indexOf('=');
            int sep = rest.indexOf("; ");
            String part;
            if (eq >= 0 && (sep < 0 || eq < sep)) {
                String name = rest.substring(0, eq);
                if (name.equals("display_name") || name.equals("description")) {
                    attributes.put(name, rest.substring(eq + 1));
                    return attributes;
                }
                part = sep < 0 ? rest : rest.substring(0, sep);
                attributes.put(name, part.substring(eq + 1));
            } else {
                part = sep < 0 ? rest : rest.substring(0, sep);
                attributes.merge("", part, (a, b) -> a + "; " + b);
            }
            rest = sep < 0 ? "" : rest.substring(sep + 2);
        }
        return attributes;
    }
}
