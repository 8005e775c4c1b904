package dev.agentbroker.bench.load;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code POST /v1/chat/completions} in the OpenAI wire format, answered as one JSON body or
 * streamed as SSE. Every answer is checked: status 200 and the text the stand-in sends
 * (for a stream: the last content delta and {@code data: [DONE]}), so a broker that
 * answered fast but wrong would fail the run, not improve it.
 */
final class ModelScenario implements Scenario {
    private final boolean stream;
    private final String expected;

    ModelScenario(boolean stream, int chunks) {
        this.stream = stream;
        this.expected = stream ? "tok" + (chunks - 1) + " " : StandInReplies.text(chunks);
    }

    @Override
    public String id() {
        return stream ? "stream" : "model";
    }

    @Override
    public String title() {
        return stream ? "streamed model call (SSE)" : "model call (JSON)";
    }

    @Override
    public boolean streamed() {
        return stream;
    }

    @Override
    public Call open(HttpClient http, Side side, int worker) {
        String body = """
                {"model":"%s","messages":[{"role":"system","content":"You are a terse assistant."},\
                {"role":"user","content":"Summarise the benchmark plan in one line (worker %d)."}],\
                "max_tokens":64%s}""".formatted(side.name(), worker,
                stream ? ",\"stream\":true,\"stream_options\":{\"include_usage\":true}" : "");
        HttpRequest.Builder b = HttpRequest.newBuilder(side.url()).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (side.bearer() != null) {
            b.header("Authorization", "Bearer " + side.bearer());
        }
        HttpRequest request = b.build();
        return stream ? () -> streamed(http, request) : () -> plain(http, request);
    }

    private Sample plain(HttpClient http, HttpRequest request) throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long total = System.nanoTime() - start;
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() != 200 || !text.contains(expected)) {
            throw new CallFailedException("POST " + request.uri().getPath(), response.statusCode(), text);
        }
        return new Sample(total, total);
    }

    private Sample streamed(HttpClient http, HttpRequest request) throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            int first = in.read();
            long firstByte = System.nanoTime() - start;
            byte[] rest = in.readAllBytes();
            long total = System.nanoTime() - start;
            String text = (first < 0 ? "" : String.valueOf((char) first)) + new String(rest, StandardCharsets.UTF_8);
            if (response.statusCode() != 200 || !text.contains(expected) || !text.contains("data: [DONE]")) {
                throw new CallFailedException("POST " + request.uri().getPath() + " (stream)", response.statusCode(), text);
            }
            return new Sample(firstByte, total);
        }
    }
}
