package dev.agentbroker.broker.mcp;

import static dev.agentbroker.broker.JsonFactories.JSON;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import dev.agentbroker.broker.http.JsonResponses;
import dev.agentbroker.broker.token.InvalidTokenException;
import dev.agentbroker.broker.token.TokenVerifier;
import dev.agentbroker.broker.token.VerifiedToken;
import dev.agentbroker.mcp.gateway.McpGateway;
import dev.agentbroker.mcp.gateway.PendingTool;

/**
 * The tool-approval admin API: {@code GET /admin/mcp/tools/pending} lists quarantined tool
 * definitions, {@code POST /admin/mcp/servers/{server}/tools/{tool}/approve} pins the waiting
 * definition (audited as {@code tool.approved}). Needs a bearer token for {@code <base>/admin}
 * with scope {@code admin}. {@code bin/broker tools} does the same on the pin file. Thread-safe.
 */
final class ToolAdminService implements HttpService {
    private final McpGateway gateway;
    private final TokenVerifier verifier;
    private final Supplier<URI> base;

    ToolAdminService(McpGateway gateway, TokenVerifier verifier, Supplier<URI> base) {
        this.gateway = gateway;
        this.verifier = verifier;
        this.base = base;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/admin/mcp/tools/pending", this::pending)
                .post("/admin/mcp/servers/{server}/tools/{tool}/approve", this::approve);
    }

    private void pending(ServerRequest req, ServerResponse res) {
        if (admin(req, res)) {
            JsonResponses.send(res, Status.OK_200, JSON.createObjectBuilder().add("pending", json(gateway.pendingTools())).build());
        }
    }

    private void approve(ServerRequest req, ServerResponse res) {
        if (!admin(req, res)) {
            return;
        }
        String server = req.path().pathParameters().get("server");
        String tool = req.path().pathParameters().get("tool");
        if (!gateway.hasServer(server)) {
            JsonResponses.send(res, Status.NOT_FOUND_404, error("not_found", "no MCP server named " + server));
            return;
        }
        List<PendingTool> approved = gateway.approve(server, tool);
        if (approved.isEmpty()) {
            JsonResponses.send(res, Status.NOT_FOUND_404, error("not_found", "no definition of " + server + "/" + tool
                    + " is waiting for approval"));
            return;
        }
        JsonResponses.send(res, Status.OK_200, JSON.createObjectBuilder().add("approved", json(approved)).build());
    }

    private boolean admin(ServerRequest req, ServerResponse res) {
        String resource = base.get() + "/admin";
        var token = BearerAuth.bearer(req);
        try {
            if (token.isEmpty()) {
                throw new InvalidTokenException("missing bearer token");
            }
            VerifiedToken verified = verifier.verify(token.get(), resource);
            if (!verified.scopes().contains("admin")) {
                res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", scope=\"admin\"");
                JsonResponses.send(res, Status.FORBIDDEN_403, error("insufficient_scope", "the token lacks scope admin"));
                return false;
            }
            return true;
        } catch (InvalidTokenException e) {
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            JsonResponses.send(res, Status.UNAUTHORIZED_401, error("invalid_token", String.valueOf(e.getMessage())));
            return false;
        }
    }

    static JsonArrayBuilder json(List<PendingTool> tools) {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (PendingTool p : tools) {
            JsonArrayBuilder flags = JSON.createArrayBuilder();
            p.flags().forEach(flags::add);
            out.add(JSON.createObjectBuilder().add("server", p.server()).add("tool", p.tool()).add("digest", p.digest())
                    .add("reason", p.reason()).add("flags", flags).add("description", p.description()).add("since", p.since()));
        }
        return out;
    }

    private static JsonObject error(String code, String description) {
        return JSON.createObjectBuilder().add("error", code).add("error_description", description).build();
    }
}
