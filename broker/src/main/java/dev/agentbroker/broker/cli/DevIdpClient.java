package dev.agentbroker.broker.cli;

import static dev.agentbroker.broker.JsonFactories.JSON;

import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/**
 * Asks a running broker's development IdP for a task token ({@code POST /dev-idp/task-token})
 * and turns every failure into one sentence for the terminal: no broker listening, the
 * endpoint absent (development IdP disabled), or the OAuth error the broker refused with.
 */
final class DevIdpClient {
    static final String PATH = "/dev-idp/task-token";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The token, or (token null) why there is none. */
    record Answer(String token, String error) {
    }

    private final URI broker;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    DevIdpClient(URI broker) {
        this.broker = broker;
    }

    Answer taskToken(String form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(broker + PATH)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            return answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            if (e instanceof ConnectException || e instanceof HttpConnectTimeoutException
                    || e.getCause() instanceof ConnectException) {
                return failed("no broker answering at " + broker + ": start it with bin/broker start");
            }
            return failed("cannot ask the broker at " + broker + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted while waiting for the broker at " + broker);
        }
    }

    private Answer answer(HttpResponse<String> response) {
        if (response.statusCode() == 404) {
            return failed(broker + PATH + " not found: the broker there does not serve the development IdP "
                    + "(dev-idp.enabled is false in its configuration)");
        }
        JsonObject body = json(response.body());
        if (response.statusCode() == 200 && body != null && body.get("access_token") instanceof jakarta.json.JsonString t) {
            return new Answer(t.getString(), null);
        }
        if (body != null && body.containsKey("error")) {
            return failed(body.getString("error", "?") + ": " + body.getString("error_description", "(no description)"));
        }
        return failed("the broker at " + broker + " answered HTTP " + response.statusCode() + " without a token");
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    private static Answer failed(String error) {
        return new Answer(null, error);
    }
}
