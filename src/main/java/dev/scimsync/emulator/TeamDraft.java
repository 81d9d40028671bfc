package dev.scimsync.emulator;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A team being created or changed (POST, PUT, PATCH /Groups), committed only when every step was valid.
 * Runs under the store's write lock.
 */
final class TeamDraft {

    private static final Pattern MEMBER_FILTER = Pattern.compile("^members\\[(.*)]$", Pattern.CASE_INSENSITIVE);

    private final EmulatorDialect dialect;
    private final Org org;
    private final Team original;
    private final Map<String, String> members;
    private String name;

    /** A draft of {@code original}, or of a new team when it is null. */
    TeamDraft(EmulatorDialect dialect, Org org, Team original) {
        this.dialect = dialect;
        this.org = org;
        this.original = original;
        this.members = original == null ? new LinkedHashMap<>() : new LinkedHashMap<>(original.members());
        this.name = original == null ? null : original.name();
    }

    /** POST and PUT: {@code displayName} and the full member list. */
    TeamDraft replaceAll(JsonNode body) {
        if (!dialect.isWandb()) {
            Json.requireKnown(body, java.util.Set.of("schemas", "id", "externalid", "displayname", "members", "meta"),
                    "Group");
        }
        rename(Json.field(body, "displayName"));
        replaceMembers(Json.field(body, "members"));
        return this;
    }

    void apply(PatchOp op) {
        String attribute = op.attribute();
        if (attribute == null) {
            if (op.op().equals("remove") || op.value() == null || !op.value().isObject()) {
                throw ScimException.badRequest("noTarget", "this operation needs a path");
            }
            for (Map.Entry<String, JsonNode> entry : op.value().properties()) {
                String key = Org.lower(entry.getKey());
                if (!key.equals("schemas")) {
                    set(op.op(), key, entry.getValue());
                }
            }
            return;
        }
        Matcher filtered = MEMBER_FILTER.matcher(op.path());
        if (op.op().equals("remove") && filtered.matches()) {
            removeMatching(filtered.group(1));
        } else if (op.op().equals("remove") && attribute.equals("members")) {
            removeMembers(op.value());
        } else if (op.op().equals("remove")) {
            throw ScimException.badRequest(attribute.equals("displayname") ? "mutability" : "invalidPath",
                    "'" + op.path() + "' cannot be removed");
        } else {
            set(op.op(), attribute, op.value());
        }
    }

    private void set(String op, String attribute, JsonNode value) {
        switch (attribute) {
            case "displayname" -> rename(value);
            case "members" -> {
                if (op.equals("add")) {
                    addMembers(value);
                } else {
                    replaceMembers(value);
                }
            }
            default -> throw ScimException.badRequest("invalidPath", "'" + attribute + "' cannot be patched");
        }
    }

    private void rename(JsonNode value) {
        String newName = Json.asText(value, "displayName");
        if (newName == null || newName.isBlank()) {
            throw ScimException.invalidValue("displayName is required");
        }
        name = newName.trim();
    }

    private void addMembers(JsonNode value) {
        for (JsonNode entry : Json.asArray(value)) {
            members.putIfAbsent(resolve(entry), BuiltinRoles.MEMBER);
        }
    }

    private void replaceMembers(JsonNode value) {
        Map<String, String> previous = new LinkedHashMap<>(members);
        members.clear();
        for (JsonNode entry : Json.asArray(value)) {
            String userId = resolve(entry);
            members.put(userId, previous.getOrDefault(userId, BuiltinRoles.MEMBER));
        }
    }

    /** W&amp;B: a bare {@code members} path removes everyone, whatever the value. scim2: the listed ones, if any. */
    private void removeMembers(JsonNode value) {
        if (dialect.isWandb() || value == null || value.isNull() || Json.asArray(value).isEmpty()) {
            members.clear();
            return;
        }
        for (JsonNode entry : Json.asArray(value)) {
            members.remove(resolveOrNull(Json.text(entry, "value")));
        }
    }

    private void removeMatching(String expression) {
        Filter filter = Filter.parse(expression);
        if (filter == null || !filter.attribute().equals("value")) {
            throw ScimException.badRequest("invalidPath", "only members[value eq \"<id>\"] is supported");
        }
        members.remove(resolveOrNull(filter.value()));
    }

    /** A member value: a user id, or an email (any case); 400 when it names nobody. */
    private String resolve(JsonNode entry) {
        String value = entry.isObject() ? Json.text(entry, "value") : Json.asText(entry, "member");
        String userId = resolveOrNull(value);
        if (userId == null) {
            throw ScimException.invalidValue("member " + value + " is not a user of this organisation");
        }
        return userId;
    }

    private String resolveOrNull(String value) {
        User user = org.findUser(value);
        if (user == null) {
            user = org.userByEmail(value);
        }
        return user == null ? null : user.id();
    }

    /** Checks the name, stores the team and gives every user whose teams changed a new version. */
    TeamView commit(Instant now) {
        if (name == null) {
            throw ScimException.invalidValue("displayName is required");
        }
        Team sameName = org.teamByName(name);
        if (sameName != null && (original == null || !sameName.id().equals(original.id()))) {
            throw ScimException.conflict("a team named " + name + " already exists");
        }
        if (original == null) {
            Team team = new Team(Org.newId(), name, members, now, now, 1);
            org.putTeam(team);
            members.keySet().forEach(userId -> org.touchUser(userId, now));
            return org.view(team);
        }
        boolean renamed = !name.equals(original.name());
        if (!renamed && members.equals(original.members())) {
            return org.view(original);
        }
        Set<String> touched = new HashSet<>(members.keySet());
        if (renamed) {
            touched.addAll(original.members().keySet());
        } else {
            touched.removeAll(original.members().keySet());
            original.members().keySet().stream().filter(id -> !members.containsKey(id)).forEach(touched::add);
        }
        Team team = new Team(original.id(), name, members, original.created(), now, original.version() + 1);
        org.putTeam(team);
        touched.forEach(userId -> org.touchUser(userId, now));
        return org.view(team);
    }
}
