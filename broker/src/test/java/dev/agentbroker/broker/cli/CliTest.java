package dev.agentbroker.broker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());

    @Test
    void helpListsEveryCommand() {
        assertEquals(0, cli.run("--help"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("start [--config FILE] [--port N] [--data-dir DIR]"), text);
        assertTrue(text.contains("version"), text);
        assertTrue(text.contains("demo [--config FILE]"), text);
    }

    @Test
    void commandHelpListsItsOptions() {
        assertEquals(0, cli.run("start", "--help"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("--data-dir DIR"), text);
        assertTrue(text.contains("--port N"), text);
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertEquals(0, cli.run("version"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("agent-broker "));
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertEquals(2, cli.run("launch"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command 'launch'"));
    }

    @ParameterizedTest
    @CsvSource({"--prt,unknown option --prt", "--port,needs a value", "--port=abc,must be a number"})
    void badOptionsAreUsageErrors(String option, String message) {
        assertEquals(2, cli.run("start", option));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(message), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "server:\\n  port: PORT\\n  colour: blue\\n|server.colour",
            "server:\\n  port: not-a-number\\n|server.port",
            "server:\\n  host: 127.0.0.1\\n|server.port"})
    void invalidConfigStopsStartUpBeforeAnythingStarts(String yaml, String path, @TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path config = dir.resolve("broker.yaml");
        Files.writeString(config, yaml.replace("\\n", "\n").replace("PORT", Integer.toString(port)));
        Path dataDir = dir.resolve("state");

        int status = cli.run("start", "--config", config.toString(), "--data-dir", dataDir.toString());

        assertEquals(2, status);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("invalid configuration: " + path + ":"), message);
        assertFalse(Files.exists(dataDir), "nothing may be created for an invalid config");
        try (ServerSocket stillFree = new ServerSocket(port)) {
            assertEquals(port, stillFree.getLocalPort());
        }
    }

    @Test
    void demoWithoutTheExampleAgentSaysHowToGetIt() {
        assertEquals(1, cli.run("demo", "--agent-jar", "/nonexistent/java-agent.jar"));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("the example agent is not built (/nonexistent/java-agent.jar)"), text);
        assertTrue(text.contains("--agent-jar FILE"), text);
    }
}
