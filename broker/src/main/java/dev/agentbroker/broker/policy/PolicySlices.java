package dev.agentbroker.broker.policy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.model.exception.CacheException;
import com.cedarpolicy.model.exception.InternalException;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.value.EntityUID;

/**
 * The policies of one snapshot whose scope can match a call, as a native-cached
 * {@code PolicySet}: cedar-java clones the cached set on every call and evaluates every
 * policy in it, so a call on one server need not pay for the policies bound to eighty others.
 * A policy is left out only when its principal, action or resource constraint cannot hold
 * for the call's entities and hierarchy ({@link ScopeConstraint}); Cedar tests the scope
 * before the conditions, so such a policy can neither apply nor err, and the decision is the
 * same. A slice also knows what its own policies can read ({@link PolicyReads}), so a call is
 * pruned to what can matter to the policies deciding it, not to the whole set: a model call
 * decided by two policies carries two context fields and one entity, not the tool rules'
 * hierarchy. Each distinct slice is cached once (at most {@value #MAX_SLICES} per snapshot;
 * past that, and whenever caching fails, the whole set is used). No decision is cached.
 * Thread-safe.
 */
final class PolicySlices {
    static final int MAX_SLICES = 256;

    /** The policies that may decide a call, natively cached, and what they can read. */
    record Slice(PolicySet policies, PolicyReads reads) {
    }

    private final Slice all;
    private final List<Policy> policies = new ArrayList<>();
    private final List<ScopeConstraint[]> scopes = new ArrayList<>();
    private final Map<BitSet, Slice> slices = new ConcurrentHashMap<>();

    PolicySlices(PolicySet all, PolicyReads allReads) {
        this.all = new Slice(all, allReads);
        for (Policy p : all.policies) {
            policies.add(p);
            scopes.add(scope(p));
        }
    }

    private static ScopeConstraint[] scope(Policy p) {
        try {
            return ScopeConstraint.of(p.toJson());
        } catch (InternalException | RuntimeException e) {
            return new ScopeConstraint[] {ScopeConstraint.ANY, ScopeConstraint.ANY, ScopeConstraint.ANY};
        }
    }

    /** The slice of the policies that may apply to {@code call} (unpruned: its hierarchy decides the scopes). */
    Slice forCall(CedarCall call) {
        Map<EntityUID, Entity> byUid = new HashMap<>();
        call.entities().forEach(e -> byUid.put(e.getEUID(), e));
        Set<EntityUID> principal = ancestorsOrSelf(call.principal(), byUid);
        Set<EntityUID> resource = ancestorsOrSelf(call.resource(), byUid);
        Set<EntityUID> action = Set.of(call.action());
        BitSet matching = new BitSet(policies.size());
        for (int i = 0; i < policies.size(); i++) {
            ScopeConstraint[] s = scopes.get(i);
            if (s[0].admits(call.principal(), principal) && s[1].admits(call.action(), action)
                    && s[2].admits(call.resource(), resource)) {
                matching.set(i);
            }
        }
        if (matching.cardinality() == policies.size()) {
            return all;
        }
        Slice slice = slices.get(matching);
        if (slice == null && slices.size() < MAX_SLICES) {
            slice = slices.computeIfAbsent(matching, this::cached);
        }
        return slice == null ? all : slice;
    }

    private Slice cached(BitSet members) {
        Set<Policy> subset = new HashSet<>();
        members.stream().forEach(i -> subset.add(policies.get(i)));
        PolicySet set = new PolicySet(subset);
        try {
            set.cache();
            return new Slice(set, PolicyReads.of(subset.stream().map(p -> p.policySrc).toList()));
        } catch (CacheException | RuntimeException e) {
            return all;
        }
    }

    private static Set<EntityUID> ancestorsOrSelf(EntityUID uid, Map<EntityUID, Entity> byUid) {
        Set<EntityUID> out = new HashSet<>();
        Deque<EntityUID> todo = new ArrayDeque<>(List.of(uid));
        while (!todo.isEmpty()) {
            EntityUID next = todo.pop();
            Entity e = byUid.get(next);
            if (out.add(next) && e != null) {
                todo.addAll(e.getParents());
            }
        }
        return out;
    }
}
