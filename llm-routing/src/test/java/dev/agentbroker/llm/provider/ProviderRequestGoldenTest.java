package dev.agentbroker.llm.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.agentbroker.llm.Endpoint;
import dev.agentbroker.llm.Golden;

/** Golden files per provider kind: the URL and headers of the request each provider client sends. */
class ProviderRequestGoldenTest {
    static Stream<Path> cases() throws IOException {
        return Files.list(Golden.ROOT.resolve("providers")).sorted();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void buildsTheGoldenRequest(Path file) {
        JsonObject c = Golden.json(file);
        ProviderKind kind = ProviderKind.valueOf(c.getString("kind"));
        String version = c.containsKey("api_version") ? c.getString("api_version") : null;
        ProviderSpec spec = new ProviderSpec(kind.name(), kind, URI.create(c.getString("base_url")),
                c.getBoolean("no_key", false) ? () -> null : () -> "KEY", version);
        UpstreamRequest request = new UpstreamRequest(Endpoint.valueOf(c.getString("endpoint")), c.getString("model"),
                "{}".getBytes(), c.getBoolean("stream"), Timeouts.DEFAULT, Instant.now().plusSeconds(60));
        HttpRequest http = new HttpProvider(spec).build(request);
        JsonObject expected = c.getJsonObject("expected");
        assertEquals(expected.getString("uri"), http.uri().toString());
        assertEquals("POST", http.method());
        Map<String, String> headers = new TreeMap<>();
        http.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), v.getFirst()));
        Map<String, String> want = new TreeMap<>();
        expected.getJsonObject("headers").forEach((k, v) -> want.put(k, ((JsonString) v).getString()));
        assertEquals(want, headers);
        assertEquals(Timeouts.DEFAULT.firstByte(), http.timeout().orElseThrow());
    }
}
