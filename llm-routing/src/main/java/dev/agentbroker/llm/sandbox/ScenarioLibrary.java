package dev.agentbroker.llm.sandbox;

import static dev.agentbroker.llm.JsonFactories.JSON;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.JsonException;
import jakarta.json.JsonReader;

/**
 * The scenarios the sandbox can play: the built-in ones (resources listed in
 * {@code scenarios/index}) plus every {@code *.json} file of an optional directory, which
 * may replace a built-in of the same name. Loaded once; immutable.
 */
public final class ScenarioLibrary {
    private static final String ROOT = "/dev/agentbroker/llm/sandbox/scenarios/";

    private final Map<String, Scenario> scenarios;

    private ScenarioLibrary(Map<String, Scenario> scenarios) {
        this.scenarios = Collections.unmodifiableMap(scenarios);
    }

    /** The built-ins, then the files of {@code directory} (null for none). */
    public static ScenarioLibrary load(Path directory) {
        Map<String, Scenario> out = new LinkedHashMap<>();
        for (String name : builtInNames()) {
            try (InputStream in = ScenarioLibrary.class.getResourceAsStream(ROOT + name + ".json")) {
                add(out, in, "built-in scenario " + name);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (directory != null) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
                for (Path file : files) {
                    try (InputStream in = Files.newInputStream(file)) {
                        add(out, in, file.toString());
                    }
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read sandbox scenarios from " + directory, e);
            }
        }
        return new ScenarioLibrary(out);
    }

    public Scenario get(String name) {
        return scenarios.get(name);
    }

    public Map<String, Scenario> all() {
        return scenarios;
    }

    private static String[] builtInNames() {
        try (InputStream in = ScenarioLibrary.class.getResourceAsStream(ROOT + "index")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip().split("\\s+");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(Map<String, Scenario> out, InputStream in, String origin) {
        if (in == null) {
            throw new IllegalStateException(origin + " is missing");
        }
        try (JsonReader reader = JSON.createReader(in)) {
            Scenario scenario = Scenario.parse(reader.readObject());
            out.put(scenario.name(), scenario);
        } catch (JsonException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
        }
    }
}
