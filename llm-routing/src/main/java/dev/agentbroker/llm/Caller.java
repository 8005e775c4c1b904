package dev.agentbroker.llm;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, as far as routing, scope checks, budgets and correlation need to know:
 * built by the host from a verified task token. Never carries the token itself. Immutable.
 *
 * @param tokenId    the token's {@code jti}
 * @param user       the human the task acts for ({@code sub})
 * @param agent      the presenting agent ({@code client_id})
 * @param actorChain the agents of the delegation, root first
 * @param taskId     the task identifier, or null when the token has none
 * @param traceId    the task's W3C trace id, or null
 * @param scopes     the token's scopes, e.g. {@code model:gpt-4o}, {@code model:*}
 * @param identity   the host's own verified identity object for the caller (the broker puts
 *                   its verified token here for its {@link CallGate}); opaque to routing, may be null
 */
public record Caller(String tokenId, String user, String agent, List<String> actorChain, String taskId,
                     String traceId, Set<String> scopes, Object identity) {

    /** A caller without a host identity object. */
    public Caller(String tokenId, String user, String agent, List<String> actorChain, String taskId, String traceId,
                  Set<String> scopes) {
        this(tokenId, user, agent, actorChain, taskId, traceId, scopes, null);
    }

    public Caller {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(agent, "agent");
        actorChain = List.copyOf(actorChain);
        scopes = Set.copyOf(scopes);
    }

    /** Whether the scopes allow invoking model alias {@code model} ({@code model:NAME} or {@code model:*}). */
    public boolean mayUse(String model) {
        return scopes.contains("model:*") || scopes.contains("model:" + model);
    }

    /** The key budgets are counted under for the task: the task id, or the token id when there is none. */
    public String taskKey() {
        return taskId != null ? taskId : "token:" + tokenId;
    }
}
