package dev.agentbroker.broker.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the one YAML configuration file into {@link BrokerConfig}. YAML is parsed with the
 * safe constructor (plain maps, lists and scalars only), duplicate keys and alias bombs are
 * refused, then the document is bound and validated; any problem is a {@link ConfigException}
 * naming the key path. Stateless and thread-safe.
 */
public final class ConfigLoader {
    /** Where the embedded quickstart configuration sits on the class path. */
    public static final String EMBEDDED = "quickstart/broker.yaml";

    private static final int MAX_CONFIG_BYTES = 4 * 1024 * 1024;

    public BrokerConfig load(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_CONFIG_BYTES) {
                throw new ConfigException("", "configuration file " + file + " is larger than 4 MiB");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("", "configuration file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("", "cannot read configuration file " + file + ": " + e.getMessage());
        }
        return parse(file.toString(), text);
    }

    /** The quickstart configuration embedded in the broker jar. */
    public BrokerConfig loadEmbedded() {
        try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(EMBEDDED)) {
            if (in == null) {
                throw new IllegalStateException("embedded " + EMBEDDED + " is missing from the class path");
            }
            return parse("embedded " + EMBEDDED, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read embedded " + EMBEDDED, e);
        }
    }

    /** Parses configuration text; {@code source} names it in messages. */
    public BrokerConfig parse(String source, String text) {
        return parse(source, text, null);
    }

    /** Parses, adding the schema path of every key the code asks for to {@code keysRead} (when not null). */
    BrokerConfig parse(String source, String text, java.util.Set<String> keysRead) {
        Object document = parseYaml(new StringReader(text));
        return ConfigNode.recording(document, keysRead).read(root -> BrokerConfig.read(source, root));
    }

    private static Object parseYaml(Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(40);
        options.setCodePointLimit(MAX_CONFIG_BYTES);
        try {
            return new Yaml(new SafeConstructor(options)).load(reader);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            throw new ConfigException("", "not valid YAML" + where + ": " + e.getProblem());
        } catch (YAMLException e) {
            throw new ConfigException("", "not valid YAML: " + e.getMessage());
        }
    }
}
