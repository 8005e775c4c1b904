package dev.agentbroker.broker.token;

import java.time.Duration;
import java.util.List;

import dev.agentbroker.broker.config.ConfigNode;

/**
 * The {@code dev-idp} section: an embedded identity provider for development that issues
 * user tokens for configured demo users without a password. Off unless enabled; only for
 * a broker on loopback. Immutable.
 *
 * @param enabled  whether the development IdP is trusted and served
 * @param lifetime how long its user tokens live
 * @param users    the demo users
 */
public record DevIdpConfig(boolean enabled, Duration lifetime, List<User> users) {
    public static final DevIdpConfig DISABLED = new DevIdpConfig(false, Duration.ofMinutes(15), List.of());

    public DevIdpConfig {
        users = List.copyOf(users);
    }

    /** A demo user: name, groups and the scopes a task for them may ever have. */
    public record User(String name, List<String> groups, ScopeSet scopes) {
        public User {
            groups = List.copyOf(groups);
        }

        static User read(ConfigNode node) {
            return new User(node.string("name"), node.strings("groups"), AgentConfig.scopes(node, "scopes"));
        }
    }

    static DevIdpConfig read(ConfigNode node) {
        boolean enabled = node.bool("enabled", false);
        Duration lifetime = node.duration("lifetime", DISABLED.lifetime(), Duration.ofMinutes(1), Duration.ofHours(12));
        List<User> users = node.list("users", User::read);
        return new DevIdpConfig(enabled, lifetime, users);
    }

    public java.util.Optional<User> user(String name) {
        return users.stream().filter(u -> u.name().equals(name)).findFirst();
    }
}
