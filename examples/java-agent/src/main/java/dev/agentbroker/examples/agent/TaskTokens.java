package dev.agentbroker.examples.agent;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * Reads the claims of a task token the broker issued. An agent never needs to verify its
 * own token (the broker does, on every call); it reads {@code task_id} to name its task.
 */
final class TaskTokens {
    private TaskTokens() {
    }

    /** The token's JWT claims set (RFC 7519 section 7.2, the payload segment). */
    static JsonObject claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new AgentException("the broker answered something that is not a JWT");
        }
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(payload)).readObject();
    }

    static String taskId(String jwt) {
        return claims(jwt).getString("task_id");
    }
}
