package dev.agentbroker.broker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {
    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void embeddedQuickstartLoadsWithoutAnyEnvironment() {
        BrokerConfig config = loader.loadEmbedded();
        assertEquals("127.0.0.1", config.server().host());
        assertEquals(8080, config.server().port());
        assertEquals(Duration.ofSeconds(10), config.server().shutdownGrace());
        assertTrue(config.source().contains("quickstart"));
    }

    @Test
    void readsEveryServerKey() {
        BrokerConfig config = loader.parse("test", """
                server:
                  host: 0.0.0.0
                  port: 9090
                  public-url: https://broker.example.com/
                  max-request-bytes: 2048
                  shutdown-grace: 1500ms
                data-dir: /var/lib/broker
                logging:
                  level: debug
                  format: json
                """);
        assertEquals("0.0.0.0", config.server().host());
        assertEquals(9090, config.server().port());
        assertEquals("https://broker.example.com", config.server().publicUrl().orElseThrow().toString());
        assertEquals(2048, config.server().maxRequestBytes());
        assertEquals(Duration.ofMillis(1500), config.server().shutdownGrace());
        assertEquals(Path.of("/var/lib/broker"), config.dataDir());
        assertEquals(LoggingConfig.Level.DEBUG, config.logging().level());
        assertEquals(LoggingConfig.Format.JSON, config.logging().format());
    }

    static Stream<Arguments> invalidConfigs() {
        return Stream.of(
                Arguments.of("unknown key", "server:\n  port: 1\n  prot: 2\n", "server.prot", "did you mean 'port'"),
                Arguments.of("unknown top-level key", "server:\n  port: 1\nlogin: {}\n", "login", "unknown key"),
                Arguments.of("wrong type", "server:\n  port: eighty\n", "server.port", "expected an integer"),
                Arguments.of("out of range", "server:\n  port: 70000\n", "server.port", "between 0 and 65535"),
                Arguments.of("missing required key", "server:\n  host: 127.0.0.1\n", "server.port", "required"),
                Arguments.of("misspelt required key", "server:\n  prot: 8080\n", "server.port", "found 'prot' here: did you mean 'port'?"),
                Arguments.of("missing required section", "data-dir: x\n", "server", "required"),
                Arguments.of("section of wrong type", "server: 8080\n", "server", "expected a mapping"),
                Arguments.of("bad duration", "server:\n  port: 1\n  shutdown-grace: soon\n", "server.shutdown-grace", "duration"),
                Arguments.of("bad choice", "server:\n  port: 1\nlogging:\n  format: xml\n", "logging.format", "one of [text, json]"),
                Arguments.of("bad url", "server:\n  port: 1\n  public-url: ftp://x\n", "server.public-url", "http(s)"),
                Arguments.of("duplicate key", "server:\n  port: 1\n  port: 2\n", "", "duplicate key"),
                Arguments.of("not YAML", "server: [1, 2\n", "", "line 2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidConfigs")
    void invalidConfigNamesTheKeyPath(String name, String yaml, String path, String fragment) {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.parse("test", yaml));
        assertEquals(path, e.path(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        if (!path.isEmpty()) {
            assertTrue(e.getMessage().startsWith(path + ":"), e.getMessage());
        }
    }

    @Test
    void missingFileIsAConfigError(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(dir.resolve("absent.yaml")));
        assertTrue(e.getMessage().contains("does not exist"));
    }

    @Test
    void loadsFromFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broker.yaml");
        Files.writeString(file, "server:\n  port: 1234\n");
        assertEquals(1234, loader.load(file).server().port());
        assertEquals(file.toString(), loader.load(file).source());
    }
}
