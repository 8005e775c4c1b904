package dev.agentbroker.broker.mcp;

import static dev.agentbroker.broker.JsonFactories.JSON;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonArrayBuilder;

import dev.agentbroker.broker.token.VerifiedToken;
import dev.agentbroker.mcp.frontend.OriginGuard;
import dev.agentbroker.mcp.frontend.StreamableHttpEndpoint;
import dev.agentbroker.mcp.gateway.McpGateway;
import dev.agentbroker.mcp.jsonrpc.JsonRpc;

/**
 * The MCP routes: {@code /mcp} (every permitted server, namespaced) and {@code /mcp/{server}}
 * (POST, GET, DELETE per MCP Streamable HTTP), their RFC 9728 protected-resource metadata under
 * {@code /.well-known/oauth-protected-resource/mcp...}, CORS for browser clients, and
 * {@code Host}/{@code Origin} validation before anything else. Thread-safe.
 */
final class McpService implements HttpService {
    private static final String EXPOSED = "WWW-Authenticate, Mcp-Session-Id, MCP-Protocol-Version";
    private static final String ALLOWED_HEADERS =
            "Authorization, Content-Type, Accept, Mcp-Session-Id, MCP-Protocol-Version, Last-Event-ID";

    private final StreamableHttpEndpoint endpoint;
    private final McpGateway gateway;
    private final BearerAuth auth;
    private final Supplier<URI> base;
    private final McpConfig config;
    private volatile OriginGuard guard;

    McpService(StreamableHttpEndpoint endpoint, McpGateway gateway, BearerAuth auth, Supplier<URI> base, McpConfig config) {
        this.endpoint = endpoint;
        this.gateway = gateway;
        this.auth = auth;
        this.base = base;
        this.config = config;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any("/mcp", (req, res) -> handle(null, req, res))
                .any("/mcp/{server}", (req, res) -> handle(req.path().pathParameters().get("server"), req, res))
                .any("/.well-known/oauth-protected-resource/mcp", (req, res) -> metadata(null, req, res))
                .any("/.well-known/oauth-protected-resource/mcp/{server}",
                        (req, res) -> metadata(req.path().pathParameters().get("server"), req, res));
    }

    private void handle(String view, ServerRequest req, ServerResponse res) {
        String origin = req.headers().first(HeaderNames.ORIGIN).orElse(null);
        OriginGuard g = guard();
        if (!g.hostAllowed(req.headers().first(HeaderNames.HOST).orElse(null)) || !g.originAllowed(origin)) {
            error(res, Status.FORBIDDEN_403, Map.of(), "Host or Origin header not allowed (DNS-rebinding protection; see mcp.allowed-hosts and mcp.allowed-origins)");
            return;
        }
        Map<String, String> cors = origin == null ? Map.of() : Map.of("Access-Control-Allow-Origin", origin,
                "Access-Control-Expose-Headers", EXPOSED, "Vary", "Origin");
        cors.forEach((n, v) -> res.header(HeaderNames.create(n), v));
        Method method = req.prologue().method();
        if (method == Method.OPTIONS) {
            preflight(res);
            return;
        }
        if (view != null && !gateway.hasServer(view)) {
            error(res, Status.NOT_FOUND_404, Map.of(), "no MCP server named " + view);
            return;
        }
        BearerAuth.Result who = auth.authenticate(req, base(), view);
        if (who.refusal() != null) {
            error(res, Status.UNAUTHORIZED_401, Map.of("WWW-Authenticate", who.refusal().challenge()), "authentication required");
            return;
        }
        VerifiedToken token = who.token();
        if (view != null && !gateway.mayConnect(token, view).allowed()) {
            error(res, Status.FORBIDDEN_403, Map.of("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"mcp:"
                    + view + "\""), "connect on " + view + " denied: the token's scopes do not include mcp:" + view);
            return;
        }
        dispatch(method, view, token, new HelidonExchange(req, res, Map.of()), req, res);
    }

    private void dispatch(Method method, String view, VerifiedToken token, HelidonExchange exchange,
                          ServerRequest req, ServerResponse res) {
        String owner = token.subject() + "|" + token.clientId();
        if (method == Method.POST) {
            byte[] body = req.content().hasEntity() ? req.content().as(byte[].class) : new byte[0];
            endpoint.post(view, token, owner, exchange, body);
        } else if (method == Method.GET) {
            endpoint.get(view, token, owner, exchange);
        } else if (method == Method.DELETE) {
            endpoint.delete(view, token, owner, exchange);
        } else {
            res.header(HeaderNames.ALLOW, "GET, POST, DELETE, OPTIONS");
            error(res, Status.METHOD_NOT_ALLOWED_405, Map.of(), "use POST, GET or DELETE");
        }
    }

    private void metadata(String view, ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.create("Access-Control-Allow-Origin"), "*");
        if (req.prologue().method() == Method.OPTIONS) {
            preflight(res);
            return;
        }
        if (view != null && !gateway.hasServer(view)) {
            error(res, Status.NOT_FOUND_404, Map.of(), "no MCP server named " + view);
            return;
        }
        String b = base();
        JsonArrayBuilder scopes = JSON.createArrayBuilder().add("mcp:*");
        (view == null ? gateway.servers() : List.of(view)).forEach(s -> scopes.add("mcp:" + s));
        var body = JSON.createObjectBuilder().add("resource", b + "/mcp" + (view == null ? "" : "/" + view))
                .add("authorization_servers", JSON.createArrayBuilder().add(b))
                .add("bearer_methods_supported", JSON.createArrayBuilder().add("header"))
                .add("scopes_supported", scopes)
                .add("resource_name", view == null ? "Agent Broker MCP gateway" : "Agent Broker MCP server " + view)
                .build();
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(JsonRpc.bytes(body));
    }

    private static void preflight(ServerResponse res) {
        res.status(Status.NO_CONTENT_204);
        res.header(HeaderNames.create("Access-Control-Allow-Methods"), "GET, POST, DELETE, OPTIONS");
        res.header(HeaderNames.create("Access-Control-Allow-Headers"), ALLOWED_HEADERS);
        res.header(HeaderNames.create("Access-Control-Max-Age"), "600");
        res.send();
    }

    private static void error(ServerResponse res, Status status, Map<String, String> headers, String message) {
        res.status(status);
        headers.forEach((n, v) -> res.header(HeaderNames.create(n), v));
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(JsonRpc.write(JsonRpc.error(null, JsonRpc.INVALID_REQUEST, message)).getBytes(StandardCharsets.UTF_8));
    }

    private String base() {
        return base.get().toString();
    }

    private OriginGuard guard() {
        OriginGuard g = guard;
        if (g == null) {
            g = OriginGuard.forBaseUrl(base.get(), Set.copyOf(config.allowedHosts()), Set.copyOf(config.allowedOrigins()));
            guard = g;
        }
        return g;
    }

}
