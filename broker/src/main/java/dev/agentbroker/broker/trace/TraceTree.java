package dev.agentbroker.broker.trace;

import static dev.agentbroker.broker.JsonFactories.JSON;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import dev.agentbroker.broker.audit.AuditReader;

/**
 * One task's tree, built from its audit records: the user at the root, an agent node per
 * actor chain (a sub-agent under the agent that delegated to it), and each event under the
 * event whose span is its {@code parent_span}, else under its acting agent. A
 * {@code tool.call} is linked to the latest earlier {@code model.call} of the same task whose
 * {@code tool_calls} asked for it (same {@code tool_call_id}, else same tool name and
 * argument digest). Used by {@code bin/broker trace} and {@code GET /admin/tasks/{task}}.
 * Immutable once built.
 */
public final class TraceTree {
    private final String task;
    private final Node root;
    private final int records;
    private final String traceId;

    private TraceTree(String task, Node root, int records, String traceId) {
        this.task = task;
        this.root = root;
        this.records = records;
        this.traceId = traceId;
    }

    /** The tree of {@code task} from the log in {@code auditDir}; empty (no records) when the task is unknown. */
    public static TraceTree load(Path auditDir, String task) throws IOException {
        List<JsonObject> events = new ArrayList<>();
        AuditReader.scan(auditDir, "\"task\":" + JSON.createValue(task), r -> task.equals(r.getString("task", null)),
                r -> events.add(r));
        return of(task, events);
    }

    /** The tree of {@code task} from its records in log order. */
    public static TraceTree of(String task, List<JsonObject> events) {
        Node root = new Node("user", events.stream().map(e -> e.getString("user", null)).filter(u -> u != null)
                .findFirst().orElse("(unknown user)"), null);
        Map<String, Node> agents = new HashMap<>();
        Map<String, Node> spans = new HashMap<>();
        List<Node> modelCalls = new ArrayList<>();
        for (JsonObject e : events) {
            Node node = new Node("event", e.getString("type"), e);
            String parentSpan = e.getString("parent_span", null);
            Node parent = parentSpan != null && spans.containsKey(parentSpan) ? spans.get(parentSpan) : agent(root, agents, chain(e));
            parent.children.add(node);
            if (e.getString("span", null) != null) {
                spans.putIfAbsent(e.getString("span"), node);
            }
            if ("model.call".equals(node.label)) {
                modelCalls.add(node);
            } else if ("tool.call".equals(node.label)) {
                node.link = ToolCallLink.find(e, modelCalls);
            }
        }
        String trace = events.stream().map(e -> e.getString("trace", null)).filter(t -> t != null).findFirst().orElse(null);
        return new TraceTree(task, root, events.size(), trace);
    }

    public boolean isEmpty() {
        return records == 0;
    }

    public String task() {
        return task;
    }

    public String traceId() {
        return traceId;
    }

    public int records() {
        return records;
    }

    Node root() {
        return root;
    }

    /** The tree as the admin API's JSON document (docs/audit.md, "Trace API"). */
    public JsonObject toJson() {
        JsonObjectBuilder doc = JSON.createObjectBuilder().add("task", task).add("records", records);
        if (traceId != null) {
            doc.add("trace", traceId);
        }
        return doc.add("tree", json(root)).build();
    }

    /** The tree drawn for a terminal. */
    public String render() {
        return TreeText.render(this);
    }

    private static JsonObject json(Node node) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("kind", node.kind);
        if (node.record == null) {
            b.add("name", node.label);
        } else {
            node.record.forEach((k, v) -> {
                if (!k.equals("prev") && !k.equals("hash")) {
                    b.add(k, v);
                }
            });
        }
        if (node.link != null) {
            b.add("linked_model_call", JSON.createObjectBuilder().add("seq", node.link.modelCallSeq())
                    .add("tool_call_id", node.link.toolCallId()));
        }
        JsonArrayBuilder children = JSON.createArrayBuilder();
        node.children.forEach(c -> children.add(json(c)));
        return b.add("children", children).build();
    }

    private static List<String> chain(JsonObject e) {
        JsonArray actors = e.getJsonArray("actors");
        List<String> chain = new ArrayList<>();
        if (actors != null) {
            actors.getValuesAs(jakarta.json.JsonString.class).forEach(s -> chain.add(s.getString()));
        }
        if (chain.isEmpty() && e.getString("client", null) != null) {
            chain.add(e.getString("client"));
        }
        return chain;
    }

    private static Node agent(Node root, Map<String, Node> agents, List<String> chain) {
        Node parent = root;
        for (int i = 0; i < chain.size(); i++) {
            String key = String.join("\u0000", chain.subList(0, i + 1));
            Node p = parent;
            String name = chain.get(i);
            parent = agents.computeIfAbsent(key, k -> {
                Node n = new Node("agent", name, null);
                p.children.add(n);
                return n;
            });
        }
        return parent;
    }

    /** Parses a {@code tool_calls} attribute: a JSON array, or its text. */
    static JsonArray toolCalls(JsonObject modelCall) {
        JsonObject attributes = modelCall.getJsonObject("attributes");
        JsonValue calls = attributes == null ? null : attributes.get("tool_calls");
        if (calls instanceof JsonArray array) {
            return array;
        }
        if (calls instanceof jakarta.json.JsonString text) {
            try (JsonReader reader = JSON.createReader(new StringReader(text.getString()))) {
                return reader.readArray();
            } catch (RuntimeException e) {
                return JsonValue.EMPTY_JSON_ARRAY;
            }
        }
        return JsonValue.EMPTY_JSON_ARRAY;
    }

    /** One node: the user, an agent, or an event with its record. */
    static final class Node {
        final String kind;
        final String label;
        final JsonObject record;
        final List<Node> children = new ArrayList<>();
        ToolCallLink link;

        Node(String kind, String label, JsonObject record) {
            this.kind = kind;
            this.label = label;
            this.record = record;
        }
    }
}
