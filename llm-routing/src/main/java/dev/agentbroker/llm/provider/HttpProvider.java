package dev.agentbroker.llm.provider;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;

import dev.agentbroker.llm.Endpoint;

/**
 * A provider reached over HTTP: OpenAI ({@code Authorization: Bearer}), OpenAI-compatible
 * servers (key optional), Azure OpenAI ({@code api-key} header, deployment in the path,
 * {@code api-version} query) and Anthropic ({@code x-api-key}, {@code anthropic-version}).
 * One JDK client per connect timeout, HTTP/1.1, virtual threads. Thread-safe.
 */
public final class HttpProvider implements Provider {
    static final String DEFAULT_ANTHROPIC_VERSION = "2023-06-01";
    static final String DEFAULT_AZURE_VERSION = "2024-10-21";

    private final ProviderSpec spec;
    private final ExecutorService executor;
    private final ConcurrentMap<Duration, HttpClient> clients = new ConcurrentHashMap<>();

    public HttpProvider(ProviderSpec spec) {
        if (spec.kind() == ProviderKind.SANDBOX) {
            throw new IllegalArgumentException("the sandbox is not an HTTP provider");
        }
        this.spec = spec;
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
    }

    @Override
    public ProviderSpec spec() {
        return spec;
    }

    @Override
    public UpstreamCall send(UpstreamRequest request) throws IOException {
        HttpRequest http = build(request);
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
        try {
            response = client(request.timeouts().connect()).send(http, HttpResponse.BodyHandlers.ofPublisher());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the provider");
        }
        HttpUpstreamCall call = new HttpUpstreamCall(response.statusCode(), response.headers(), request.deadline());
        response.body().subscribe(call);
        return call;
    }

    /** The HTTP request for {@code request}: URL, auth headers and body. Package-private for golden tests. */
    HttpRequest build(UpstreamRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(request))
                .timeout(request.timeouts().firstByte())
                .header("Content-Type", "application/json")
                .header("Accept", request.stream() ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        String key = spec.apiKey().get();
        switch (spec.kind()) {
            case ANTHROPIC -> {
                builder.header("anthropic-version", spec.apiVersion() != null ? spec.apiVersion() : DEFAULT_ANTHROPIC_VERSION);
                if (key != null) {
                    builder.header("x-api-key", key);
                }
            }
            case AZURE_OPENAI -> {
                if (key != null) {
                    builder.header("api-key", key);
                }
            }
            default -> {
                if (key != null) {
                    builder.header("Authorization", "Bearer " + key);
                }
            }
        }
        return builder.build();
    }

    URI uri(UpstreamRequest request) {
        String base = spec.baseUrl().toString().replaceAll("/+$", "");
        Endpoint endpoint = request.endpoint();
        return switch (spec.kind()) {
            case ANTHROPIC -> URI.create(base + "/v1/messages");
            case AZURE_OPENAI -> {
                String version = spec.apiVersion() != null ? spec.apiVersion() : DEFAULT_AZURE_VERSION;
                String path = endpoint == Endpoint.RESPONSES ? "/openai/responses"
                        : "/openai/deployments/" + request.upstreamModel() + endpoint.path();
                yield URI.create(base + path + "?api-version=" + version);
            }
            default -> URI.create(base + endpoint.path());
        };
    }

    private HttpClient client(Duration connectTimeout) {
        return clients.computeIfAbsent(connectTimeout, timeout -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build());
    }
}
