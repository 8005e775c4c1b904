package dev.agentbroker.broker.policy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.value.CedarList;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.PrimBool;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;

/** The entity types of agent-broker.cedarschema and small builders for their values. */
final class CedarTypes {
    static final EntityTypeName GROUP = type("Group");
    static final EntityTypeName USER = type("User");
    static final EntityTypeName AGENT_CLASS = type("AgentClass");
    static final EntityTypeName AGENT = type("Agent");
    static final EntityTypeName MODEL_FAMILY = type("ModelFamily");
    static final EntityTypeName PROVIDER = type("Provider");
    static final EntityTypeName MODEL = type("Model");
    static final EntityTypeName SERVER = type("McpServer");
    static final EntityTypeName TOOL_GROUP = type("ToolGroup");
    static final EntityTypeName TOOL = type("Tool");
    static final EntityTypeName RESOURCE = type("McpResource");
    static final EntityTypeName PROMPT = type("Prompt");
    static final EntityTypeName AUDIENCE = type("Audience");
    static final EntityTypeName ARGUMENTS = type("Arguments");
    static final EntityTypeName ACTION = type("Action");

    private CedarTypes() {
    }

    private static EntityTypeName type(String name) {
        return EntityTypeName.parse(name).orElseThrow();
    }

    static CedarList strings(Iterable<String> values) {
        CedarList list = new CedarList();
        for (String v : values) {
            list.add(new PrimString(v));
        }
        return list;
    }

    static CedarList uids(Iterable<EntityUID> values) {
        CedarList list = new CedarList();
        for (EntityUID v : values) {
            list.add(v);
        }
        return list;
    }

    static PrimBool bool(boolean b) {
        return new PrimBool(b);
    }

    static Entity entity(EntityUID uid, Map<String, Value> attrs, Set<EntityUID> parents) {
        return new Entity(uid, new HashMap<>(attrs), Set.copyOf(parents));
    }
}
