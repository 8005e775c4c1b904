package dev.agentbroker.examples.agent;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * The broker's OAuth 2.0 token endpoint, spoken plainly (form posts, HTTP Basic client
 * authentication) so the example shows the wire: client credentials for an agent's own
 * token, and RFC 8693 token exchange for a task token (user -> agent) or a sub-agent hop.
 */
final class TokenClient {
    static final String EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ACCESS_TOKEN = "urn:ietf:params:oauth:token-type:access_token";
    static final String JWT = "urn:ietf:params:oauth:token-type:jwt";

    private final HttpClient http;
    private final URI endpoint;

    TokenClient(HttpClient http, URI brokerUrl) {
        this.http = http;
        this.endpoint = brokerUrl.resolve("/oauth2/token");
    }

    /** An agent's credentials at the token endpoint. */
    record Agent(String clientId, String secret) {
        String basic() {
            String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * A user token from the broker's development IdP ({@code POST /dev-idp/token}), standing
     * in for the sign-in at a real identity provider; only served when {@code dev-idp.enabled}.
     */
    String devUserToken(String username) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/dev-idp/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode("username", username)))
                .build();
        return answer(http.send(request, HttpResponse.BodyHandlers.ofString())).getString("access_token");
    }

    /** The agent's own token (client credentials grant); {@code scope} null asks for the agent's whole ceiling. */
    String clientCredentials(Agent agent, String scope) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (scope != null) {
            form.put("scope", scope);
        }
        return post(agent, form, List.of()).getString("access_token");
    }

    /**
     * A task token for {@code agent}, acting for the holder of {@code subjectToken} (a user's
     * token, or the parent agent's task token for a sub-agent hop).
     */
    String exchange(Agent agent, String subjectToken, String subjectTokenType, String actorToken, String scope,
                    List<String> resources) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", EXCHANGE);
        form.put("subject_token", subjectToken);
        form.put("subject_token_type", subjectTokenType);
        form.put("actor_token", actorToken);
        form.put("actor_token_type", ACCESS_TOKEN);
        form.put("scope", scope);
        return post(agent, form, resources).getString("access_token");
    }

    private JsonObject post(Agent agent, Map<String, String> form, List<String> resources)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> encode(e.getKey(), e.getValue())).collect(Collectors.joining("&"));
        for (String resource : resources) {
            body += "&" + encode("resource", resource);
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", agent.basic())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private static JsonObject answer(HttpResponse<String> response) {
        JsonObject json = Json.createReader(new StringReader(response.body())).readObject();
        if (response.statusCode() != 200) {
            throw new AgentException("token endpoint refused (" + json.getString("error", "HTTP " + response.statusCode())
                    + "): " + json.getString("error_description", ""));
        }
        return json;
    }

    private static String encode(String key, String value) {
        return key + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
