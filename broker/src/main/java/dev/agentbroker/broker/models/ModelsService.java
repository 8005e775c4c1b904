package dev.agentbroker.broker.models;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dev.agentbroker.broker.token.InvalidTokenException;
import dev.agentbroker.broker.token.TokenVerifier;
import dev.agentbroker.broker.token.VerifiedToken;
import dev.agentbroker.llm.Caller;
import dev.agentbroker.llm.Endpoint;
import dev.agentbroker.llm.LlmException;
import dev.agentbroker.llm.ModelGateway;
import dev.agentbroker.llm.WireFormat;

/**
 * The OpenAI- and Anthropic-compatible model endpoints: {@code POST /v1/chat/completions},
 * {@code /v1/messages}, {@code /v1/embeddings}, {@code /v1/responses}, {@code GET /v1/models}
 * and {@code /v1/models/{name}}. Authenticates the task token from {@code Authorization:
 * Bearer} or {@code x-api-key} (any {@code anthropic-version} is accepted) and hands the call
 * to the {@link ModelGateway}; errors are written in the caller's dialect. Thread-safe.
 */
public final class ModelsService implements HttpService {
    private static final String ANTHROPIC_VERSION = "anthropic-version";

    private final ModelGateway gateway;
    private final TokenVerifier verifier;
    private final Supplier<String> resource;

    ModelsService(ModelGateway gateway, TokenVerifier verifier, Supplier<String> resource) {
        this.gateway = gateway;
        this.verifier = verifier;
        this.resource = resource;
    }

    @Override
    public void routing(HttpRules rules) {
        for (Endpoint endpoint : Endpoint.values()) {
            rules.post("/v1" + endpoint.path(), (req, res) -> post(endpoint, req, res));
        }
        rules.get("/v1/models", this::list).get("/v1/models/{name}", this::one);
    }

    private void post(Endpoint endpoint, ServerRequest req, ServerResponse res) {
        HelidonSink sink = new HelidonSink(res);
        Optional<Caller> caller = authenticate(req, sink, endpoint.format());
        if (caller.isPresent()) {
            byte[] body = req.content().hasEntity() ? req.content().as(byte[].class) : new byte[0];
            gateway.handle(endpoint, caller.get(), body, sink);
        }
    }

    private void list(ServerRequest req, ServerResponse res) {
        WireFormat format = formatOf(req);
        HelidonSink sink = new HelidonSink(res);
        authenticate(req, sink, format).ifPresent(caller -> send(res, gateway.models(caller, format).toString()));
    }

    private void one(ServerRequest req, ServerResponse res) {
        WireFormat format = formatOf(req);
        HelidonSink sink = new HelidonSink(res);
        Optional<Caller> caller = authenticate(req, sink, format);
        if (caller.isPresent()) {
            try {
                send(res, gateway.model(caller.get(), req.path().pathParameters().get("name"), format).toString());
            } catch (LlmException e) {
                ModelGateway.writeError(sink, format, e);
            }
        }
    }

    private Optional<Caller> authenticate(ServerRequest req, HelidonSink sink, WireFormat format) {
        String token = token(req);
        try {
            if (token == null) {
                throw new InvalidTokenException("missing task token (send Authorization: Bearer TOKEN or x-api-key: TOKEN)");
            }
            return Optional.of(caller(verifier.verify(token, resource.get())));
        } catch (InvalidTokenException e) {
            String reason = e.getMessage() == null ? "invalid token" : e.getMessage();
            ModelGateway.writeError(sink, format, new LlmException(LlmException.Kind.UNAUTHENTICATED, "invalid_api_key", reason),
                    Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\""
                            + reason.replace("\"", "'") + "\""));
            return Optional.empty();
        }
    }

    static String token(ServerRequest req) {
        Optional<String> authorization = req.headers().first(HeaderNames.AUTHORIZATION);
        if (authorization.isPresent()) {
            String value = authorization.get().trim();
            if (value.regionMatches(true, 0, "Bearer ", 0, 7) && value.length() > 7) {
                return value.substring(7).trim();
            }
        }
        return req.headers().first(HeaderNames.create("x-api-key")).map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
    }

    /** The routing view of a verified token; the token itself rides along for the policy gate. */
    public static Caller caller(VerifiedToken token) {
        return new Caller(token.tokenId(), token.subject(), token.clientId(), token.actorChain(), token.taskId(),
                token.traceRoot(), token.scopes(), token);
    }

    private static WireFormat formatOf(ServerRequest req) {
        return req.headers().contains(HeaderNames.create(ANTHROPIC_VERSION)) ? WireFormat.ANTHROPIC : WireFormat.OPENAI;
    }

    private static void send(ServerResponse res, String json) {
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
