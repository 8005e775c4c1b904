package dev.agentbroker.broker.token.oauth;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.helidon.webserver.http.ServerRequest;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.util.URLUtils;

import dev.agentbroker.broker.token.OAuthException;

/** Reads the {@code application/x-www-form-urlencoded} body of an OAuth request (RFC 6749 §3.2). */
final class FormParameters {
    private FormParameters() {
    }

    /** The request body, cached by the request so it can be read more than once. */
    static String body(ServerRequest req) {
        return req.context().get(FormParameters.class, String.class).orElseGet(() -> {
            String body = req.content().hasEntity() ? req.content().as(String.class) : "";
            req.context().register(FormParameters.class, body);
            return body;
        });
    }

    static String required(HTTPRequest http, String name) {
        return required(form(http), name);
    }

    static String required(Map<String, List<String>> params, String name) {
        return optional(params, name).orElseThrow(() -> OAuthException.invalidRequest("missing parameter " + name));
    }

    /** The parameters of a form body. @throws OAuthException when the body is not a form */
    static Map<String, List<String>> form(HTTPRequest http) {
        String type = http.getHeaderValue("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            throw OAuthException.invalidRequest("Content-Type must be application/x-www-form-urlencoded");
        }
        return URLUtils.parseParameters(http.getBody());
    }

    /** The one value of {@code name}, empty when absent or blank. @throws OAuthException when given twice */
    static Optional<String> optional(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw OAuthException.invalidRequest("parameter " + name + " given more than once");
        }
        return Optional.of(values.get(0));
    }
}
