package dev.agentbroker.broker.policy;

import java.util.ArrayList;
import java.util.List;

import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.model.schema.Schema;

/**
 * Builds a snapshot the loader would refuse, to prove the evaluator still fails closed if an
 * erring policy ever reached it (defence in depth beneath strict validation). Tests only.
 */
public final class UnvalidatedSnapshots {
    private UnvalidatedSnapshots() {
    }

    /** The policies of {@code cedar}, parsed and cached but not validated, with their {@code @id}s as ids. */
    public static PolicySnapshot of(String cedar) throws Exception {
        return of(cedar, cedar);
    }

    /**
     * As {@link #of(String)}, but requests are pruned to what the policies of {@code readsFrom}
     * read: proves that a policy reading what pruning omitted fails closed.
     */
    public static PolicySnapshot of(String cedar, String readsFrom) throws Exception {
        Schema schema = Schema.parse(Schema.JsonOrCedar.Cedar, PolicyFiles.schemaText());
        schema.cache();
        List<String> ids = new ArrayList<>();
        java.util.Set<Policy> policies = new java.util.HashSet<>();
        for (Policy p : PolicySet.parsePolicies(cedar).policies) {
            String id = p.getAnnotation("id");
            ids.add(id);
            policies.add(new Policy(p.policySrc, id));
        }
        PolicySet set = new PolicySet(policies);
        set.cache();
        PolicyReads reads = PolicyReads.of(PolicySet.parsePolicies(readsFrom).policies.stream().map(p -> p.policySrc).toList());
        return new PolicySnapshot("sha256:unvalidated", "test", ids, set, schema, reads);
    }
}
