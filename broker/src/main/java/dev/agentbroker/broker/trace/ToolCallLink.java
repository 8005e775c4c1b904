package dev.agentbroker.broker.trace;

import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Which model call asked for a tool call: the latest earlier {@code model.call} whose
 * {@code tool_calls} entry has the tool call's {@code tool_call_id}, or else the same tool
 * name and argument digest (digests compared without their {@code sha256:} prefix), the
 * same actor chain preferred. Immutable.
 *
 * @param modelCallSeq the model call's record seq
 * @param toolCallId   the id of the matching {@code tool_calls} entry
 */
record ToolCallLink(long modelCallSeq, String toolCallId) {

    static ToolCallLink find(JsonObject toolCall, List<TraceTree.Node> modelCalls) {
        JsonObject a = toolCall.getJsonObject("attributes");
        if (a == null) {
            return null;
        }
        String id = a.getString("tool_call_id", null);
        String name = a.getString("tool", null);
        String digest = bare(a.getString("argument_digest", null));
        if (id != null) {
            ToolCallLink byId = search(toolCall, modelCalls, call -> id.equals(call.getString("id", null)), false);
            if (byId != null) {
                return byId;
            }
        }
        if (name == null || digest == null) {
            return null;
        }
        java.util.function.Predicate<JsonObject> sameCall = call -> name.equals(call.getString("name", null))
                && digest.equals(bare(call.getString("argument_digest", null)));
        ToolCallLink sameActors = search(toolCall, modelCalls, sameCall, true);
        return sameActors != null ? sameActors : search(toolCall, modelCalls, sameCall, false);
    }

    /** The latest model call with a {@code tool_calls} entry matching {@code match}, optionally of the same actors. */
    private static ToolCallLink search(JsonObject toolCall, List<TraceTree.Node> modelCalls,
                                       java.util.function.Predicate<JsonObject> match, boolean sameActorsOnly) {
        for (int i = modelCalls.size() - 1; i >= 0; i--) {
            JsonObject model = modelCalls.get(i).record;
            if (sameActorsOnly && !sameActors(model, toolCall)) {
                continue;
            }
            for (JsonValue v : TraceTree.toolCalls(model)) {
                if (v instanceof JsonObject call && match.test(call)) {
                    return new ToolCallLink(model.getJsonNumber("seq").longValue(), call.getString("id", ""));
                }
            }
        }
        return null;
    }

    private static boolean sameActors(JsonObject a, JsonObject b) {
        return String.valueOf(a.get("actors")).equals(String.valueOf(b.get("actors")));
    }

    private static String bare(String digest) {
        return digest == null ? null : digest.startsWith("sha256:") ? digest.substring(7) : digest;
    }
}
