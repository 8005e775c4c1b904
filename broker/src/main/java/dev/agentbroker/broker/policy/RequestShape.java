package dev.agentbroker.broker.policy;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.Value;

/**
 * The part of agent-broker.cedarschema's request shapes that varies between requests, checked
 * in Java on every request instead of Cedar's per-request validation: each action's resource
 * type and its context's top-level fields (which are present depends on the action, the
 * approval and the target). Everything below them is built unconditionally by
 * {@link RequestTranslator}; {@code TranslatorSchemaConformanceTest} validates every shape it
 * produces against the schema itself. A mismatch is a bug in the broker, and a deny.
 */
final class RequestShape {
    private static final Set<String> COMMON = Set.of("now", "delegation", "token", "task", "budgets");
    private static final String OPTIONAL = "approval";
    private static final Map<PolicyAction, Shape> SHAPES = new EnumMap<>(PolicyAction.class);

    private record Shape(EntityTypeName resource, String extra) {
    }

    static {
        SHAPES.put(PolicyAction.INVOKE_MODEL, new Shape(CedarTypes.MODEL, null));
        SHAPES.put(PolicyAction.CALL_TOOL, new Shape(CedarTypes.TOOL, "args"));
        SHAPES.put(PolicyAction.LIST_TOOLS, new Shape(CedarTypes.SERVER, null));
        SHAPES.put(PolicyAction.READ_RESOURCE, new Shape(CedarTypes.RESOURCE, null));
        SHAPES.put(PolicyAction.GET_PROMPT, new Shape(CedarTypes.PROMPT, "args"));
        SHAPES.put(PolicyAction.EXCHANGE_TOKEN, new Shape(CedarTypes.AUDIENCE, "requestedScopes"));
    }

    private RequestShape() {
    }

    /** Throws a {@link PolicyException} unless {@code resource} and {@code context} have {@code action}'s shape. */
    static void check(PolicyAction action, EntityUID resource, Map<String, Value> context) {
        Shape shape = SHAPES.get(action);
        if (!resource.getType().equals(shape.resource)) {
            throw new PolicyException(action.cedarName() + " on a " + resource.getType() + " (schema: "
                    + shape.resource + ")");
        }
        int expected = COMMON.size() + (shape.extra == null ? 0 : 1) + (context.containsKey(OPTIONAL) ? 1 : 0);
        boolean complete = context.keySet().containsAll(COMMON) && (shape.extra == null || context.containsKey(shape.extra));
        if (!complete || context.size() != expected) {
            throw new PolicyException(action.cedarName() + " context has fields " + context.keySet().stream().sorted().toList()
                    + ", not the schema's");
        }
    }
}
