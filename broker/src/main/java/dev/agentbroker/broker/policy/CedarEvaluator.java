package dev.agentbroker.broker.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.AuthorizationSuccessResponse;
import com.cedarpolicy.model.DetailedError;
import com.cedarpolicy.model.PartialAuthorizationRequest;
import com.cedarpolicy.model.PartialAuthorizationResponse;
import com.cedarpolicy.model.PartialAuthorizationSuccessResponse;
import com.cedarpolicy.model.exception.AuthException;

/**
 * The one place that calls the native Cedar authorizer. Fails closed on Cedar's fail-open
 * trap: an evaluation error inside a {@code forbid} makes Cedar skip that forbid and still
 * answer Success, so a response is an allow only when it is a Success, Allow, with no error
 * at all. Full decisions are made without the schema: the broker builds every context and
 * entity itself ({@link RequestShape} checks each request's shape in Java, and a build test
 * validates every shape the translator produces against the schema), so per-request schema
 * validation, which cost more than the evaluation itself, would check the broker's own code on
 * every call. A type error Cedar meets anyway is an evaluation error, hence a deny. Each call
 * is decided by only the policies whose scope can match it ({@link PolicySlices}) and carries
 * only what those policies can read ({@link PolicyReads}). Native calls are
 * short and pin a virtual thread only for their duration. Thread-safe.
 */
final class CedarEvaluator {
    private final BasicAuthorizationEngine engine = new BasicAuthorizationEngine();

    /** What Cedar said: allowed only when nothing went wrong. */
    record Outcome(boolean allowed, List<String> determining, List<String> errors) {
    }

    Outcome evaluate(PolicySnapshot snapshot, CedarCall full) {
        PolicySlices.Slice slice = snapshot.slices().forCall(full);
        CedarCall call = slice.reads().prune(full);
        AuthorizationRequest request = new AuthorizationRequest(call.principal(), call.action(), call.resource(),
                Optional.of(call.context()), Optional.empty(), false);
        AuthorizationResponse response;
        try {
            response = engine.isAuthorized(request, slice.policies(), call.entities());
        } catch (AuthException | RuntimeException e) {
            return new Outcome(false, List.of(), List.of("request: " + message(e)));
        }
        if (response.success.isEmpty()) {
            return new Outcome(false, List.of(), failures(response.errors.orElse(null)));
        }
        AuthorizationSuccessResponse success = response.success.get();
        List<String> errors = new ArrayList<>();
        for (AuthorizationSuccessResponse.AuthorizationError e : success.getErrors()) {
            errors.add(e.getPolicyId() + ": " + e.getError().message);
        }
        List<String> determining = success.getReason().stream().sorted().toList();
        boolean allowed = success.getDecision() == AuthorizationSuccessResponse.Decision.Allow && errors.isEmpty();
        return new Outcome(allowed, allowed || errors.isEmpty() ? determining : List.of(), errors);
    }

    /**
     * Partial evaluation with the call's arguments and approval unknown: false only when some
     * assignment of them can never be allowed (Cedar answers Deny outright) or when anything
     * errs; true when it answers Allow or leaves residual policies to decide. Like a full
     * decision: pruned, sliced, no schema (cedar-java re-parses a schema on every partial call).
     */
    boolean mayAllow(PolicySnapshot snapshot, CedarCall full) {
        PolicySlices.Slice slice = snapshot.slices().forCall(full);
        CedarCall call = slice.reads().prune(full);
        PartialAuthorizationRequest request = PartialAuthorizationRequest.builder().principal(call.principal())
                .action(call.action()).resource(call.resource()).context(call.context()).build();
        PartialAuthorizationResponse response;
        try {
            response = engine.isAuthorizedPartial(request, slice.policies(), call.entities());
        } catch (AuthException | RuntimeException e) {
            return false;
        }
        if (response.success.isEmpty()) {
            return false;
        }
        PartialAuthorizationSuccessResponse success = response.success.get();
        if (!success.getErrored().isEmpty()) {
            return false;
        }
        return success.getDecision() != AuthorizationSuccessResponse.Decision.Deny;
    }

    private static List<String> failures(List<DetailedError> errors) {
        if (errors == null || errors.isEmpty()) {
            return List.of("request: Cedar reported a failure without detail");
        }
        return errors.stream().map(e -> "request: " + e.message).toList();
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
