package dev.agentbroker.llm;

import static dev.agentbroker.llm.JsonFactories.JSON;

import java.util.List;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Renders {@code GET /v1/models} in either dialect: only the aliases the caller's scopes allow. */
final class ModelCatalog {
    private ModelCatalog() {
    }

    static JsonObject list(List<String> names, WireFormat format) {
        JsonArrayBuilder data = JSON.createArrayBuilder();
        names.forEach(name -> data.add(entry(name, format)));
        if (format == WireFormat.OPENAI) {
            return JSON.createObjectBuilder().add("object", "list").add("data", data).build();
        }
        JsonObjectBuilder out = JSON.createObjectBuilder().add("data", data).add("has_more", false);
        if (names.isEmpty()) {
            out.addNull("first_id").addNull("last_id");
        } else {
            out.add("first_id", names.getFirst()).add("last_id", names.getLast());
        }
        return out.build();
    }

    static JsonObject entry(String name, WireFormat format) {
        if (format == WireFormat.OPENAI) {
            return JSON.createObjectBuilder().add("id", name).add("object", "model").add("created", 0)
                    .add("owned_by", "agent-broker").build();
        }
        return JSON.createObjectBuilder().add("type", "model").add("id", name).add("display_name", name)
                .add("created_at", "1970-01-01T00:00:00Z").build();
    }
}
