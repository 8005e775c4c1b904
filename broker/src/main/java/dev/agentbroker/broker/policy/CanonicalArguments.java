package dev.agentbroker.broker.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tool or prompt arguments in the form policies test: never the raw JSON. Immutable.
 *
 * @param values        one string per scalar leaf, keyed by JSON pointer (RFC 6901); path
 *                      leaves hold their canonical form, URL leaves add {@code <pointer>#host}
 * @param paths         every reading of every path argument, canonicalised
 * @param hosts         the canonical host of every URL argument
 * @param allPathsUnder the configured roots that contain every path (all roots if there is no path)
 * @param count         the number of scalar leaves
 */
public record CanonicalArguments(Map<String, String> values, Set<String> paths, Set<String> hosts,
                                 Set<String> allPathsUnder, long count) {
    /** No arguments at all (a model call, a resource read). */
    public static final CanonicalArguments NONE = new CanonicalArguments(Map.of(), Set.of(), Set.of(), Set.of(), 0);

    public CanonicalArguments {
        values = Map.copyOf(values);
        paths = Set.copyOf(paths);
        hosts = Set.copyOf(hosts);
        allPathsUnder = Set.copyOf(allPathsUnder);
    }

    /** The roots, in configured order, that contain all of {@code paths}. */
    static Set<String> rootsContainingAll(Set<String> paths, List<String> roots) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (String root : roots) {
            if (paths.stream().allMatch(p -> PathCanonicaliser.isUnder(p, root))) {
                out.add(root);
            }
        }
        return out;
    }
}
