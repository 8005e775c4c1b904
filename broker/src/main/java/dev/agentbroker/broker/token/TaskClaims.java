package dev.agentbroker.broker.token;

import java.util.List;
import java.util.Objects;

/**
 * The claims of one task token as the broker issues and reads them: the verified view
 * endpoints see, plus the token's lineage (the jtis of every token it was exchanged from,
 * root first, parent last), which makes revoking an ancestor revoke it too. Immutable.
 *
 * @param token   the claims
 * @param lineage ancestor token ids, root first; empty for a token exchanged from a user token
 */
public record TaskClaims(VerifiedToken token, List<String> lineage) {
    public TaskClaims {
        Objects.requireNonNull(token, "token");
        lineage = List.copyOf(lineage);
    }

    /** The RFC 8693 {@code act} claim of the chain: the current actor outermost; null for an agent acting for itself. */
    public java.util.Map<String, Object> act() {
        return TaskTokenCodec.act(token.actorChain());
    }
}
