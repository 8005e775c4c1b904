package dev.agentbroker.broker.policy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Remembers {@link PolicyEngine#couldPermit} answers. Cedar's partial evaluation has no cached
 * path in cedar-java 4.10: every call re-sends and re-parses the whole policy set and schema
 * (tens of milliseconds at 100 policies), and a {@code tools/list} asks once per item. An answer
 * is kept for one policy snapshot and one entity catalog (a reload or a catalog change empties
 * the cache) and for one request evaluated at a clock rounded down to {@link #BUCKET_SECONDS},
 * so the cached answer is exactly what that evaluation returned. Listing is a filter: every
 * call is still decided in full. Bounded; thread-safe.
 */
final class ListingCache {
    static final long BUCKET_SECONDS = 10;
    static final int MAX_ENTRIES = 10_000;

    private final Map<PolicyRequest, Boolean> answers = new ConcurrentHashMap<>();
    private volatile Generation generation;

    private record Generation(PolicySnapshot snapshot, EntityCatalog catalog) {
        boolean same(PolicySnapshot s, EntityCatalog c) {
            return snapshot == s && catalog == c;
        }
    }

    /** The answer of {@code evaluate} for {@code request} at its rounded clock, computed at most once per generation. */
    boolean answer(PolicySnapshot snapshot, EntityCatalog catalog, PolicyRequest request,
                   Predicate<PolicyRequest> evaluate) {
        Generation g = generation;
        if (g == null || !g.same(snapshot, catalog) || answers.size() >= MAX_ENTRIES) {
            synchronized (this) {
                if (generation == null || !generation.same(snapshot, catalog) || answers.size() >= MAX_ENTRIES) {
                    answers.clear();
                    generation = new Generation(snapshot, catalog);
                }
            }
        }
        return answers.computeIfAbsent(rounded(request), evaluate::test);
    }

    private static PolicyRequest rounded(PolicyRequest r) {
        long now = r.now().getEpochSecond();
        return new PolicyRequest(r.agent(), r.delegation(), r.target(), null, r.budgets(), Optional.empty(),
                r.taskLabels(), Instant.ofEpochSecond(now - Math.floorMod(now, BUCKET_SECONDS)));
    }
}
