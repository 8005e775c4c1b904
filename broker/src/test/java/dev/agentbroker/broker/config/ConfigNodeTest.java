package dev.agentbroker.broker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigNodeTest {

    @Test
    void secretLiteralIsRefused() {
        ConfigNode node = ConfigNode.root(Map.of("providers", Map.of("openai", Map.of("api-key", "sk-live-123"))));
        ConfigException e = assertThrows(ConfigException.class,
                () -> node.child("providers").child("openai").secret("api-key"));
        assertEquals("providers.openai.api-key", e.path());
        assertTrue(e.getMessage().contains("env:NAME or file:/path"));
        assertFalse(e.getMessage().contains("sk-live-123"), "the literal must not be echoed");
    }

    @Test
    void secretReferencesResolveFromEnvironmentAndFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("key");
        Files.writeString(file, "from-file\n");
        SecretRef env = SecretRef.parse("env:PROVIDER_KEY").orElseThrow();
        SecretRef fromFile = SecretRef.parse("file:" + file).orElseThrow();
        assertEquals("from-env", env.resolve("k", Map.of("PROVIDER_KEY", "from-env")));
        assertEquals("from-file", fromFile.resolve("k", Map.of()));
        assertEquals("env:PROVIDER_KEY", env.toString());
        ConfigException unset = assertThrows(ConfigException.class, () -> env.resolve("models.key", Map.of()));
        assertEquals("models.key", unset.path());
        assertTrue(unset.getMessage().contains("PROVIDER_KEY"));
    }

    @Test
    void namedStringListsKeepOrderAndNameTheBadItem() {
        ConfigNode root = ConfigNode.root(Map.of("groups", new java.util.LinkedHashMap<>(Map.of("read", List.of("fs/a")))));
        assertEquals(Map.of("read", List.of("fs/a")), root.namedStrings("groups"));
        ConfigNode bad = ConfigNode.root(Map.of("groups", Map.of("write", List.of("fs/b", 7))));
        ConfigException e = assertThrows(ConfigException.class, () -> bad.namedStrings("groups"));
        assertEquals("groups.write[1]", e.path());
        ConfigNode notAList = ConfigNode.root(Map.of("groups", Map.of("write", "fs/b")));
        assertEquals("groups.write", assertThrows(ConfigException.class, () -> notAList.namedStrings("groups")).path());
    }

    @Test
    void listItemsCarryTheirIndexInThePath() {
        ConfigNode root = ConfigNode.root(Map.of("agents", List.of(Map.of("id", "a"), Map.of("id", 5, "colour", "x"))));
        ConfigException e = assertThrows(ConfigException.class,
                () -> root.list("agents", n -> n.string("id") + n.string("missing", "")));
        assertEquals("agents[1].colour", e.path());
    }

    @Test
    void namedMapKeepsOrderAndPaths() {
        ConfigNode root = ConfigNode.root(Map.of("servers", Map.of("fs", Map.of("port", "x"))));
        ConfigException e = assertThrows(ConfigException.class,
                () -> root.namedMap("servers", n -> n.integer("port", 0, 0, 10)));
        assertEquals("servers.fs.port", e.path());
        assertTrue(e.getMessage().contains("the string \"x\""));
    }

    @Test
    void emptyStringIsRejected() {
        ConfigNode root = ConfigNode.root(Map.of("name", " "));
        assertEquals("name", assertThrows(ConfigException.class, () -> root.string("name")).path());
    }
}
