package dev.agentbroker.llm;

import static dev.agentbroker.llm.JsonFactories.JSON;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.agentbroker.llm.provider.ProviderKind;
import dev.agentbroker.llm.provider.UpstreamRequest;
import dev.agentbroker.llm.routing.Deployment;
import dev.agentbroker.llm.routing.ModelAlias;
import dev.agentbroker.llm.routing.Routed;
import dev.agentbroker.llm.routing.Router;
import dev.agentbroker.llm.usage.BudgetLeft;
import dev.agentbroker.llm.usage.Budgets;
import dev.agentbroker.llm.usage.ModelCallListener;
import dev.agentbroker.llm.wire.ChatToMessagesRequest;
import dev.agentbroker.llm.wire.ErrorBodies;
import dev.agentbroker.llm.wire.Jsons;

/**
 * The model endpoints, independent of any web framework: validates the request, checks the
 * caller's scopes and budgets and the host's {@link CallGate}, routes to a deployment,
 * relays the answer (translating where dialects differ), charges usage and reports the call
 * to the {@link ModelCallListener}. Errors reach the client in its own dialect. Thread-safe.
 */
public final class ModelGateway {
    private static final Logger LOG = Logger.getLogger(ModelGateway.class.getName());

    private final Router router;
    private final Budgets budgets;
    private final CallGate gate;
    private final ModelCallListener listener;
    private final Clock clock;

    public ModelGateway(Router router, Budgets budgets, CallGate gate, ModelCallListener listener, Clock clock) {
        this.router = router;
        this.budgets = budgets;
        this.gate = gate;
        this.listener = listener;
        this.clock = clock;
    }

    /** What remains of {@code caller}'s budgets (for a policy context or an admin view). */
    public BudgetLeft budgetLeft(Caller caller) {
        return budgets.left(caller);
    }

    /** {@code GET /v1/models}: the aliases the caller may use, in {@code format}'s shape. */
    public JsonObject models(Caller caller, WireFormat format) {
        List<String> names = router.aliases().stream().map(ModelAlias::name).filter(caller::mayUse).sorted().toList();
        return ModelCatalog.list(names, format);
    }

    /** {@code GET /v1/models/{name}}: the alias, or a 404 in {@code format}'s shape. */
    public JsonObject model(Caller caller, String name, WireFormat format) {
        if (router.alias(name) == null || !caller.mayUse(name)) {
            throw notFound(name);
        }
        return ModelCatalog.entry(name, format);
    }

