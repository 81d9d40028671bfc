package dev.scimsync.emulator;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Serialised users, reused while a user's record is the same instance. Sound because every change that shows
 * in a user's representation (its attributes, teams, team roles, a team or custom role rename) stores a new
 * {@link User} record; list pages then cost a copy instead of a render (the emulator's hottest path).
 */
final class UserJsonCache {

    private final Renderer renderer;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    UserJsonCache(Renderer renderer) {
        this.renderer = renderer;
    }

    byte[] json(UserView view) {
        User user = view.user();
        Entry entry = entries.get(user.id());
        if (entry != null && entry.user() == user) {
            return entry.json();
        }
        byte[] json = Json.bytes(renderer.user(view));
        entries.put(user.id(), new Entry(user, json));
        return json;
    }

    /** Forgets a user that left the organisation. */
    void evict(String userId) {
        entries.remove(userId);
    }

    private record Entry(User user, byte[] json) {
    }
}
