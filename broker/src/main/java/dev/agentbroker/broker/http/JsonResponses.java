package dev.agentbroker.broker.http;

import static dev.agentbroker.broker.JsonFactories.JSON;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriter;

/** Writes a JSON-P value as an {@code application/json} response. */
public final class JsonResponses {
    private JsonResponses() {
    }

    public static void send(ServerResponse res, Status status, JsonStructure body) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = JSON.createWriter(text)) {
            writer.write(body);
        }
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
