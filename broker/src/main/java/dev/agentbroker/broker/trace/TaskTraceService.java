package dev.agentbroker.broker.trace;

import static dev.agentbroker.broker.JsonFactories.JSON;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dev.agentbroker.broker.audit.AuditEvent;
import dev.agentbroker.broker.audit.AuditSink;
import dev.agentbroker.broker.http.JsonResponses;
import dev.agentbroker.broker.token.InvalidTokenException;
import dev.agentbroker.broker.token.TokenVerifier;
import dev.agentbroker.broker.token.VerifiedToken;

/**
 * {@code GET /admin/tasks/{task}}: the task's {@link TraceTree} as JSON. The caller presents
 * a task token for resource {@code <base>/admin} with scope {@code admin} (401 without a
 * valid token, 403 without the scope, RFC 6750 section 3). Each read is itself audited
 * ({@code admin.task_viewed}) before the answer, so it fails closed with 503 when the log
 * cannot write. Thread-safe.
 */
public final class TaskTraceService implements HttpService {
    static final String SCOPE = "admin";
    private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,200}");

    private final Path auditDir;
    private final AuditSink audit;
    private final TokenVerifier verifier;
    private final Supplier<String> resource;

    /**
     * @param resource the absolute URL admin tokens are issued for, {@code <base>/admin}
     */
    public TaskTraceService(Path auditDir, AuditSink audit, TokenVerifier verifier, Supplier<String> resource) {
        this.auditDir = auditDir;
        this.audit = audit;
        this.verifier = verifier;
        this.resource = resource;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/admin/tasks/{task}", this::task);
    }

    private void task(ServerRequest req, ServerResponse res) {
        Optional<VerifiedToken> admin = authenticate(req, res);
        if (admin.isEmpty()) {
            return;
        }
        String task = req.path().pathParameters().get("task");
        if (!TASK_ID.matcher(task).matches()) {
            error(res, Status.BAD_REQUEST_400, "invalid_request", "task id must be 1-200 characters of A-Z a-z 0-9 . _ : @ -");
            return;
        }
        TraceTree tree = load(task);
        VerifiedToken t = admin.get();
        audit.record(AuditEvent.builder("admin.task_viewed").user(t.subject()).actors(t.actorChain()).client(t.clientId())
                .tokenId(t.tokenId()).action("view_trace", "Task::\"" + task + "\"").decision("allow", null, null)
                .outcome(tree.isEmpty() ? "not_found" : "ok", -1).attribute("viewed_task", task).build());
        if (tree.isEmpty()) {
            error(res, Status.NOT_FOUND_404, "not_found", "no audit records for task " + task);
            return;
        }
        JsonResponses.send(res, Status.OK_200, tree.toJson());
    }

    private TraceTree load(String task) {
        try {
            return TraceTree.load(auditDir, task);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log", e);
        }
    }

    private Optional<VerifiedToken> authenticate(ServerRequest req, ServerResponse res) {
        String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse("").trim();
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"admin\", scope=\"" + SCOPE + "\"");
            error(res, Status.UNAUTHORIZED_401, "invalid_token", "missing bearer token (Authorization: Bearer TOKEN)");
            return Optional.empty();
        }
        try {
            VerifiedToken token = verifier.verify(header.substring(7).trim(), resource.get());
            if (!token.scopes().contains(SCOPE)) {
                res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", scope=\"" + SCOPE + "\"");
                error(res, Status.FORBIDDEN_403, "insufficient_scope", "the token lacks scope admin");
                return Optional.empty();
            }
            return Optional.of(token);
        } catch (InvalidTokenException e) {
            String reason = e.getMessage() == null ? "invalid token" : e.getMessage().replace("\"", "'");
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\", error_description=\"" + reason + "\"");
            error(res, Status.UNAUTHORIZED_401, "invalid_token", reason);
            return Optional.empty();
        }
    }

    private static void error(ServerResponse res, Status status, String code, String description) {
        JsonResponses.send(res, status, JSON.createObjectBuilder().add("error", code).add("error_description", description).build());
    }
}
