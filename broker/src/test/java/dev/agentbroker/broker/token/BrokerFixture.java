package dev.agentbroker.broker.token;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import dev.agentbroker.broker.Broker;
import dev.agentbroker.broker.config.BrokerConfig;
import dev.agentbroker.broker.config.ConfigLoader;

/**
 * A whole broker ({@link Broker#start}) from the quickstart configuration on a loopback
 * port, with extra YAML appended (e.g. a trusted test IdP) and its own data dir.
 */
final class BrokerFixture implements AutoCloseable {
    static final Path QUICKSTART = Path.of("..", "examples", "quickstart", "broker.yaml");

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final Broker broker;

    BrokerFixture(Path dataDir, String extraYaml) throws IOException {
        this(dataDir, extraYaml, 0);
    }

    BrokerFixture(Path dataDir, String extraYaml, int port) throws IOException {
        this(dataDir, yaml -> onPort(port).apply(yaml) + "\n" + extraYaml);
    }

    /** The YAML edit that makes the quickstart listen on {@code port} (0: any free port). */
    static UnaryOperator<String> onPort(int port) {
        return yaml -> yaml.replace("  port: 8080", "  port: " + port);
    }

    /** The quickstart with {@code edit} applied to its YAML text (deeper-agent disabled first). */
    BrokerFixture(Path dataDir, UnaryOperator<String> edit) throws IOException {
        // deeper-agent is disabled here: its tokens must stop verifying.
        String yaml = edit.apply(Files.readString(QUICKSTART)
                .replace("  - id: deeper-agent", "  - id: deeper-agent\n    enabled: false"));
        BrokerConfig config = new ConfigLoader().parse("test", yaml).withDataDir(dataDir);
        broker = Broker.start(config);
    }

    URI base() {
        return broker.server().baseUrl();
    }

    String v1() {
        return base() + "/v1";
    }

    /** {@code GET /v1/models} with {@code Authorization: Bearer token} (no header when null). */
    HttpResponse<String> models(String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base().resolve("/v1/models")).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String path, String basicAuth, String form) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base().resolve(path)).POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (basicAuth != null) {
            b.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString(basicAuth.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        broker.stop();
    }
}
