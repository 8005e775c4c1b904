package dev.agentbroker.broker.enforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.agentbroker.broker.audit.AuditEvent;
import dev.agentbroker.broker.token.VerifiedToken;
import dev.agentbroker.llm.usage.InMemoryBudgetLedger;
import dev.agentbroker.mcp.gateway.McpEvent;
import dev.agentbroker.mcp.gateway.McpEventSink;
import dev.agentbroker.mcp.gateway.McpGate;
import dev.agentbroker.mcp.gateway.McpGateway;
import dev.agentbroker.mcp.gateway.PinEvent;
import dev.agentbroker.mcp.gateway.ToolPins;
import dev.agentbroker.mcp.gateway.TrustMode;
import dev.agentbroker.mcp.sandbox.FileSystemServer;
import dev.agentbroker.mcp.sandbox.NotesServer;
import dev.agentbroker.mcp.upstream.CallContext;
import dev.agentbroker.mcp.upstream.UpstreamServer;

/**
 * The Cedar MCP gate with the quickstart's example policies in front of the real federation
 * gateway and the real in-process sandbox servers (fs, notes): what is forwarded, what is
 * refused, what {@code tools/list} shows, and what the audit records.
 */
class McpEnforcementTest {
    @TempDir
    Path tmp;
    private final AuditTrail audit = new AuditTrail();
    private PolicyFeature policy;
    private McpGateway gateway;
    private Path sandbox;

    @BeforeEach
    void start() throws Exception {
        policy = PolicyFeature.start(Quickstart.config(Quickstart.POLICIES, false, tmp.resolve("data")),
                new SimpleMeterRegistry(), audit, new InMemoryBudgetLedger());
        Quickstart.registerAgents(policy.entities());
        sandbox = Files.createDirectories(tmp.resolve("sandbox-root"));
        gateway = gateway(policy.mcpGate());
        policy.mcpEntities().servers(gateway.servers());
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.close();
        policy.close();
    }

    private McpGateway gateway(McpGate gate) {
        UpstreamServer.Timeouts timeouts = new UpstreamServer.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
        FileSystemServer fs = new FileSystemServer(sandbox);
        NotesServer notes = new NotesServer();
        McpGateway g = new McpGateway(List.of(
                new McpGateway.UpstreamSpec(UpstreamServer.inProcess("fs", fs::accept, timeouts), TrustMode.TOFU),
                new McpGateway.UpstreamSpec(UpstreamServer.inProcess("notes", notes::accept, timeouts),
                        TrustMode.TOFU)),
                ToolPins.open(tmp.resolve("pins.json")), gate, new McpEventSink() {
                    @Override
                    public void operation(Object caller, McpEvent event) {
                    }

                    @Override
                    public void pin(PinEvent event) {
                    }
                });
        return g;
    }

    private JsonObject call(VerifiedToken token, String tool, JsonObject arguments) {
        JsonObject params = Json.createObjectBuilder().add("name", tool).add("arguments", arguments).build();
        return gateway.handle(token, null, "tools/call", params, CallContext.NONE, c -> { });
    }

    private Set<String> listedTools(Object caller) {
        JsonObject result = gateway.handle(caller, null, "tools/list", JsonValue.EMPTY_JSON_OBJECT, CallContext.NONE,
                c -> { });
        Set<String> names = new TreeSet<>();
        result.getJsonArray("tools").forEach(t -> names.add(t.asJsonObject().getString("name")));
        return names;
    }

    private static JsonObject write(String path) {
        return Json.createObjectBuilder().add("path", path).add("content", "hello").build();
    }

    private static VerifiedToken research(String... scopes) {
        return Quickstart.token("alice", "research", Quickstart.chain(1), scopes);
    }

    @Test
    void writeThatEscapesTheSandboxIsDeniedNotForwardedAndAudited() {
        JsonObject result = call(research("mcp:fs"), "fs__write_file", write("/sandbox/../etc/passwd"));

        assertEquals(JsonValue.TRUE, result.get("isError"));
        String text = result.getJsonArray("content").getJsonObject(0).getString("text");
        assertEquals("call_tool on fs__write_file denied: not permitted by policy", text);
        AuditEvent intent = audit.last(DecisionAudit.TYPE);
        assertEquals("deny", intent.decision());
        assertEquals("Tool::\"fs/write_file\"", intent.resource());
        assertEquals(List.of("fs-paths-inside-sandbox", "fs-write-inside-sandbox"), intent.policyIds());
        assertEquals(policy.runtime().engine().current().version(), intent.policyVersion());
        assertEquals("alice", intent.user());
        assertFalse(Files.exists(sandbox.resolveSibling("etc")), "nothing may be written outside the sandbox");
    }

