package dev.agentbroker.broker.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MCP Inspector CLI ({@code @modelcontextprotocol/inspector --cli}, from npm) lists and
 * calls tools through the broker with a bearer token, as its users run it.
 */
class InspectorCliTest {
    @TempDir
    static Path dataDir;
    static McpHarness broker;
    static Path inspector;

    @BeforeAll
    static void start() throws Exception {
        inspector = NodeUpstreams.inspector();
        broker = new McpHarness("""
                mcp:
                  servers:
                    fs:
                      sandbox: fs
                """, dataDir, Map.of());
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private static String inspect(String token, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(NodeUpstreams.node(), inspector.toString(), "--cli",
                broker.base() + "/mcp"));
        command.addAll(List.of(args));
        command.addAll(List.of("--header", "Authorization: Bearer " + token));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .directory(dataDir.toFile()).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "inspector timed out");
        return "exit " + p.exitValue() + "\n" + new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void listsAndCallsToolsWithATaskToken() throws Exception {
        String token = broker.token("mcp:fs");
        String tools = inspect(token, "--method", "tools/list");
        assertTrue(tools.startsWith("exit 0\n"), tools);
        assertTrue(tools.contains("\"fs__write_file\"") && tools.contains("\"fs__read_file\""), tools);
        String wrote = inspect(token, "--method", "tools/call", "--tool-name", "fs__write_file",
                "--tool-arg", "path=/sandbox/inspector.txt", "content=hello from the inspector");
        assertTrue(wrote.contains("wrote"), wrote);
        String read = inspect(token, "--method", "tools/call", "--tool-name", "fs__read_file",
                "--tool-arg", "path=/sandbox/inspector.txt");
        assertTrue(read.startsWith("exit 0\n") && read.contains("hello from the inspector"), read);
    }

    @Test
    void aToolErrorIsShownAsAnErrorResult() throws Exception {
        String refused = inspect(broker.token("mcp:fs/read_file"), "--method", "tools/call", "--tool-name", "fs__read_file",
                "--tool-arg", "path=/etc/passwd");
        assertTrue(refused.contains("\"isError\": true") && refused.contains("paths must start with /sandbox/"), refused);
        assertEquals("exit 5", refused.lines().findFirst().orElseThrow(), "the Inspector CLI exits 5 on an isError result");
    }
}
