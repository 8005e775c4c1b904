package dev.agentbroker.broker.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentbroker.broker.cli.Cli;

/**
 * {@code bin/broker tools pending|approve} against the pin file of a running broker: the
 * approval made on the command line is picked up at the next listing and audited.
 */
class ToolsCliTest {
    @TempDir
    Path dataDir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());

    @Test
    void pendingListsQuarantinedToolsAndApproveRestoresThem() throws Exception {
        try (McpHarness broker = new McpHarness("""
                mcp:
                  servers:
                    notes:
                      trust: require-approval
                      sandbox: notes
                """, dataDir, Map.of())) {
            McpTestClient client = broker.client("/mcp", broker.token("mcp:notes"));
            client.initialize();
            assertEquals(List.of(), McpTestClient.names(client.request("tools/list", JsonValue.EMPTY_JSON_OBJECT), "tools", "name"));

            assertEquals(0, cli.run("tools", "pending", "--data-dir", dataDir.toString()));
            String listing = out.toString(StandardCharsets.UTF_8);
            assertTrue(listing.contains("notes/put_note  new-requires-approval"), listing);
            assertTrue(listing.contains("notes/list_notes"), listing);

            assertEquals(0, cli.run("tools", "approve", "notes", "put_note", "--data-dir", dataDir.toString()));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("approved notes/put_note"));
            assertEquals(1, cli.run("tools", "approve", "notes", "put_note", "--data-dir", dataDir.toString()));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("nothing of notes/put_note is waiting"));

            List<String> after = McpTestClient.names(client.request("tools/list", JsonValue.EMPTY_JSON_OBJECT), "tools", "name");
            assertEquals(List.of("notes__put_note"), after, "get_note and list_notes still wait");
            assertFalse(broker.audit.ofType("tool.approved").isEmpty(), "the broker audits the approval it picked up");
        }
    }

    @Test
    void wrongUsageIsExplained() {
        assertEquals(2, cli.run("tools"));
        assertEquals(2, cli.run("tools", "approve", "--data-dir", dataDir.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("approve needs SERVER"));
    }
}
