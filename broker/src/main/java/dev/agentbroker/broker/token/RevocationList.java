package dev.agentbroker.broker.token;

import java.time.Instant;

/**
 * Revoked task-token ids. A token is revoked when its own jti or any jti of its lineage is
 * listed, so revoking a token revokes everything exchanged from it. The embedded default is
 * {@link FileRevocationList}; a shared store (PostgreSQL) can implement this port when
 * several brokers serve. Implementations are thread-safe.
 */
public interface RevocationList {
    /** Lists {@code tokenId} as revoked; the entry may be forgotten after {@code expiresAt}. */
    void revoke(String tokenId, Instant expiresAt);

    boolean isRevoked(String tokenId);
}
