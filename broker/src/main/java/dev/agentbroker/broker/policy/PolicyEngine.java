package dev.agentbroker.broker.policy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.agentbroker.broker.audit.AuditEvent;
import dev.agentbroker.broker.audit.AuditSink;
import dev.agentbroker.broker.audit.AuditUnavailableException;

/**
 * Cedar at every model call and every tool invocation: answers {@link PolicyRequest}s with
 * {@link Decision}s from the enforced {@link PolicySnapshot}, which a reload swaps
 * atomically (a request sees one snapshot from start to end). Fails closed: an unknown
 * entity, an argument that cannot be canonicalised, a request not shaped as the schema says, a
 * Cedar failure or any evaluation error is a deny. With a shadow candidate installed, each
 * decision is also evaluated against the candidate on {@code shadowExecutor} and every
 * disagreement is counted and audited as {@code policy.shadow_disagreement}. Thread-safe.
 */
public final class PolicyEngine {
    private static final Logger LOG = Logger.getLogger(PolicyEngine.class.getName());

    private final AtomicReference<PolicySnapshot> enforced;
    private final AtomicReference<PolicySnapshot> candidate = new AtomicReference<>();
    private final EntityStore entities;
    private final RequestTranslator translator;
    private final CedarEvaluator evaluator = new CedarEvaluator();
    private final ListingCache listings = new ListingCache();
    private final AuditSink audit;
    private final Executor shadowExecutor;
    private final Timer latency;
    private final Map<PolicyAction, Counter[]> decisions = new EnumMap<>(PolicyAction.class);
    private final MeterRegistry registry;

    public PolicyEngine(PolicySnapshot initial, EntityStore entities, ArgumentCanonicaliser canonicaliser,
                        MeterRegistry registry, AuditSink audit, Executor shadowExecutor) {
        this.enforced = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
        this.entities = Objects.requireNonNull(entities, "entities");
        this.translator = new RequestTranslator(canonicaliser);
        this.audit = Objects.requireNonNull(audit, "audit");
        this.shadowExecutor = Objects.requireNonNull(shadowExecutor, "shadowExecutor");
        this.registry = registry;
        this.latency = Timer.builder("broker.policy.evaluation").description("Cedar decision latency")
                .register(registry);
        for (PolicyAction action : PolicyAction.values()) {
            decisions.put(action, new Counter[] {counter(registry, action, "allow"), counter(registry, action, "deny"),
                counter(registry, action, "error")});
        }
    }

    /** Decides {@code request} with the enforced policy set. Never throws for a bad request: it denies. */
    public Decision authorize(PolicyRequest request) {
        long start = System.nanoTime();
        PolicySnapshot snapshot = enforced.get();
        Decision decision;
        CedarCall call = null;
        try {
            call = translator.translate(request, entities.current());
            decision = decide(request, snapshot, call);
        } catch (PolicyException e) {
            decision = Decision.deny(request, List.of(), List.of("request: " + e.getMessage()), snapshot.version(),
                    " (" + e.getMessage() + ")");
        }
        latency.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        count(request.action(), decision);
        PolicySnapshot shadow = candidate.get();
        if (shadow != null && call != null) {
            compareLater(request, call, decision, shadow);
        }
        return decision;
    }

    /**
     * Whether {@code request}'s agent could ever be permitted this action on this target,
     * whatever the arguments and approval of a later call: the filter for {@code tools/list},
     * {@code resources/list} and {@code prompts/list}. Cedar evaluates partially with
     * {@code context.args} and {@code context.approval} unknown; the target is hidden when
     * the answer is Deny whatever they are, or when anything is missing or errs. Answers are
     * cached per policy snapshot and entity catalog on a clock rounded to 10 s ({@link ListingCache}).
     */
    public boolean couldPermit(PolicyRequest request) {
        PolicySnapshot snapshot = enforced.get();
        EntityCatalog catalog = entities.current();
        return listings.answer(snapshot, catalog, request, r -> mayAllow(snapshot, catalog, r));
    }

