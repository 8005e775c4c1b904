package dev.agentbroker.mcp.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamesTest {
    private static final String OPENAI_FUNCTION_NAME = "^[a-zA-Z0-9_-]{1,64}$";

    @Test
    void plainNamesAreServerUnderscoreUnderscoreTool() {
        assertEquals("fs__read_file", Names.namespaced("fs", "read_file"));
        assertEquals("fs", Names.serverOf("fs__read_file"));
        assertEquals("everything", Names.serverOf("everything__get-sum"));
    }

    @Test
    void namesThatDoNotFitAreShortenedStablyAndDistinctly() {
        String dotted = Names.namespaced("srv", "tool.with.dots");
        String spaced = Names.namespaced("srv", "tool with dots");
        String longName = Names.namespaced("srv", "x".repeat(100));
        for (String name : new String[] {dotted, spaced, longName}) {
            assertTrue(name.matches(OPENAI_FUNCTION_NAME), name);
            assertTrue(name.startsWith("srv__"), name);
        }
        assertNotEquals(dotted, spaced, "same cleaned text, different tools: the digest suffix keeps them apart");
        assertEquals(dotted, Names.namespaced("srv", "tool.with.dots"), "stable across calls");
        assertEquals(64, longName.length());
    }

    @Test
    void unnamespacedNamesHaveNoServer() {
        assertNull(Names.serverOf("read_file"));
        assertNull(Names.serverOf("__x"));
    }

    @Test
    void resourceUrisArePrefixedWithTheServer() {
        String prefixed = Names.prefixedUri("notes", "notes://all");
        assertEquals("notes+notes://all", prefixed);
        assertEquals("notes", Names.serverOfUri(prefixed));
        assertEquals("notes://all", Names.unprefixedUri(prefixed));
        assertNull(Names.serverOfUri("https://example.com/a+b"), "a scheme is not a server name");
        assertNull(Names.serverOfUri("notes://all"));
    }
}
