package dev.nebula.sim.auth;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The user table. Nebula seeds admin/admin123; the simulator adds one demo account per other role. */
public final class Users {
    public static final List<User> DEFAULTS = List.of(
            User.of("admin", "admin123", "admin", "Administrator", null, true), // as upstream seeds it (bff/auth.rs)
            User.of("operator", "operator123", "operator", "Demo operator", null, true),
            User.of("viewer", "viewer123", "viewer", "Demo viewer", null, true));

    private final Map<String, User> byName = new ConcurrentHashMap<>();

    public void replaceAll(Collection<User> users) {
        byName.clear();
        DEFAULTS.forEach(u -> byName.put(u.username(), u));
        users.forEach(u -> byName.put(u.username(), u));
    }

    /** Adds or replaces one user (tests: any role string, an inactive account). */
    public void put(User user) {
        byName.put(user.username(), user);
    }

    public User find(String username) {
        return byName.get(username);
    }

    public List<User> list() {
        return byName.values().stream().sorted((a, b) -> a.username().compareTo(b.username())).toList();
    }
}
