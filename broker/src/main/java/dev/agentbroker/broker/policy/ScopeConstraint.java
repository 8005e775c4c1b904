package dev.agentbroker.broker.policy;

import static dev.agentbroker.broker.JsonFactories.JSON;

import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;

import jakarta.json.JsonObject;

import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;

/**
 * One scope constraint of a policy (its principal, action or resource), read from Cedar's own
 * JSON form of the policy: {@code All}, {@code ==}, {@code in} (one entity or a list),
 * {@code is} (optionally {@code in}). Anything else (a template slot, a form this reader does
 * not know) admits every request, so a policy is only ever skipped when Cedar could not apply
 * it. Immutable.
 *
 * @param op       Cedar's operator; null admits everything
 * @param type     the entity type of {@code is}, or null
 * @param entities the entities of {@code ==} or {@code in}
 */
record ScopeConstraint(String op, EntityTypeName type, Set<EntityUID> entities) {
    static final ScopeConstraint ANY = new ScopeConstraint(null, null, Set.of());

    ScopeConstraint {
        entities = Set.copyOf(entities);
    }

    /** The three constraints of a policy in Cedar's JSON form: principal, action, resource. */
    static ScopeConstraint[] of(String policyJson) {
        JsonObject policy = JSON.createReader(new StringReader(policyJson)).readObject();
        return new ScopeConstraint[] {of(policy.getJsonObject("principal")), of(policy.getJsonObject("action")),
            of(policy.getJsonObject("resource"))};
    }

    private static ScopeConstraint of(JsonObject c) {
        String op = c.getString("op", "");
        Set<EntityUID> entities = new HashSet<>();
        if (c.containsKey("entity")) {
            entities.add(uid(c.getJsonObject("entity")));
        }
        if (c.containsKey("entities")) {
            c.getJsonArray("entities").forEach(e -> entities.add(uid(e.asJsonObject())));
        }
        if (c.containsKey("in")) {
            entities.add(uid(c.getJsonObject("in").getJsonObject("entity")));
        }
        boolean known = switch (op) {
            case "All" -> true;
            case "==", "in" -> !entities.isEmpty() && !c.containsKey("slot");
            case "is" -> c.containsKey("entity_type") && !c.containsKey("slot");
            default -> false;
        };
        if (!known) {
            return ANY;
        }
        EntityTypeName type = op.equals("is") ? EntityTypeName.parse(c.getString("entity_type")).orElseThrow() : null;
        return new ScopeConstraint(op, type, entities);
    }

    private static EntityUID uid(JsonObject e) {
        JsonObject plain = e.containsKey("__entity") ? e.getJsonObject("__entity") : e;
        return new EntityUID(EntityTypeName.parse(plain.getString("type")).orElseThrow(), plain.getString("id"));
    }

    /** Whether a request whose entity is {@code uid}, with these ancestors (itself included), can satisfy this. */
    boolean admits(EntityUID uid, Set<EntityUID> ancestorsOrSelf) {
        if (op == null) {
            return true;
        }
        return switch (op) {
            case "All" -> true;
            case "==" -> entities.contains(uid);
            case "in" -> entities.stream().anyMatch(ancestorsOrSelf::contains);
            case "is" -> uid.getType().equals(type) && (entities.isEmpty() || entities.stream().anyMatch(ancestorsOrSelf::contains));
            default -> true;
        };
    }
}
