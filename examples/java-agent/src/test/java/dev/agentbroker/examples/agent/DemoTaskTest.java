package dev.agentbroker.examples.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentbroker.broker.Broker;
import dev.agentbroker.broker.config.BrokerConfig;
import dev.agentbroker.broker.config.ConfigLoader;
import dev.agentbroker.broker.trace.TraceTree;

/**
 * The example agent completes its task through a real broker running the embedded quickstart
 * configuration (loopback HTTP, real tokens, Cedar, sandbox tools, durable audit): one write
 * inside the sandbox succeeds, the sub-agent's write outside it is denied, and the audit log
 * holds the whole task as one tree.
 */
class DemoTaskTest {
    @TempDir
    Path dataDir;
    private Broker broker;

    @BeforeEach
    void startQuickstartBroker() {
        BrokerConfig config = new ConfigLoader().loadEmbedded().withPort(0).withDataDir(dataDir);
        broker = Broker.start(config);
    }

    @AfterEach
    void stop() {
        broker.stop();
    }

    @Test
    void completesTheTaskWithOneWriteAllowedAndTheEscapeDenied() throws Exception {
        ByteArrayOutputStream narration = new ByteArrayOutputStream();
        DemoTask.Outcome outcome = new DemoTask(HttpClient.newHttpClient(), broker.server().baseUrl(),
                new Narrator(new PrintStream(narration, true, StandardCharsets.UTF_8))).run();

        assertTrue(outcome.answers().get(0).contains("wrote"), outcome.answers().toString());
        assertTrue(outcome.answers().get(1).contains("call_tool on fs__write_file denied"), outcome.answers().toString());
        assertEquals("Hello from the sandbox model.", Files.readString(dataDir.resolve("sandbox/note.txt")));
        assertFalse(Files.exists(dataDir.resolve("etc/passwd")));
        String text = narration.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("helper-agent -> tool fs__write_file"), text);

        Path audit = broker.config().audit().directoryUnder(dataDir);
        String tree = TraceTree.load(audit, outcome.taskId()).render();
        assertTrue(tree.contains("user alice"), tree);
        assertTrue(tree.matches("(?s).*agent research-agent.*agent helper-agent.*"), tree);
        assertTrue(tree.contains("DENY by [fs-paths-inside-sandbox, fs-write-inside-sandbox]"), tree);
        assertTrue(tree.contains("asked by model call"), tree);
    }
}
