package dev.scimsync.snapshot;

import dev.scimsync.state.StateSchema;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.Reader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's listing of the target, kept in {@code remote_snapshot}: {@link #SNAPSHOT}, taken before planning (the
 * listing verify takes after applying is used at once and not kept). A listing is stored as JSON lines (one user or
 * team a line) cut into parts of at most {@value #PART} characters: a few dozen rows for a large organisation,
 * instead of a row per user, membership and team role with indexes to maintain. The plan,
 * the report and {@code explain} read it back whole into a {@link RemoteOrg}; the latest listing of each pass is
 * kept in memory, so the steps of one run read it once.
 */
@Repository
public class SnapshotRepository {

    public static final String SNAPSHOT = "snapshot";

    static final int PART = 500_000;

    /**
     * A listing's parts in order, read in primary-key order: ORDER BY names the key's columns from {@code run_id}
     * on, or H2 sorts the parts (up to {@value #PART} characters each) before handing over the first.
     */
    static final String PARTS = "SELECT body FROM remote_snapshot WHERE run_id = ? AND pass = ?"
            + " ORDER BY run_id, pass, part";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Cached(String runId, RemoteOrg org) {
    }

    private final JdbcTemplate jdbc;
    private final Map<String, Cached> latest = new HashMap<>();

    public SnapshotRepository(JdbcTemplate jdbc, StateSchema schema) {
        this.jdbc = jdbc;
    }

    /** Replaces the run's listing of {@code pass}. */
    public synchronized void save(String runId, String pass, RemoteOrg org) {
        jdbc.update("DELETE FROM remote_snapshot WHERE run_id = ? AND pass = ?", runId, pass);
        StringWriter text = new StringWriter(64 + org.users().size() * 160);
        for (RemoteOrg.User u : org.users()) {
            text.write(JSON.writeValueAsString(new Object[] {"u", u.id(), u.userName(), u.email(), u.displayName(),
                    u.orgRole(), u.active(), u.teamRoles()}));
            text.write('\n');
        }
        for (RemoteOrg.Group g : org.groups()) {
            text.write(JSON.writeValueAsString(new Object[] {"g", g.id(), g.name(), g.memberIds()}));
            text.write('\n');
        }
        String all = text.toString();
        List<Object[]> parts = new ArrayList<>();
        int start = 0;
        while (start < all.length()) {
            int end = Math.min(all.length(), start + PART);
            if (end < all.length() && Character.isHighSurrogate(all.charAt(end - 1))) {
                end--; // never cut a character in two
            }
            parts.add(new Object[] {runId, pass, parts.size(), all.substring(start, end)});
            start = end;
        }
        jdbc.batchUpdate("INSERT INTO remote_snapshot (run_id, pass, part, body) VALUES (?, ?, ?, ?)", parts);
        latest.put(pass, new Cached(runId, org));
    }

    /** The run's listing of {@code pass}; empty when the run has none. */
    public synchronized RemoteOrg load(String runId, String pass) {
        Cached cached = latest.get(pass);
        if (cached != null && cached.runId().equals(runId)) {
            return cached.org();
        }
        List<String> parts = jdbc.queryForList(PARTS, String.class, runId, pass);
        RemoteOrg org = parse(parts);
        latest.put(pass, new Cached(runId, org));
        return org;
    }

    /** Whether the run has a listing of {@code pass}. */
    public boolean exists(String runId, String pass) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM remote_snapshot WHERE run_id = ? AND pass = ? AND part = 0",
                Long.class, runId, pass);
        return n != null && n > 0;
    }

    private static RemoteOrg parse(List<String> parts) {
        RemoteOrg.Builder org = RemoteOrg.builder();
        if (parts.isEmpty()) {
            return org.build();
        }
        try (BufferedReader lines = new BufferedReader(new PartsReader(parts), 1 << 16)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isEmpty()) {
                    read(line, org);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return org.build();
    }

    private static void read(String line, RemoteOrg.Builder org) {
        try (JsonParser p = JSON.createParser(line)) {
            expect(p.nextToken(), JsonToken.START_ARRAY);
            String type = p.nextStringValue();
            if ("u".equals(type)) {
                String id = p.nextStringValue();
                String userName = p.nextStringValue();
                String email = p.nextStringValue();
                String displayName = p.nextStringValue();
                String orgRole = p.nextStringValue();
                boolean active = p.nextToken() == JsonToken.VALUE_TRUE;
                expect(p.nextToken(), JsonToken.START_OBJECT);
                Map<String, String> teamRoles = new HashMap<>();
                String team;
                while ((team = p.nextName()) != null) {
                    teamRoles.put(team, p.nextStringValue());
                }
                org.user(RemoteOrg.User.of(id, userName, email, displayName, orgRole, active, teamRoles));
            } else if ("g".equals(type)) {
                String id = p.nextStringValue();
                String name = p.nextStringValue();
                expect(p.nextToken(), JsonToken.START_ARRAY);
                List<String> members = new ArrayList<>();
                String member;
                while ((member = p.nextStringValue()) != null) {
                    members.add(member);
                }
                org.group(id, name, members);
            } else {
                throw new IllegalStateException("remote_snapshot: unknown line type " + type);
            }
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalStateException("remote_snapshot: expected " + expected + ", found " + actual);
        }
    }

    /** The parts, read one after another as one text. */
    private static final class PartsReader extends Reader {
        private final List<String> parts;
        private int part;
        private int at;

        PartsReader(List<String> parts) {
            this.parts = parts;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            while (part < parts.size() && at >= parts.get(part).length()) {
                part++;
                at = 0;
            }
            if (part >= parts.size()) {
                return -1;
            }
            String s = parts.get(part);
            int n = Math.min(length, s.length() - at);
            s.getChars(at, at + n, buffer, offset);
            at += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
