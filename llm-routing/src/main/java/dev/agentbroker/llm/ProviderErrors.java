package dev.agentbroker.llm;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;

import dev.agentbroker.llm.wire.Jsons;

/**
 * Turns a provider's 4xx answer into an error for the client: 400/413/422 become the
 * caller's 400 with the provider's message (shortened, with anything shaped like a key
 * masked); other statuses are the broker's or provider's problem and become 502 with no
 * upstream text.
 */
final class ProviderErrors {
    private static final Pattern KEY_LIKE = Pattern.compile("(sk-[A-Za-z0-9_*.-]{4,}|[A-Za-z0-9_-]{32,})");
    private static final int MAX_MESSAGE = 300;

    private ProviderErrors() {
    }

    static LlmException rejected(int status, byte[] body) {
        if (status == 400 || status == 413 || status == 422) {
            JsonObject json = Jsons.objectOrNull(new String(body, StandardCharsets.UTF_8));
            String message = Jsons.string(Jsons.object(json, "error"), "message");
            if (message == null) {
                message = Jsons.string(json, "message");
            }
            return new LlmException(LlmException.Kind.INVALID_REQUEST, "provider_rejected",
                    "the provider rejected the request" + (message == null ? "" : ": " + mask(message)));
        }
        return new LlmException(LlmException.Kind.UPSTREAM_ERROR, "upstream_error",
                "the provider refused the call (HTTP " + status + ")");
    }

    static String mask(String message) {
        String shortened = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message;
        return KEY_LIKE.matcher(shortened).replaceAll("[redacted]");
    }
}
