package dev.agentbroker.broker.token.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import dev.agentbroker.broker.token.TaskClaims;
import dev.agentbroker.broker.token.VerifiedToken;

/** RFC 7662 introspection bodies: the nested RFC 8693 {@code act} chain and the task claims. */
class OAuthJsonTest {
    @Test
    void introspectionNestsActWithTheCurrentActorOutermost() {
        VerifiedToken t = new VerifiedToken("jti-3", "alice", List.of("research"), "deep-agent",
                List.of("research-agent", "helper-agent", "deep-agent"), "task-1", "0af7651916cd43dd8448eb211c80319c",
                Set.of("mcp:fs"), List.of("http://127.0.0.1:8080/mcp"), Instant.ofEpochSecond(1000),
                Instant.ofEpochSecond(1300), "jti-2");
        JsonObject json = OAuthJson.introspection(new TaskClaims(t, List.of("jti-1", "jti-2")), "http://127.0.0.1:8080");
        assertEquals("deep-agent", json.getJsonObject("act").getString("sub"));
        assertEquals("helper-agent", json.getJsonObject("act").getJsonObject("act").getString("sub"));
        assertEquals("research-agent", json.getJsonObject("act").getJsonObject("act").getJsonObject("act").getString("sub"));
        assertFalse(json.getJsonObject("act").getJsonObject("act").getJsonObject("act").containsKey("act"));
        assertEquals("task-1", json.getString("task_id"));
        assertEquals(1300, json.getInt("exp"));
        assertEquals("jti-2", json.getString("parent_jti"));
        assertEquals("{\"active\":false}", OAuthJson.inactive().toString());
    }
}
