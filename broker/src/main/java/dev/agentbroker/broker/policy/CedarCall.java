package dev.agentbroker.broker.policy;

import java.util.Map;
import java.util.Set;

import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.Value;

/** One request translated to Cedar: the three ids, the context and the minimal entity slice. */
record CedarCall(EntityUID principal, EntityUID action, EntityUID resource, Map<String, Value> context,
                 Set<Entity> entities) {
}
