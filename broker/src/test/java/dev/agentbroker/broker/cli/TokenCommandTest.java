package dev.agentbroker.broker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentbroker.broker.audit.RecordingAudit;
import dev.agentbroker.broker.config.ConfigLoader;
import dev.agentbroker.broker.token.BrokerUrls;
import dev.agentbroker.broker.token.ExchangeGate;
import dev.agentbroker.broker.token.TokensFeature;
import dev.agentbroker.broker.token.VerifiedToken;

/** {@code bin/broker token} and {@code bin/broker keys}: tokens a broker with the same config and data dir accepts. */
class TokenCommandTest {
    @TempDir
    Path dataDir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return new Cli(new PrintStream(out, true), new PrintStream(err, true), Map.of()).run(args);
    }

    @Test
    void printsATaskTokenTheBrokerAccepts() {
        assertEquals(0, run("token", "--user", "alice", "--agent", "research-agent", "--scope", "mcp:fs model:sandbox",
                "--data-dir", dataDir.toString()), err.toString());
        String token = out.toString().trim();
        assertEquals(3, token.split("\\.").length, token);
        TokensFeature broker = TokensFeature.create(new ConfigLoader().loadEmbedded().identity(), dataDir,
                BrokerUrls.fixed(URI.create("http://127.0.0.1:8080")), new RecordingAudit(), ExchangeGate.CEILINGS_ONLY,
                Map.of(), Clock.systemUTC());
        VerifiedToken verified = broker.verifier().verify(token, "http://127.0.0.1:8080/v1");
        assertEquals("alice", verified.subject());
        assertEquals(List.of("research-agent"), verified.actorChain());
        assertEquals(java.util.Set.of("mcp:fs", "model:sandbox"), verified.scopes());
    }

    @Test
    void namesWhatIsWrong() {
        assertEquals(1, run("token", "--user", "mallory", "--agent", "research-agent", "--data-dir", dataDir.toString()));
        assertTrue(err.toString().contains("unknown demo user \"mallory\""), err.toString());
        assertEquals(1, run("token", "--user", "alice", "--agent", "ghost", "--data-dir", dataDir.toString()));
        assertTrue(err.toString().contains("unknown agent \"ghost\""), err.toString());
        assertEquals(2, run("token", "--agent", "research-agent"));
        assertTrue(err.toString().contains("--user is required"), err.toString());
        assertEquals(2, run("keys", "spin", "--data-dir", dataDir.toString()));
    }

    @Test
    void helpListsTheTokenCommands() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("token --user U --agent A"), out.toString());
        assertTrue(out.toString().contains("keys rotate"), out.toString());
    }
}
