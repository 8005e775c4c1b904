package dev.agentbroker.broker.policy;

import java.time.Instant;
import java.util.List;

import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.model.schema.Schema;

/**
 * One validated policy set ready to enforce: the Cedar {@code PolicySet} and
 * {@code Schema}, both cached in the native engine (an uncached one silently re-parses on
 * every call), plus its version (a digest of the files), where it came from, and what its
 * policies can read ({@link PolicyReads}) and which of them can apply to a call
 * ({@link PolicySlices}), both worked out once. Each Cedar policy's id is its
 * {@code @id} annotation, so determining policies need no mapping.
 * Immutable; a reload builds a new snapshot and swaps it.
 */
public final class PolicySnapshot {
    private final String version;
    private final String source;
    private final List<String> policyIds;
    private final Instant loadedAt;
    private final PolicySet policies;
    private final Schema schema;
    private final PolicyReads reads;
    private final PolicySlices slices;

    PolicySnapshot(String version, String source, List<String> policyIds, PolicySet policies, Schema schema) {
        this(version, source, policyIds, policies, schema,
                PolicyReads.of(policies.policies.stream().map(p -> p.policySrc).toList()));
    }

    PolicySnapshot(String version, String source, List<String> policyIds, PolicySet policies, Schema schema,
                   PolicyReads reads) {
        this.reads = reads;
        this.slices = new PolicySlices(policies, reads);
        this.version = version;
        this.source = source;
        this.policyIds = List.copyOf(policyIds);
        this.loadedAt = Instant.now();
        this.policies = policies;
        this.schema = schema;
    }

    /** The policy-set version recorded with every decision: {@code sha256:} and 16 hex digits of the files. */
    public String version() {
        return version;
    }

    /** The directory or built-in set it was loaded from. */
    public String source() {
        return source;
    }

    /** Every policy's {@code @id}, sorted. */
    public List<String> policyIds() {
        return policyIds;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    PolicySet policies() {
        return policies;
    }

    Schema schema() {
        return schema;
    }

    PolicyReads reads() {
        return reads;
    }

    PolicySlices slices() {
        return slices;
    }
}
