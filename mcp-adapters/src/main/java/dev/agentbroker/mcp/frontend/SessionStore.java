package dev.agentbroker.mcp.frontend;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.json.JsonObject;

/**
 * Live sessions in this broker instance. Ids carry 256 random bits; a session is found only
 * with the id and the same owner (token subject and client) and view that created it, and
 * ends after an idle timeout (clients such as LangChain never DELETE). The embedded default;
 * a shared store would sit behind the same methods. Thread-safe.
 */
final class SessionStore {
    private final SecureRandom random = new SecureRandom();
    private final Map<String, McpSession> sessions = new ConcurrentHashMap<>();
    private final Duration idleTimeout;
    private final int maxSessions;

    SessionStore(Duration idleTimeout, int maxSessions) {
        this.idleTimeout = idleTimeout;
        this.maxSessions = maxSessions;
    }

    /** Creates a session, or returns null when the store is full even after expiring idle ones. */
    McpSession create(String owner, String view, String version, JsonObject capabilities, Object caller) {
        if (sessions.size() >= maxSessions) {
            expire();
            if (sessions.size() >= maxSessions) {
                return null;
            }
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        McpSession session = new McpSession(id, owner, view, version, capabilities, caller);
        sessions.put(id, session);
        return session;
    }

    /** The live session with this id, owner and view, or null. */
    McpSession find(String id, String owner, String view) {
        if (id == null) {
            return null;
        }
        McpSession session = sessions.get(id);
        if (session == null || !session.owner.equals(owner) || !java.util.Objects.equals(session.view, view)) {
            return null;
        }
        if (idle(session)) {
            remove(session);
            return null;
        }
        return session;
    }

    void remove(McpSession session) {
        if (sessions.remove(session.id, session)) {
            session.close();
        }
    }

    Iterable<McpSession> all() {
        return sessions.values();
    }

    /** Ends every idle session. */
    void expire() {
        for (McpSession session : sessions.values()) {
            if (idle(session) && session.streams.isEmpty()) {
                remove(session);
            }
        }
    }

    int size() {
        return sessions.size();
    }

    private boolean idle(McpSession session) {
        return System.nanoTime() - session.lastSeenNanos > idleTimeout.toNanos();
    }
}