    /**
     * First a witness: the request with an approval and no arguments, decided in full on the
     * cached (fast) path; if that is allowed, some call is. Otherwise partial evaluation (slow:
     * cedar-java re-parses the set) decides whether any arguments and approval could be.
     */
    private boolean mayAllow(PolicySnapshot snapshot, EntityCatalog catalog, PolicyRequest request) {
        try {
            if (evaluator.evaluate(snapshot, translator.translate(witness(request), catalog)).allowed()) {
                return true;
            }
            return evaluator.mayAllow(snapshot, translator.translateWithoutCallDetails(request, catalog));
        } catch (PolicyException e) {
            return false;
        }
    }

    private static PolicyRequest witness(PolicyRequest r) {
        boolean takesArguments = r.action() == PolicyAction.CALL_TOOL || r.action() == PolicyAction.GET_PROMPT;
        return new PolicyRequest(r.agent(), r.delegation(), r.target(),
                takesArguments ? jakarta.json.JsonValue.EMPTY_JSON_OBJECT : null, r.budgets(),
                java.util.Optional.of(new Approval("listing-witness", r.now())), r.taskLabels(), r.now());
    }

    /** The policy set being enforced. */
    public PolicySnapshot current() {
        return enforced.get();
    }

    /** The shadow candidate, or null. */
    public PolicySnapshot candidate() {
        return candidate.get();
    }

    /** Enforces {@code next} from the next request on; returns the replaced snapshot. */
    public PolicySnapshot replace(PolicySnapshot next) {
        return enforced.getAndSet(Objects.requireNonNull(next, "next"));
    }

    /** Evaluates {@code next} beside the enforced set from now on (null stops shadow mode). */
    public void shadow(PolicySnapshot next) {
        candidate.set(next);
    }

    /** The entity store the engine reads (the other areas feed it). */
    public EntityStore entities() {
        return entities;
    }

    Decision decide(PolicyRequest request, PolicySnapshot snapshot, CedarCall call) {
        CedarEvaluator.Outcome outcome = evaluator.evaluate(snapshot, call);
        if (outcome.allowed()) {
            return Decision.allow(request, outcome.determining(), snapshot.version());
        }
        String why = outcome.errors().isEmpty() ? "" : " (policy evaluation error)";
        return Decision.deny(request, outcome.determining(), outcome.errors(), snapshot.version(), why);
    }

    private void compareLater(PolicyRequest request, CedarCall call, Decision enforcedDecision, PolicySnapshot shadow) {
        try {
            shadowExecutor.execute(() -> compare(request, call, enforcedDecision, shadow));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "shadow evaluation not scheduled: " + e.getMessage());
        }
    }

    private void compare(PolicyRequest request, CedarCall call, Decision enforcedDecision, PolicySnapshot shadow) {
        Decision candidateDecision = decide(request, shadow, call);
        if (candidateDecision.allowed() == enforcedDecision.allowed()) {
            return;
        }
        registry.counter("broker.policy.shadow.disagreements", "action", request.action().cedarName()).increment();
        Delegation d = request.delegation();
        AuditEvent event = enforcedDecision.applyTo(AuditEvent.builder("policy.shadow_disagreement"))
                .task(d.taskId(), null).user(d.human()).actors(d.chain()).client(d.clientId()).tokenId(d.tokenId())
                .attribute("candidateDecision", candidateDecision.auditDecision())
                .attribute("candidatePolicyIds", String.join(",", candidateDecision.policyIds()))
                .attribute("candidateVersion", shadow.version())
                .build();
        try {
            audit.record(event);
        } catch (AuditUnavailableException e) {
            LOG.log(Level.WARNING, "shadow disagreement not audited: " + e.getMessage());
        }
    }

    private void count(PolicyAction action, Decision decision) {
        Counter[] c = decisions.get(action);
        (decision.allowed() ? c[0] : decision.errors().isEmpty() ? c[1] : c[2]).increment();
    }

    private static Counter counter(MeterRegistry registry, PolicyAction action, String decision) {
        return Counter.builder("broker.policy.decisions").tag("action", action.cedarName()).tag("decision", decision)
                .description("Cedar decisions by action and outcome").register(registry);
    }
}
