package dev.agentbroker.broker.policy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One request stored as JSON (a file of a set's {@code ALLOW/} or {@code DENY/} folder, or the
 * input of {@code policy explain}), in the broker's own terms rather than raw Cedar:
 * {@code human}, {@code groups}, {@code chain}, {@code scopes}, {@code action},
 * {@code resource}, {@code arguments}, {@code budgets}, {@code approval}... (format in
 * docs/policies.md). Immutable.
 *
 * @param name           the file name
 * @param description    what the case shows
 * @param request        the request it describes
 * @param expectErrors   for a DENY case: whether the denial must carry an evaluation error
 */
public record PolicyCase(String name, String description, PolicyRequest request, boolean expectErrors) {
    /** The fixed clock of cases that do not give {@code now}: 2026-01-01T00:00:00Z. */
    static final long DEFAULT_NOW = 1767225600L;

    /** Reads one case file. */
    public static PolicyCase read(Path file) {
        CaseJson json = CaseJson.read(file);
        return new PolicyCase(file.getFileName().toString(), json.string("description", ""), request(json),
                json.bool("expectErrors", false));
    }

    static PolicyRequest request(CaseJson json) {
        Instant now = Instant.ofEpochSecond(json.number("now", DEFAULT_NOW));
        List<String> chain = json.strings("chain");
        String client = json.string("client", chain.isEmpty() ? null : chain.get(chain.size() - 1));
        if (client == null) {
            throw json.error("client", "required when chain is empty");
        }
        String human = json.string("human", null);
        Delegation delegation = new Delegation(human, human == null ? List.of() : json.strings("groups"), chain,
                client, json.string("tokenId", "case-token"), json.string("task", "case-task"),
                json.stringSet("scopes"), now.minusSeconds(json.number("tokenAgeSeconds", 30)),
                now.plusSeconds(json.number("tokenExpiresInSeconds", 270)));
        PolicyRequest.Builder builder = PolicyRequest.builder(delegation, target(json))
                .agent(json.string("agent", client)).now(now).taskLabels(json.stringSet("labels"))
                .arguments(json.raw("arguments"));
        if (json.has("budgets")) {
            CaseJson b = json.child("budgets");
            builder.budgets(new Budgets(b.number("tokensUsed", 0), b.number("tokensLeft", Long.MAX_VALUE),
                    b.number("toolCallsUsed", 0), b.number("toolCallsLeft", Long.MAX_VALUE)));
        }
        if (json.has("approval")) {
            CaseJson a = json.child("approval");
            builder.approval(new Approval(a.string("approver"), Instant.ofEpochSecond(a.number("approvedAt",
                    now.getEpochSecond()))));
        }
        return builder.build();
    }

    private static Target target(CaseJson json) {
        PolicyAction action = PolicyAction.fromCedarName(json.string("action"));
        CaseJson r = json.child("resource");
        try {
            return switch (action) {
                case INVOKE_MODEL -> new Target.Model(r.string("model"));
                case CALL_TOOL -> new Target.Tool(r.string("server"), r.string("tool"));
                case LIST_TOOLS -> new Target.ToolList(r.string("server"));
                case READ_RESOURCE -> new Target.Resource(r.string("server"), r.string("uri"));
                case GET_PROMPT -> new Target.Prompt(r.string("server"), r.string("prompt"));
                case EXCHANGE_TOKEN -> new Target.TokenExchange(r.string("audience"), r.stringSet("scopes"));
            };
        } catch (IllegalArgumentException e) {
            throw json.error("resource", e.getMessage());
        }
    }
}
