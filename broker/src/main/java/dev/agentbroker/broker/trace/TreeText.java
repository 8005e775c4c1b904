package dev.agentbroker.broker.trace;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Draws a {@link TraceTree} for a terminal: one line per node, with decisions, policies and links. */
final class TreeText {
    private TreeText() {
    }

    static String render(TraceTree tree) {
        StringBuilder out = new StringBuilder();
        out.append("task ").append(tree.task()).append(" (");
        if (tree.traceId() != null) {
            out.append("trace ").append(tree.traceId()).append(", ");
        }
        out.append(tree.records()).append(" records)\n");
        TraceTree.Node root = tree.root();
        out.append("user ").append(root.label).append('\n');
        children(out, root, "");
        return out.toString();
    }

    private static void children(StringBuilder out, TraceTree.Node node, String indent) {
        for (int i = 0; i < node.children.size(); i++) {
            boolean last = i == node.children.size() - 1;
            TraceTree.Node child = node.children.get(i);
            out.append(indent).append(last ? "└─ " : "├─ ").append(line(child)).append('\n');
            children(out, child, indent + (last ? "   " : "│  "));
        }
    }

    static String line(TraceTree.Node node) {
        if (node.record == null) {
            return node.kind + " " + node.label;
        }
        JsonObject r = node.record;
        List<String> parts = new ArrayList<>();
        parts.add("#" + r.get("seq") + " " + node.label);
        add(parts, r, "action");
        add(parts, r, "resource");
        String decision = r.getString("decision", null);
        if (decision != null) {
            String policies = ids(r.getJsonArray("policy_ids"));
            parts.add("-> " + ("deny".equals(decision) ? "DENY" : decision)
                    + (policies.isEmpty() ? "" : " by [" + policies + "]")
                    + (r.containsKey("policy_version") ? " (policies " + r.getString("policy_version") + ")" : ""));
        }
        add(parts, r, "outcome");
        if (r.containsKey("latency_us")) {
            parts.add(String.format("%.1f ms", r.getJsonNumber("latency_us").longValue() / 1000.0));
        }
        String asked = asked(r);
        if (!asked.isEmpty()) {
            parts.add("asked for: " + asked);
        }
        if (node.link != null) {
            parts.add("<- asked by model call #" + node.link.modelCallSeq() + " [" + node.link.toolCallId() + "]");
        }
        JsonObject a = r.getJsonObject("attributes");
        if (a != null && a.containsKey("reason")) {
            parts.add("reason: " + a.get("reason"));
        }
        return String.join("  ", parts);
    }

    private static void add(List<String> parts, JsonObject r, String field) {
        if (r.get(field) instanceof JsonString s) {
            parts.add(s.getString());
        }
    }

    private static String ids(JsonArray ids) {
        if (ids == null) {
            return "";
        }
        return String.join(", ", ids.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
    }

    private static String asked(JsonObject r) {
        List<String> calls = new ArrayList<>();
        for (JsonValue v : TraceTree.toolCalls(r)) {
            if (v instanceof JsonObject c) {
                calls.add(c.getString("name", "?") + " [" + c.getString("id", "") + "]");
            }
        }
        return String.join(", ", calls);
    }
}
