package dev.agentbroker.mcp.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

class SessionStoreTest {
    private final SessionStore store = new SessionStore(Duration.ofMinutes(5), 100);

    private McpSession create(String owner, String view) {
        return store.create(owner, view, "2025-11-25", JsonValue.EMPTY_JSON_OBJECT, owner);
    }

    @Test
    void idsAreRandomWithAtLeast128Bits() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String id = create("alice", null).id;
            assertTrue(Base64.getUrlDecoder().decode(id).length * 8 >= 128, id);
            ids.add(id);
        }
        assertEquals(50, ids.size());
    }

    @Test
    void aSessionIsFoundOnlyByItsOwnerAndView() {
        McpSession session = create("alice|agent-1", "fs");
        assertSame(session, store.find(session.id, "alice|agent-1", "fs"));
        assertNull(store.find(session.id, "mallory|agent-1", "fs"), "another subject cannot use the id");
        assertNull(store.find(session.id, "alice|agent-1", null), "nor can another view");
        assertNull(store.find("no-such-id", "alice|agent-1", "fs"));
        assertNull(store.find(null, "alice|agent-1", "fs"));
    }

    @Test
    void idleSessionsExpire() throws InterruptedException {
        SessionStore quick = new SessionStore(Duration.ofMillis(50), 100);
        McpSession session = quick.create("alice", null, "2025-11-25", JsonValue.EMPTY_JSON_OBJECT, "alice");
        assertNotNull(quick.find(session.id, "alice", null));
        Thread.sleep(120);
        assertNull(quick.find(session.id, "alice", null));
        assertEquals(0, quick.size());
    }

    @Test
    void aFullStoreRefusesNewSessionsUntilIdleOnesExpire() throws InterruptedException {
        SessionStore small = new SessionStore(Duration.ofMillis(50), 2);
        small.create("a", null, "v", JsonValue.EMPTY_JSON_OBJECT, "a");
        small.create("b", null, "v", JsonValue.EMPTY_JSON_OBJECT, "b");
        assertNull(small.create("c", null, "v", JsonValue.EMPTY_JSON_OBJECT, "c"));
        Thread.sleep(120);
        assertNotNull(small.create("c", null, "v", JsonValue.EMPTY_JSON_OBJECT, "c"));
    }
}
