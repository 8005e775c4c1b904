package dev.agentbroker.broker.policy;

import static dev.agentbroker.broker.policy.CedarTypes.strings;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.value.CedarMap;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.PrimLong;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Unknown;
import com.cedarpolicy.value.Value;

/**
 * Translates a {@link PolicyRequest} into a {@link CedarCall}: looks the principal, the
 * agents of the chain and the resource up in the {@link EntityCatalog} (an unknown one is a
 * {@link MissingEntityException}), builds the user and argument entities, and the context.
 * Sends the minimal slice: the entities the request names, never the whole catalog (Cedar
 * converts every entity on every call). Stateless apart from its canonicaliser; thread-safe.
 */
final class RequestTranslator {
    private static final String ARGUMENTS_ID = "call";
    private final ArgumentCanonicaliser canonicaliser;

    RequestTranslator(ArgumentCanonicaliser canonicaliser) {
        this.canonicaliser = canonicaliser;
    }

    /** The full request. */
    CedarCall translate(PolicyRequest request, EntityCatalog catalog) {
        return build(request, catalog, false);
    }

    /** The request with its arguments and approval unknown (for partial evaluation). */
    CedarCall translateWithoutCallDetails(PolicyRequest request, EntityCatalog catalog) {
        return build(request, catalog, true);
    }

    private CedarCall build(PolicyRequest request, EntityCatalog catalog, boolean unknownDetails) {
        Set<Entity> entities = new HashSet<>();
        Entity principal = agent(catalog, request.agent());
        entities.add(principal);
        Map<String, Value> context = new HashMap<>();
        context.put("now", new PrimLong(request.now().getEpochSecond()));
        context.put("delegation", delegation(request, catalog, principal, entities));
        context.put("token", token(request));
        context.put("task", new CedarMap(Map.of("id", new PrimString(request.delegation().taskId()),
                "labels", strings(request.taskLabels()))));
        context.put("budgets", budgets(request.budgets()));
        if (unknownDetails) {
            context.put("approval", new Unknown("approval"));
        } else {
            request.approval().ifPresent(a -> context.put("approval", new CedarMap(Map.of(
                    "approver", new PrimString(a.approver()),
                    "approvedAt", new PrimLong(a.approvedAt().getEpochSecond())))));
        }
        EntityUID resource = resource(request.target(), catalog, entities, context);
        if (request.action() == PolicyAction.CALL_TOOL || request.action() == PolicyAction.GET_PROMPT) {
            context.put("args", unknownDetails ? new Unknown("args") : arguments(request, entities));
        }
        RequestShape.check(request.action(), resource, context);
        EntityUID action = CedarTypes.ACTION.of(request.action().cedarName());
        return new CedarCall(principal.getEUID(), action, resource, context, entities);
    }

    private static Entity agent(EntityCatalog catalog, String id) {
        return catalog.agent(id).orElseThrow(() -> new MissingEntityException("unknown agent \"" + id + "\""));
    }

    private static Value delegation(PolicyRequest request, EntityCatalog catalog, Entity principal,
                                    Set<Entity> entities) {
        Delegation d = request.delegation();
        Set<EntityUID> chain = new LinkedHashSet<>();
        for (String id : d.chain()) {
            Entity agent = agent(catalog, id);
            entities.add(agent);
            chain.add(agent.getEUID());
        }
        EntityUID root = chain.isEmpty() ? principal.getEUID() : chain.iterator().next();
        chain.add(principal.getEUID());
        Map<String, Value> record = new HashMap<>();
        record.put("depth", new PrimLong(d.depth()));
        record.put("chain", CedarTypes.uids(chain));
        record.put("root", root);
        if (d.human() != null) {
            Set<EntityUID> groups = new HashSet<>();
            d.groups().forEach(g -> groups.add(CedarTypes.GROUP.of(g)));
            EntityUID user = CedarTypes.USER.of(d.human());
            entities.add(CedarTypes.entity(user, Map.of(), groups));
            record.put("human", user);
        }
        return new CedarMap(record);
    }

