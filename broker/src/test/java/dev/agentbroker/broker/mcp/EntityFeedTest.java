package dev.agentbroker.broker.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentbroker.broker.config.ConfigLoader;
import dev.agentbroker.broker.policy.EntityCatalog;
import dev.agentbroker.broker.policy.EntityStore;
import dev.agentbroker.broker.policy.ToolGroups;
import dev.agentbroker.mcp.upstream.CallContext;

/** The tools an upstream lists reach the policy entity store, with their tool groups. */
class EntityFeedTest {
    @TempDir
    Path dataDir;

    @Test
    void listedToolsBecomePolicyEntities() {
        McpConfig config = new ConfigLoader().parse("test", """
                server:
                  port: 0
                mcp:
                  servers:
                    fs:
                      sandbox: fs
                    notes:
                      sandbox: notes
                """).mcp();
        EntityStore entities = new EntityStore(EntityCatalog.EMPTY);
        ToolGroups groups = new ToolGroups(Map.of("fs-read", List.of("fs/read_file", "fs/list_directory")));
        McpFeature feature = McpFeature.create(config, dataDir, new McpTokens(), new ScopeGate(), new AuditRecorder(),
                entities, groups, () -> URI.create("http://127.0.0.1:1"), Map.of(),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        try {
            feature.start();
            assertEquals(2, entities.current().sizes().get("servers"));
            McpTokens tokens = new McpTokens();
            Object caller = tokens.verify(tokens.issue("alice", "x", "mcp:*"), "x");
            var listed = feature.gateway().handle(caller, "fs", "tools/list", JsonValue.EMPTY_JSON_OBJECT, CallContext.NONE, c -> { });
            assertEquals(4, listed.getJsonArray("tools").size());
            assertEquals(4, entities.current().sizes().get("tools"));
            assertEquals(Map.of("fs/read_file", java.util.Set.of("fs-read")).get("fs/read_file"),
                    McpFeature.descriptors("fs", Map.of("read_file", JsonValue.EMPTY_JSON_OBJECT), groups).get(0).groups());
        } finally {
            feature.close();
        }
    }
}