    /** Serves one POST to {@code endpoint}; never throws, every outcome goes to {@code sink}. */
    public void handle(Endpoint endpoint, Caller caller, byte[] body, ResponseSink sink) {
        CallLog log = new CallLog(caller, endpoint, System.nanoTime());
        Relay relay = new Relay(endpoint.format(), sink, log, listener, clock);
        try {
            JsonObject request = Jsons.requestObject(body);
            ModelAlias alias = authorize(endpoint, caller, request, log);
            long asked = System.nanoTime();
            Routed routed = router.route(alias, d -> serves(d, endpoint),
                    d -> d.provider().send(upstreamRequest(d, endpoint, request, log.stream)));
            log.upstreamNanos = System.nanoTime() - asked;
            log.routed(routed);
            relay.relay(routed, request, body.length, translates(routed.deployment(), endpoint));
            budgets.charge(caller, log.usage);
        } catch (LlmException e) {
            log.failed(e);
            relay.fail(e);
        } catch (UncheckedIOException e) {
            log.outcome = "client_closed";
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "model call failed unexpectedly", e);
            LlmException error = new LlmException(LlmException.Kind.UPSTREAM_ERROR, "the broker failed to handle this model call");
            log.failed(error);
            relay.fail(error);
        } finally {
            relay.report();
        }
    }

    private ModelAlias authorize(Endpoint endpoint, Caller caller, JsonObject request, CallLog log) {
        JsonValue model = request.get("model");
        if (!(model instanceof jakarta.json.JsonString name) || name.getString().isEmpty()) {
            throw new LlmException(LlmException.Kind.INVALID_REQUEST, "missing_model", "the request must name a model");
        }
        log.model = name.getString();
        JsonValue stream = request.getOrDefault("stream", JsonValue.FALSE);
        if (stream != JsonValue.TRUE && stream != JsonValue.FALSE && stream != JsonValue.NULL) {
            throw new LlmException(LlmException.Kind.INVALID_REQUEST, "stream must be true or false");
        }
        log.stream = stream == JsonValue.TRUE;
        validate(endpoint, request);
        ModelAlias alias = router.alias(log.model);
        if (alias == null) {
            throw notFound(log.model);
        }
        if (!caller.mayUse(log.model)) {
            throw new LlmException(LlmException.Kind.FORBIDDEN, "model_not_allowed",
                    "this task's token does not allow invoking model " + log.model + " (needs scope model:" + log.model + ")");
        }
        if (!listener.accepting()) {
            throw new LlmException(LlmException.Kind.UNAVAILABLE, "audit_unavailable",
                    "the broker cannot record model calls right now, so it refuses them");
        }
        BudgetLeft left = budgets.check(caller);
        CallGate.Verdict verdict = gate.check(new CallGate.Request(caller, endpoint, log.model, log.stream, left));
        log.verdict = verdict;
        if (!verdict.allowed()) {
            throw new LlmException(LlmException.Kind.FORBIDDEN, "policy_denied", verdict.reason());
        }
        return alias;
    }

    private static void validate(Endpoint endpoint, JsonObject request) {
        switch (endpoint) {
            case CHAT_COMPLETIONS, MESSAGES -> {
                if (!(request.get("messages") instanceof JsonArray messages) || messages.isEmpty()) {
                    throw new LlmException(LlmException.Kind.INVALID_REQUEST, "messages must be a non-empty array");
                }
                if (endpoint == Endpoint.MESSAGES && Jsons.number(request, "max_tokens") < 1) {
                    throw new LlmException(LlmException.Kind.INVALID_REQUEST, "max_tokens must be a positive integer");
                }
            }
            case EMBEDDINGS -> {
                if (request.get("input") == null) {
                    throw new LlmException(LlmException.Kind.INVALID_REQUEST, "input is required");
                }
            }
            case RESPONSES -> {
                if (request.get("input") == null) {
                    throw new LlmException(LlmException.Kind.INVALID_REQUEST, "input is required");
                }
            }
        }
    }

    /** Whether {@code d} can answer {@code endpoint}, natively or through translation. */
    static boolean serves(Deployment d, Endpoint endpoint) {
        ProviderKind kind = d.provider().spec().kind();
        if (!kind.supports(endpoint)) {
            return false;
        }
        return endpoint != Endpoint.MESSAGES || kind.speaks(WireFormat.ANTHROPIC);
    }

    private static boolean translates(Deployment d, Endpoint endpoint) {
        return !d.provider().spec().kind().speaks(endpoint.format());
    }

    private UpstreamRequest upstreamRequest(Deployment d, Endpoint endpoint, JsonObject request, boolean stream) {
        String upstream = d.upstreamModel();
        JsonObject body;
        Endpoint target = endpoint;
        if (translates(d, endpoint)) {
            body = ChatToMessagesRequest.translate(request, upstream);
            target = Endpoint.MESSAGES;
        } else {
            body = JSON.createObjectBuilder(request).add("model", upstream).build();
        }
        return new UpstreamRequest(target, upstream, body.toString().getBytes(StandardCharsets.UTF_8), stream,
                d.timeouts(), clock.instant().plus(d.timeouts().total()));
    }

    private static LlmException notFound(String model) {
        return new LlmException(LlmException.Kind.MODEL_NOT_FOUND, "model_not_found",
                "the model " + model + " does not exist on this broker");
    }

    /** Writes {@code error} as a complete response in {@code format}; for hosts reporting their own errors. */
    public static void writeError(ResponseSink sink, WireFormat format, LlmException error) {
        writeError(sink, format, error, error.kind() == LlmException.Kind.BUDGET_EXHAUSTED
                ? Map.of("x-should-retry", "false") : Map.of());
    }

    /** Writes {@code error} with extra response headers (e.g. {@code WWW-Authenticate}). */
    public static void writeError(ResponseSink sink, WireFormat format, LlmException error, Map<String, String> headers) {
        try (OutputStream out = sink.start(error.kind().status(), "application/json", headers)) {
            out.write(ErrorBodies.bytes(format, error));
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.FINE, "client went away before its error was written", e);
        }
    }
}
