package dev.agentbroker.broker.enforce;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import dev.agentbroker.broker.Broker;
import dev.agentbroker.broker.token.VerifiedToken;

/** The whole broker on a loopback port with the quickstart's models and agents, a recording audit and test tokens. */
final class RunningBroker implements AutoCloseable {
    final Quickstart tokens = new Quickstart();
    final AuditTrail audit = new AuditTrail();
    final Broker broker;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    RunningBroker(Path policies, boolean watch, Path dataDir) {
        broker = Broker.start(Quickstart.config(policies, watch, dataDir), tokens, audit);
        Quickstart.registerAgents(broker.policy().entities());
    }

    /** POSTs a one-message chat completion for {@code model} with {@code token}. */
    HttpResponse<String> chat(VerifiedToken token, String model) throws Exception {
        String body = "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        HttpRequest request = HttpRequest.newBuilder(uri("/v1/chat/completions"))
                .header("Authorization", "Bearer " + tokens.bearer(token)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A chat completion by the last agent of {@code chain}, acting for alice (research) with {@code model:*}. */
    HttpResponse<String> chatAs(java.util.List<String> chain, String model) throws Exception {
        return chat(Quickstart.token("alice", "research", chain, "model:*"), model);
    }

    String metrics() throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    String version() {
        return broker.policy().runtime().engine().current().version();
    }

    private URI uri(String path) {
        return broker.server().baseUrl().resolve(path);
    }

    @Override
    public void close() {
        broker.stop();
    }
}