    private static Value token(PolicyRequest request) {
        Delegation d = request.delegation();
        long now = request.now().getEpochSecond();
        return new CedarMap(Map.of("id", new PrimString(d.tokenId()), "clientId", new PrimString(d.clientId()),
                "scopes", strings(d.scopes()),
                "ageSeconds", new PrimLong(Math.max(0, now - d.issuedAt().getEpochSecond())),
                "expiresInSeconds", new PrimLong(d.expiresAt().getEpochSecond() - now)));
    }

    private static Value budgets(Budgets b) {
        return new CedarMap(Map.of("tokensUsed", new PrimLong(b.tokensUsed()),
                "tokensLeft", new PrimLong(b.tokensLeft()), "toolCallsUsed", new PrimLong(b.toolCallsUsed()),
                "toolCallsLeft", new PrimLong(b.toolCallsLeft())));
    }

    private Value arguments(PolicyRequest request, Set<Entity> entities) {
        CanonicalArguments args = canonicaliser.canonicalise(request.arguments());
        EntityUID uid = CedarTypes.ARGUMENTS.of(ARGUMENTS_ID);
        Map<String, Value> tags = new HashMap<>();
        args.values().forEach((pointer, text) -> tags.put(pointer, new PrimString(text)));
        entities.add(new Entity(uid, new HashMap<>(), Set.of(), tags));
        return new CedarMap(Map.of("values", uid, "paths", strings(args.paths()), "hosts", strings(args.hosts()),
                "allPathsUnder", strings(args.allPathsUnder()), "count", new PrimLong(args.count())));
    }

    private static EntityUID resource(Target target, EntityCatalog catalog, Set<Entity> entities,
                                      Map<String, Value> context) {
        Entity entity = switch (target) {
            case Target.Model m -> catalog.model(m.name())
                    .orElseThrow(() -> new MissingEntityException("unknown model \"" + m.name() + "\""));
            case Target.Tool t -> catalog.tool(t.server(), t.name())
                    .orElseThrow(() -> new MissingEntityException("unknown tool \"" + t.server() + "/" + t.name() + "\""));
            case Target.ToolList l -> server(catalog, l.server());
            case Target.Resource r -> serverChild(catalog, r.server(), CedarTypes.RESOURCE.of(r.server() + "/" + r.uri()),
                    Map.of("uri", new PrimString(r.uri()), "scheme", new PrimString(scheme(r.uri()))));
            case Target.Prompt p -> serverChild(catalog, p.server(), CedarTypes.PROMPT.of(p.server() + "/" + p.name()),
                    Map.of("name", new PrimString(p.name())));
            case Target.TokenExchange x -> {
                context.put("requestedScopes", strings(x.requestedScopes()));
                yield CedarTypes.entity(CedarTypes.AUDIENCE.of(x.audience()),
                        Map.of("uri", new PrimString(x.audience())), Set.of());
            }
        };
        entities.add(entity);
        return entity.getEUID();
    }

    private static Entity server(EntityCatalog catalog, String server) {
        return catalog.server(server)
                .orElseThrow(() -> new MissingEntityException("unknown MCP server \"" + server + "\""));
    }

    private static Entity serverChild(EntityCatalog catalog, String server, EntityUID uid, Map<String, Value> own) {
        server(catalog, server);
        Map<String, Value> attrs = new HashMap<>(own);
        attrs.put("server", new PrimString(server));
        attrs.put("grantedBy", strings(java.util.List.of("mcp:*", "mcp:" + server)));
        return CedarTypes.entity(uid, attrs, Set.of(CedarTypes.SERVER.of(server)));
    }

    private static String scheme(String uri) {
        int colon = uri.indexOf(':');
        return colon > 0 ? uri.substring(0, colon).toLowerCase(java.util.Locale.ROOT) : "";
    }
}
