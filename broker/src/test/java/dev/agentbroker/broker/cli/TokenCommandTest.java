package dev.agentbroker.broker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentbroker.broker.Broker;
import dev.agentbroker.broker.config.BrokerConfig;
import dev.agentbroker.broker.config.ConfigLoader;
import dev.agentbroker.broker.token.VerifiedToken;

/**
 * {@code bin/broker token} as a client of a running broker (the embedded quickstart on a
 * loopback port): the token it prints works at {@code /v1/models}; no broker, a disabled
 * development IdP and refusals are one clear line on stderr with exit 1.
 */
class TokenCommandTest {
    @TempDir
    Path dataDir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return new Cli(new PrintStream(out, true), new PrintStream(err, true), Map.of()).run(args);
    }

    static Broker quickstart(Path dataDir, boolean devIdp) {
        BrokerConfig config = new ConfigLoader().loadEmbedded();
        if (!devIdp) {
            String yaml = new String(readEmbedded()).replace("dev-idp:\n  enabled: true", "dev-idp:\n  enabled: false");
            config = new ConfigLoader().parse("test", yaml);
        }
        return Broker.start(config.withPort(0).withDataDir(dataDir));
    }

    private static byte[] readEmbedded() {
        try {
            return Files.readAllBytes(Path.of("..", "examples", "quickstart", "broker.yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void printsATaskTokenOfTheRunningBroker() throws Exception {
        Broker broker = quickstart(dataDir, true);
        try {
            int port = broker.server().port();
            assertEquals(0, run("token", "--user", "alice", "--agent", "research-agent", "--scope", "mcp:fs model:sandbox",
                    "--port", Integer.toString(port)), err.toString());
            String token = out.toString().trim();
            assertTrue(token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), "stdout is only a JWT: " + token);
            URI base = broker.server().baseUrl();
            HttpResponse<String> models = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/v1/models"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, models.statusCode(), models.body());
            VerifiedToken verified = broker.tokens().verifier().verify(token, base + "/v1");
            assertEquals("alice", verified.subject());
            assertEquals(List.of("research-agent"), verified.actorChain());
            assertEquals(Set.of("mcp:fs", "model:sandbox"), verified.scopes());

            out.reset();
            assertEquals(1, run("token", "--user", "alice", "--agent", "research-agent", "--scope", "admin",
                    "--url", base + "/"));
            assertTrue(err.toString().startsWith("error: invalid_scope: "), err.toString());
            assertEquals(1, run("token", "--user", "mallory", "--agent", "research-agent", "--url", base.toString()));
            assertTrue(err.toString().contains("error: invalid_request: username: unknown demo user \"mallory\""),
                    err.toString());
            assertEquals(1, run("token", "--user", "alice", "--agent", "ghost", "--url", base.toString()));
            assertTrue(err.toString().contains("agent: no enabled agent \"ghost\""), err.toString());
            assertEquals("", out.toString(), "nothing on stdout when refused");
        } finally {
            broker.stop();
        }
    }

    @Test
    void saysWhenNoBrokerAnswers() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        assertEquals(1, run("token", "--user", "alice", "--agent", "research-agent", "--port", Integer.toString(port)));
        assertEquals("error: no broker answering at http://127.0.0.1:" + port + ": start it with bin/broker start",
                err.toString().trim());
        assertEquals("", out.toString());
    }

    @Test
    void saysWhenTheDevelopmentIdpIsDisabled() {
        Broker broker = quickstart(dataDir, false);
        try {
            assertEquals(1, run("token", "--user", "alice", "--agent", "research-agent", "--url",
                    broker.server().baseUrl().toString()));
            assertTrue(err.toString().contains("/dev-idp/task-token not found")
                    && err.toString().contains("dev-idp.enabled"), err.toString());
        } finally {
            broker.stop();
        }
    }

    @Test
    void namesWrongUsage() {
        assertEquals(2, run("token", "--agent", "research-agent"));
        assertTrue(err.toString().contains("--user is required"), err.toString());
        assertEquals(2, run("token", "--user", "alice", "--agent", "research-agent", "--url", "ftp://x"));
        assertTrue(err.toString().contains("--url must be the broker's base URL"), err.toString());
        assertEquals(2, run("keys", "spin", "--data-dir", dataDir.toString()));
    }

    @Test
    void helpListsTheTokenCommands() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("token --user U --agent A"), out.toString());
        assertTrue(out.toString().contains("keys rotate"), out.toString());
    }
}
