package dev.agentbroker.bench.load;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gets a real task token from the broker's token endpoint (RFC 6749 section 4.4, client
 * credentials, with the RFC 8707 {@code resource} the token is for), as the agent the
 * generated configuration registers. This is the one place the harness knows how tokens
 * are obtained: adapt it here if the token service wants another grant. A 404 means the
 * broker has no token endpoint yet; the outcome then says so instead of a token.
 */
final class TaskTokens {
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    /** A token, or why there is none. */
    record Outcome(String token, String problem) {
    }

    private final HttpClient http;
    private final URI endpoint;
    private final String basic;
    private final String scope;

    TaskTokens(HttpClient http, URI broker, String clientId, String secret, String scope) {
        this.http = http;
        this.endpoint = broker.resolve("/oauth2/token");
        this.basic = "Basic " + Base64.getEncoder().encodeToString(
                (encode(clientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
        this.scope = scope;
    }

    /** A token whose audience is {@code resource} (e.g. {@code http://127.0.0.1:PORT/v1}). */
    Outcome fetch(URI resource) throws InterruptedException {
        String form = "grant_type=client_credentials&scope=" + encode(scope) + "&resource=" + encode(resource.toString());
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Authorization", basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return new Outcome(null, "token endpoint unreachable (" + e + "): through-broker figures not measured");
        }
        if (response.statusCode() == 404) {
            return new Outcome(null, "token endpoint missing (POST /oauth2/token answered 404): "
                    + "through-broker figures not measured");
        }
        Matcher m = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            String body = response.body();
            return new Outcome(null, "token endpoint refused the bench agent (HTTP " + response.statusCode() + ": "
                    + body.substring(0, Math.min(200, body.length())) + "): through-broker figures not measured");
        }
        return new Outcome(m.group(1), null);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
