package dev.agentbroker.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.agentbroker.llm.wire.SseScanner;

/** Reads golden files from src/test/resources/golden and compares JSON and SSE by value. */
public final class Golden {
    public static final Path ROOT = Path.of("src", "test", "resources", "golden");

    private Golden() {
    }

    public static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonObject json(Path file) {
        return parse(text(file));
    }

    public static JsonObject parse(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    /** The events of an SSE text as {@code event|data} strings, data JSON normalised. */
    public static List<String> events(String sse) {
        List<String> out = new ArrayList<>();
        SseScanner scanner = new SseScanner((event, data) -> out.add(event + "|" + normalise(data)));
        byte[] bytes = sse.getBytes(StandardCharsets.UTF_8);
        scanner.feed(bytes, 0, bytes.length);
        scanner.finish();
        return out;
    }

    public static void assertSameEvents(String expected, String actual) {
        assertEquals(events(expected), events(actual));
    }

    private static String normalise(String data) {
        if (!data.startsWith("{")) {
            return data;
        }
        JsonValue value = parse(data);
        return value.toString();
    }
}
