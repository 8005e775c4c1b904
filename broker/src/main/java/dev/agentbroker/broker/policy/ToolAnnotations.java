package dev.agentbroker.broker.policy;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The MCP tool annotations (MCP specification 2025-06-18, "Tool annotations") as declared by
 * the upstream, each null when absent. Policies see the effective values, which use the
 * specification's defaults for absent hints: read-only false, destructive true (only
 * meaningful when not read-only), idempotent false, open-world true. Absent hints therefore
 * never make a tool look safer than it claims. Immutable.
 */
public record ToolAnnotations(Boolean readOnlyHint, Boolean destructiveHint, Boolean idempotentHint,
                              Boolean openWorldHint) {
    /** No annotation declared. */
    public static final ToolAnnotations NONE = new ToolAnnotations(null, null, null, null);

    /** Reads the {@code annotations} object of a {@code tools/list} entry; null or non-boolean hints count as absent. */
    public static ToolAnnotations fromJson(JsonObject annotations) {
        if (annotations == null) {
            return NONE;
        }
        return new ToolAnnotations(hint(annotations, "readOnlyHint"), hint(annotations, "destructiveHint"),
                hint(annotations, "idempotentHint"), hint(annotations, "openWorldHint"));
    }

    public boolean readOnly() {
        return Boolean.TRUE.equals(readOnlyHint);
    }

    public boolean destructive() {
        return !readOnly() && !Boolean.FALSE.equals(destructiveHint);
    }

    public boolean idempotent() {
        return Boolean.TRUE.equals(idempotentHint);
    }

    public boolean openWorld() {
        return !Boolean.FALSE.equals(openWorldHint);
    }

    private static Boolean hint(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == JsonValue.TRUE) {
            return true;
        }
        return v == JsonValue.FALSE ? Boolean.FALSE : null;
    }
}
