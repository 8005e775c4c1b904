package dev.agentbroker.broker.token;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A set of task scopes in the grammar the Cedar policies use: {@code model:NAME},
 * {@code model:*}, {@code mcp:SERVER}, {@code mcp:SERVER/TOOL}, {@code mcp:*}, and
 * {@code admin} for the admin API. Wildcards are understood by {@link #covers(String)},
 * {@link #intersect(ScopeSet)} and {@link #within(ScopeSet)}: {@code mcp:*} covers every
 * server and tool, {@code mcp:fs} covers every tool of {@code fs}, {@code model:*} every
 * model. Sets are kept minimal (no member covered by another). Immutable.
 *
 * @param values the scopes, minimal
 */
public record ScopeSet(Set<String> values) {
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";
    private static final Pattern GRAMMAR = Pattern.compile(
            "admin|model:(\\*|" + NAME + ")|mcp:(\\*|" + NAME + "(/" + NAME + ")?)");
    public static final ScopeSet EMPTY = new ScopeSet(Set.of());

    public ScopeSet {
        for (String s : values) {
            if (!GRAMMAR.matcher(s).matches()) {
                throw new IllegalArgumentException("not a scope: \"" + s + "\" (expected model:NAME, model:*, mcp:SERVER, "
                        + "mcp:SERVER/TOOL, mcp:* or admin)");
            }
        }
        values = minimal(values);
    }

    /** Parses a space-separated scope string ({@code scope} parameter or claim); null or blank is empty. */
    public static ScopeSet parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        return of(Arrays.asList(text.trim().split("\\s+")));
    }

    public static ScopeSet of(Collection<String> scopes) {
        return new ScopeSet(new LinkedHashSet<>(scopes));
    }

    /** Whether {@code granted} grants {@code scope}. */
    static boolean grants(String granted, String scope) {
        if (granted.equals(scope)) {
            return true;
        }
        return switch (granted) {
            case "model:*" -> scope.startsWith("model:");
            case "mcp:*" -> scope.startsWith("mcp:");
            default -> granted.startsWith("mcp:") && !granted.contains("/") && scope.startsWith(granted + "/");
        };
    }

    /** Whether some member of this set grants {@code scope}. */
    public boolean covers(String scope) {
        return values.stream().anyMatch(g -> grants(g, scope));
    }

    /** Whether every scope of this set is granted by {@code other} (this set only narrows it). */
    public boolean within(ScopeSet other) {
        return values.stream().allMatch(other::covers);
    }

    /** What both sets grant: {@code mcp:fs/read_file ∩ mcp:fs = mcp:fs/read_file}, {@code mcp:* ∩ mcp:fs = mcp:fs}. */
    public ScopeSet intersect(ScopeSet other) {
        Set<String> both = new LinkedHashSet<>();
        values.stream().filter(other::covers).forEach(both::add);
        other.values.stream().filter(this::covers).forEach(both::add);
        return new ScopeSet(both);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The {@code scope} form: members sorted, space-separated. */
    @Override
    public String toString() {
        return String.join(" ", new TreeSet<>(values));
    }

    private static Set<String> minimal(Set<String> scopes) {
        Set<String> out = new TreeSet<>();
        for (String s : scopes) {
            boolean coveredByOther = scopes.stream().anyMatch(o -> !o.equals(s) && grants(o, s));
            if (!coveredByOther) {
                out.add(s);
            }
        }
        return Set.copyOf(out);
    }
}
