package dev.agentbroker.broker.policy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Remembers {@link PolicyEngine#couldPermit} answers. Cedar's partial evaluation has no cached
 * path in cedar-java 4.10: every call re-sends and re-parses the whole policy set and schema
 * (tens of milliseconds at 100 policies), and a {@code tools/list} asks once per item. Answers
 * belong to one policy snapshot and one entity catalog (a reload or a catalog change starts a
 * new, empty generation; an answer computed against an older one never lands in a newer
 * one) and to one request evaluated at a clock rounded down to {@link #BUCKET_SECONDS}, so a
 * cached answer is exactly what that evaluation returned. Listing is a filter: every call is
 * still decided in full. Bounded; thread-safe.
 */
final class ListingCache {
    static final long BUCKET_SECONDS = 10;
    static final int MAX_ENTRIES = 10_000;

    private volatile Generation generation = new Generation(null, null);

    private record Generation(PolicySnapshot snapshot, EntityCatalog catalog, Map<PolicyRequest, Boolean> answers) {
        Generation(PolicySnapshot snapshot, EntityCatalog catalog) {
            this(snapshot, catalog, new ConcurrentHashMap<>());
        }

        boolean serves(PolicySnapshot s, EntityCatalog c) {
            return snapshot == s && catalog == c && answers.size() < MAX_ENTRIES;
        }
    }

    /** The answer of {@code evaluate} for {@code request} at its rounded clock, computed about once per generation. */
    boolean answer(PolicySnapshot snapshot, EntityCatalog catalog, PolicyRequest request,
                   Predicate<PolicyRequest> evaluate) {
        Generation g = generation;
        if (!g.serves(snapshot, catalog)) {
            g = new Generation(snapshot, catalog);
            generation = g;
        }
        PolicyRequest key = rounded(request);
        Boolean known = g.answers().get(key);
        if (known != null) {
            return known;
        }
        boolean answer = evaluate.test(key); // outside any lock: a partial evaluation takes milliseconds
        g.answers().putIfAbsent(key, answer);
        return answer;
    }

    private static PolicyRequest rounded(PolicyRequest r) {
        long now = r.now().getEpochSecond();
        return new PolicyRequest(r.agent(), r.delegation(), r.target(), null, r.budgets(), Optional.empty(),
                r.taskLabels(), Instant.ofEpochSecond(now - Math.floorMod(now, BUCKET_SECONDS)));
    }
}
