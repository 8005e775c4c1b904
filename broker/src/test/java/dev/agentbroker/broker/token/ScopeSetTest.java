package dev.agentbroker.broker.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScopeSetTest {
    @ParameterizedTest(name = "{0} ∩ {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "mcp:fs/read_file | mcp:fs | mcp:fs/read_file",
        "mcp:* | mcp:fs | mcp:fs",
        "mcp:* model:* | mcp:fs model:sandbox | mcp:fs model:sandbox",
        "mcp:fs | mcp:fs/read_file mcp:notes | mcp:fs/read_file",
        "mcp:fs mcp:notes | mcp:*  | mcp:fs mcp:notes",
        "model:gpt | model:sandbox | ''",
        "admin | mcp:* model:* | ''",
        "admin mcp:fs | admin | admin",
        "mcp:fs/read_file mcp:fs | mcp:fs | mcp:fs",
        "mcp:fs | mcp:fsx | ''",
    })
    void intersectsWithWildcards(String requested, String ceiling, String expected) {
        assertEquals(expected, ScopeSet.parse(requested).intersect(ScopeSet.parse(ceiling)).toString());
        assertEquals(expected, ScopeSet.parse(ceiling).intersect(ScopeSet.parse(requested)).toString());
    }

    @ParameterizedTest(name = "{0} within {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "mcp:fs/read_file | mcp:fs | true",
        "mcp:fs | mcp:fs/read_file | false",
        "mcp:* | mcp:fs | false",
        "model:sandbox mcp:notes/add_note | model:* mcp:notes | true",
        "admin | mcp:* model:* | false",
        "'' | mcp:fs | true",
    })
    void withinMeansOnlyNarrower(String scopes, String parent, boolean expected) {
        assertEquals(expected, ScopeSet.parse(scopes).within(ScopeSet.parse(parent)));
    }

    @ParameterizedTest
    @CsvSource({"mcp:", "model:", "tool:x", "mcp:fs/read/file", "MCP:fs", "mcp:*/x", "admin:x", "mcp:fs/*"})
    void rejectsScopesOutsideTheGrammar(String bad) {
        assertThrows(IllegalArgumentException.class, () -> ScopeSet.parse(bad));
    }

    @org.junit.jupiter.api.Test
    void keepsSetsMinimal() {
        assertEquals("mcp:*", ScopeSet.parse("mcp:fs mcp:* mcp:fs/read_file").toString());
        assertTrue(ScopeSet.parse("mcp:fs").covers("mcp:fs/write_file"));
        assertFalse(ScopeSet.parse("mcp:fs/read_file").covers("mcp:fs"));
    }
}
