package dev.agentbroker.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stand-in over real HTTP, read by the harness's own scenario code and by a JSON parser. */
class ProviderStandInTest {
    static ProviderStandIn standIn;
    static HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static URI chat;

    @BeforeAll
    static void start() {
        standIn = new ProviderStandIn(0, 3, 5);
        chat = URI.create("http://127.0.0.1:" + standIn.port() + "/v1/chat/completions");
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    @Test
    void answersAChatCompletionInTheOpenAiWireFormat() throws Exception {
        JsonObject body = Json.createReader(new StringReader(post("{\"model\":\"m\",\"messages\":[]}").body())).readObject();
        assertEquals("chat.completion", body.getString("object"));
        assertEquals("tok0 tok1 tok2 ", body.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content"));
        assertEquals(15, body.getJsonObject("usage").getInt("total_tokens"));
    }

    @Test
    void streamsSpacedChunksThenUsageWhenAskedThenDone() throws Exception {
        HttpResponse<String> r = post("{\"model\":\"m\",\"stream\": true,\"stream_options\":{\"include_usage\":true}}");
        assertEquals("text/event-stream", r.headers().firstValue("content-type").orElse(""));
        List<String> data = r.body().lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();
        assertEquals("[DONE]", data.getLast());
        StringBuilder text = new StringBuilder();
        for (String event : data.subList(0, data.size() - 2)) {
            JsonObject delta = Json.createReader(new StringReader(event)).readObject().getJsonArray("choices")
                    .getJsonObject(0).getJsonObject("delta");
            text.append(delta.getString("content", ""));
        }
        assertEquals("tok0 tok1 tok2 ", text.toString());
        assertTrue(data.get(data.size() - 2).contains("\"usage\""), data.toString());
    }

    @Test
    void theHarnessScenariosAcceptTheRightAnswerAndTimeTheFirstByte() throws Exception {
        Side side = new Side("direct", chat, "bench-model", null);
        Sample plain = new ModelScenario(false, 3).open(http, side, 0).call();
        assertEquals(plain.totalNanos(), plain.firstByteNanos());
        Sample streamed = new ModelScenario(true, 3).open(http, side, 0).call();
        // Lower bounds only: a loaded machine may delay the first byte, never shorten a sleep.
        assertTrue(streamed.firstByteNanos() <= streamed.totalNanos(), streamed.toString());
        assertTrue(streamed.totalNanos() >= 3 * 5_000_000L, "the events after the first are 5 ms apart: " + streamed);
    }

    @Test
    void theHarnessScenariosRejectAWrongAnswer() {
        Side wrongChunks = new Side("direct", chat, "bench-model", null);
        CallFailedException e = assertThrows(CallFailedException.class,
                () -> new ModelScenario(false, 4).open(http, wrongChunks, 0).call());
        assertTrue(e.getMessage().contains("HTTP 200"), e.getMessage());
        Side wrongPath = new Side("direct", chat.resolve("/v1/nothing"), "bench-model", null);
        e = assertThrows(CallFailedException.class, () -> new ModelScenario(true, 3).open(http, wrongPath, 0).call());
        assertTrue(e.getMessage().contains("HTTP 404 (endpoint missing)"), e.getMessage());
    }

    private static HttpResponse<String> post(String json) throws Exception {
        return http.send(HttpRequest.newBuilder(chat).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
