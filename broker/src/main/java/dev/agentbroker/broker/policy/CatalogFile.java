package dev.agentbroker.broker.policy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonValue;

/**
 * The {@code catalog.json} beside a policy set's ALLOW/DENY cases: the agents, models, MCP
 * servers and tools the cases refer to, in the shapes the live sources provide (tools with
 * their MCP {@code annotations} object as {@code tools/list} returns it), and the path roots.
 */
public record CatalogFile(EntityCatalog catalog, List<String> pathRoots) {
    static final String NAME = "catalog.json";

    /** Reads {@code dir/catalog.json}; an empty catalog (roots {@code /sandbox}) when there is none. */
    public static CatalogFile read(Path dir) {
        Path file = dir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return new CatalogFile(EntityCatalog.EMPTY, List.of("/sandbox"));
        }
        return parse(CaseJson.read(file));
    }

    static CatalogFile parse(CaseJson json) {
        List<AgentDescriptor> agents = new ArrayList<>();
        for (CaseJson a : json.objects("agents")) {
            agents.add(new AgentDescriptor(a.string("id"), new HashSet<>(a.strings("classes"))));
        }
        List<ModelDescriptor> models = new ArrayList<>();
        for (CaseJson m : json.objects("models")) {
            models.add(new ModelDescriptor(m.string("name"), m.string("provider"), m.string("family")));
        }
        EntityCatalog catalog = EntityCatalog.EMPTY.withAgents(agents).withModels(models);
        for (String server : json.strings("servers")) {
            catalog = catalog.withServer(server);
        }
        Map<String, List<ToolDescriptor>> tools = new LinkedHashMap<>();
        for (CaseJson t : json.objects("tools")) {
            JsonValue annotations = t.raw("annotations");
            ToolAnnotations a = annotations != null && annotations.getValueType() == JsonValue.ValueType.OBJECT
                    ? ToolAnnotations.fromJson(annotations.asJsonObject()) : ToolAnnotations.NONE;
            ToolDescriptor d = new ToolDescriptor(t.string("server"), t.string("name"), a,
                    new HashSet<>(t.strings("groups")));
            tools.computeIfAbsent(d.server(), k -> new ArrayList<>()).add(d);
        }
        for (Map.Entry<String, List<ToolDescriptor>> e : tools.entrySet()) {
            catalog = catalog.withTools(e.getKey(), e.getValue());
        }
        List<String> roots = json.has("pathRoots") ? json.strings("pathRoots") : List.of("/sandbox");
        return new CatalogFile(catalog, roots);
    }
}