    @Test
    void writeInsideTheSandboxIsAllowedAndReachesTheServer() throws Exception {
        JsonObject result = call(research("mcp:fs"), "fs__write_file", write("/sandbox/a.txt"));

        assertFalse(result.containsKey("isError") && result.getBoolean("isError"), result.toString());
        assertEquals("hello", Files.readString(sandbox.resolve("a.txt")));
        AuditEvent intent = audit.last(DecisionAudit.TYPE);
        assertEquals("allow", intent.decision());
        assertEquals(List.of("default-call-tool-by-scope"), intent.policyIds());
        assertTrue(intent.attributes().containsKey("argument_digest"));
    }

    @Test
    void toolsListOmitsToolsTheCallerCanNeverCall() {
        VerifiedToken summarizer = Quickstart.token("alice", "research", List.of("summarizer-agent"), "mcp:fs");
        assertEquals(Set.of("fs__list_directory", "fs__read_file"), listedTools(summarizer),
                "the summarizer may only ever call read-only tools");

        assertEquals(Set.of("fs__read_file"), listedTools(research("mcp:fs/read_file")),
                "a token scoped to one tool lists only that tool");

        assertEquals(Set.of("fs__delete_file", "fs__list_directory", "fs__read_file", "fs__write_file"),
                listedTools(research("mcp:fs")), "delete_file stays listed: it is permitted with an approval");
    }

    @Test
    void aServerForOneGroupIsHiddenFromEveryoneElse() {
        VerifiedToken researcher = research("mcp:*");
        VerifiedToken financier = Quickstart.token("bob", "finance", Quickstart.chain(1), "mcp:*");

        assertTrue(listedTools(researcher).containsAll(Set.of("notes__put_note", "notes__get_note", "notes__list_notes")));
        assertTrue(listedTools(financier).stream().noneMatch(n -> n.startsWith("notes__")), listedTools(financier).toString());
        JsonObject refused = call(financier, "notes__put_note", Json.createObjectBuilder().add("key", "k")
                .add("text", "t").build());
        assertEquals(JsonValue.TRUE, refused.get("isError"));
    }

    @Test
    void aToolsListFeedsTheEntityStoreAndALaterListReplacesIt() {
        JsonObject put = Json.createObjectBuilder().add("name", "put_note")
                .add("annotations", Json.createObjectBuilder().add("destructiveHint", false)).build();
        JsonObject get = Json.createObjectBuilder().add("name", "get_note").build();
        policy.mcpEntities().listed("notes", List.of(put, get));
        assertTrue(policy.entities().current().hasTool("notes", "put_note"));
        assertTrue(policy.entities().current().hasTool("notes", "get_note"));

        policy.mcpEntities().listed("notes", List.of(put));
        assertFalse(policy.entities().current().hasTool("notes", "get_note"), "a tool no longer listed is gone");
    }

    @Test
    void callerThatIsNotAVerifiedTokenIsDeniedEverything() {
        McpGate gate = policy.mcpGate();
        McpGate.Operation op = new McpGate.Operation(McpGate.Action.CALL_TOOL, "fs", "read_file",
                Json.createObjectBuilder().add("path", "/sandbox/a.txt").build(), null, false);
        assertFalse(gate.check("alice", op).allowed());
        assertFalse(gate.check(null, op).allowed());
        assertEquals(Set.of(), listedTools("alice"));
    }

    @Test
    void unregisteredServerIsDenied() {
        McpGate.Operation op = new McpGate.Operation(McpGate.Action.CALL_TOOL, "elsewhere", "read_file",
                JsonValue.EMPTY_JSON_OBJECT, null, false);
        McpGate.Decision d = policy.mcpGate().check(research("mcp:*"), op);
        assertFalse(d.allowed());
        assertEquals("unknown MCP server \"elsewhere\"", d.reason());
    }

    @Test
    void anAuditLogThatCannotWriteDeniesTheCall() throws Exception {
        audit.refusing = true;
        JsonObject result = call(research("mcp:fs"), "fs__write_file", write("/sandbox/b.txt"));

        assertEquals(JsonValue.TRUE, result.get("isError"));
        assertFalse(Files.exists(sandbox.resolve("b.txt")));
    }

    @Test
    void upstreamRequestsAreRelayedOnlyForKnownMethodsOfAServerTheCallerMayUse() {
        McpGate gate = policy.mcpGate();
        assertTrue(gate.check(research("mcp:fs"), relay("fs", "sampling/createMessage")).allowed());
        assertFalse(gate.check(research("mcp:fs"), relay("fs", "tools/call")).allowed());
        VerifiedToken financier = Quickstart.token("bob", "finance", Quickstart.chain(1), "mcp:*");
        assertFalse(gate.check(financier, relay("notes", "elicitation/create")).allowed());
        AuditEvent intent = audit.last(DecisionAudit.TYPE);
        assertEquals("elicitation/create", intent.attributes().get("relayMethod"));
        assertEquals(List.of("notes-research-only"), intent.policyIds());
    }

    private static McpGate.Operation relay(String server, String method) {
        return new McpGate.Operation(McpGate.Action.RELAY_REQUEST, server, method, null, null, false);
    }
}
