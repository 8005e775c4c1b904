package dev.agentbroker.broker.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.json.JsonObject;

import dev.agentbroker.broker.audit.AuditConfig;
import dev.agentbroker.broker.audit.AuditFeature;
import dev.agentbroker.broker.cli.Cli;

/** Issue 7 acceptance 1 (the tree part): a multi-hop task written to a real log, drawn by {@code bin/broker trace}. */
class TraceTreeTest {
    @TempDir
    Path dataDir;

    @Test
    void theTraceCommandDrawsUserAgentsCallsDecisionsAndLinks() {
        try (AuditFeature audit = AuditFeature.start(AuditConfig.defaults(), dataDir)) {
            MultiHopTask.record(audit.sink());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of())
                .run("trace", MultiHopTask.TASK, "--data-dir", dataDir.toString());
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, text);
        List<String> lines = text.lines().toList();
        assertEquals("task task-42 (trace " + MultiHopTask.TRACE + ", 6 records)", lines.get(0));
        assertEquals("user alice", lines.get(1));
        assertEquals("└─ agent agent-a", lines.get(2));
        assertTrue(lines.get(3).startsWith("   ├─ #1 token.issued"), text);
        assertTrue(lines.get(4).startsWith("   ├─ #2 model.call  invoke_model  Model::\"sandbox\"  -> allow by [permit-models]"), text);
        assertTrue(lines.get(4).endsWith("asked for: fs__write_file [call_1]"), text);
        assertTrue(lines.get(5).startsWith("   ├─ #4 tool.call  call_tool  Tool::\"fs__write_file\"  -> allow by [permit-sandbox-write]"), text);
        assertTrue(lines.get(5).endsWith("<- asked by model call #2 [call_1]"), text);
        assertEquals("   └─ agent agent-b", lines.get(6));
        assertTrue(lines.get(7).startsWith("      ├─ #5 token.exchanged"), text);
        assertTrue(lines.get(8).startsWith("      ├─ #6 model.call"), text);
        assertTrue(lines.get(9).startsWith("      └─ #7 tool.call  call_tool  Tool::\"fs__read_file\"  -> DENY by"
                + " [forbid-outside-sandbox] (policies v7)  denied"), text);
        assertTrue(lines.get(9).contains("<- asked by model call #6 [call_9]"), text);
        assertEquals(10, lines.size(), text);
    }

    @Test
    void theJsonTreeNestsSubAgentsAndLinksToolCalls() throws Exception {
        Path dir;
        try (AuditFeature audit = AuditFeature.start(AuditConfig.defaults(), dataDir)) {
            MultiHopTask.record(audit.sink());
            dir = audit.directory();
        }
        JsonObject doc = TraceTree.load(dir, MultiHopTask.TASK).toJson();
        JsonObject agentA = doc.getJsonObject("tree").getJsonArray("children").getJsonObject(0);
        assertEquals("agent-a", agentA.getString("name"));
        JsonObject toolCall = agentA.getJsonArray("children").getJsonObject(2);
        assertEquals(2, toolCall.getJsonObject("linked_model_call").getInt("seq"));
        JsonObject agentB = agentA.getJsonArray("children").getJsonObject(3);
        assertEquals("agent-b", agentB.getString("name"));
        JsonObject denied = agentB.getJsonArray("children").getJsonObject(2);
        assertEquals("deny", denied.getString("decision"));
        assertEquals("forbid-outside-sandbox", denied.getJsonArray("policy_ids").getString(0));
        assertEquals(6, denied.getJsonObject("linked_model_call").getInt("seq"));
    }

    @Test
    void anEventNestsUnderItsParentSpanAndAToolCallIdWinsOverContent() {
        List<JsonObject> records = List.of(
                record(1, "model.call", "aaaaaaaaaaaaaaaa", null, "\"tool_calls\":\"[{\\\"id\\\":\\\"call_7\\\",\\\"name\\\":\\\"x\\\",\\\"argument_digest\\\":\\\"sha256:00\\\"}]\""),
                record(2, "model.call", "bbbbbbbbbbbbbbbb", null, "\"tool_calls\":[{\"id\":\"call_8\",\"name\":\"x\",\"argument_digest\":\"sha256:00\"}]"),
                record(3, "tool.call", "cccccccccccccccc", "aaaaaaaaaaaaaaaa", "\"tool\":\"x\",\"argument_digest\":\"00\",\"tool_call_id\":\"call_7\""),
                record(4, "tool.call", "dddddddddddddddd", null, "\"tool\":\"x\",\"argument_digest\":\"00\""));
        TraceTree tree = TraceTree.of("t", records);
        TraceTree.Node agent = tree.root().children.get(0);
        assertEquals(List.of(1L, 2L, 4L), agent.children.stream().map(n -> n.record.getJsonNumber("seq").longValue()).toList());
        TraceTree.Node nested = agent.children.get(0).children.get(0);
        assertEquals(3, nested.record.getInt("seq"), "under the span it names as parent");
        assertEquals(new ToolCallLink(1, "call_7"), nested.link, "by id, though call 2 is later and matches by content");
        assertEquals(new ToolCallLink(2, "call_8"), agent.children.get(2).link, "by name and digest: the latest");
    }

    private static JsonObject record(int seq, String type, String span, String parent, String attributes) {
        String json = "{\"seq\":" + seq + ",\"type\":\"" + type + "\",\"task\":\"t\",\"span\":\"" + span + "\","
                + (parent == null ? "" : "\"parent_span\":\"" + parent + "\",") + "\"user\":\"u\",\"actors\":[\"a\"],"
                + "\"attributes\":{" + attributes + "}}";
        return jakarta.json.Json.createReader(new java.io.StringReader(json)).readObject();
    }

    @Test
    void anUnknownTaskIsAnError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Cli(System.out, new PrintStream(err, true, StandardCharsets.UTF_8), Map.of())
                .run("trace", "nope", "--data-dir", dataDir.toString());
        assertEquals(1, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no audit records for task nope"));
    }
}
