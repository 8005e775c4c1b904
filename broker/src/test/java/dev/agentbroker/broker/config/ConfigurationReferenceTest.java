package dev.agentbroker.broker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md must document every key the code reads, and nothing the code no
 * longer reads. The keys read are found by loading every example configuration and every
 * YAML example in the reference itself with a recording {@link ConfigNode}.
 */
class ConfigurationReferenceTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path REFERENCE = REPO.resolve("docs/configuration.md");
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern TABLE_KEY = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|", Pattern.MULTILINE);

    @Test
    void everyKeyTheCodeReadsIsDocumentedAndNothingElse() throws IOException {
        String reference = Files.readString(REFERENCE);
        Set<String> read = keysReadByExamples(reference);
        Set<String> documented = documentedKeys(reference);

        Set<String> undocumented = new TreeSet<>(read);
        undocumented.removeAll(documented);
        Set<String> stale = new TreeSet<>(documented);
        stale.removeAll(read);
        assertEquals(Set.of(), undocumented, "keys the code reads but docs/configuration.md does not list");
        assertEquals(Set.of(), stale, "keys docs/configuration.md lists but no code reads (or no example exercises)");
    }

    @Test
    void theCheckNoticesAMissingKey() {
        String reference = """
                | `server` | mapping |
                | `server.host` | string |
                """;
        Set<String> read = Set.of("server", "server.host", "server.port");
        Set<String> undocumented = new TreeSet<>(read);
        undocumented.removeAll(documentedKeys(reference));
        assertEquals(Set.of("server.port"), undocumented);
    }

    private static Set<String> keysReadByExamples(String reference) throws IOException {
        Set<String> read = new TreeSet<>();
        ConfigLoader loader = new ConfigLoader();
        List<String> documents = new ArrayList<>(exampleConfigs());
        Matcher blocks = YAML_BLOCK.matcher(reference);
        while (blocks.find()) {
            documents.add(blocks.group(1));
        }
        assertTrue(documents.size() >= 2, "expected the quickstart and the reference's full example");
        for (String document : documents) {
            loader.parse("example", document, read);
        }
        return read;
    }

    private static List<String> exampleConfigs() throws IOException {
        try (Stream<Path> files = Files.walk(REPO.resolve("examples"))) {
            List<String> configs = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.toString().contains("node_modules")).toList()) {
                String text = Files.readString(file);
                if (text.lines().anyMatch(line -> line.equals("server:"))) {
                    configs.add(text);
                }
            }
            return configs;
        }
    }

    static Set<String> documentedKeys(String reference) {
        Set<String> keys = new TreeSet<>();
        Matcher m = TABLE_KEY.matcher(reference);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }
}
