package dev.agentbroker.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DocSectionTest {
    @Test
    void replacesOnlyTheGeneratedPartAndKeepsOtherSections() {
        String doc = """
                # Benchmarks
                intro
                <!-- bench/run:begin -->
                old figures
                <!-- bench/run:end -->
                ## Cedar (JMH)
                cedar figures
                """;
        String out = DocSection.replace(doc, "new figures\n");
        assertEquals("""
                # Benchmarks
                intro
                <!-- bench/run:begin -->
                new figures
                <!-- bench/run:end -->
                ## Cedar (JMH)
                cedar figures
                """, out);
        assertEquals(out, DocSection.replace(out, "new figures"), "regenerating the same figures changes nothing");
    }

    @Test
    void appendsTheMarkedPartWhenTheDocumentHasNone() {
        String out = DocSection.replace("# Benchmarks\n\n## Token (JMH)\nx\n", "figures");
        assertTrue(out.startsWith("# Benchmarks\n\n## Token (JMH)\nx\n\n<!-- bench/run:begin -->\nfigures\n"), out);
        assertTrue(out.endsWith("<!-- bench/run:end -->\n"), out);
    }

    @Test
    void refusesADocumentWithOnlyOneMarker() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DocSection.replace("a\n<!-- bench/run:end -->\n", "x"));
        assertTrue(e.getMessage().contains("markers"), e.getMessage());
    }
}
