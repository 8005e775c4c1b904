package dev.agentbroker.broker.policy;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.value.CedarMap;
import com.cedarpolicy.value.Value;

/**
 * What the policies of one snapshot can read, worked out once from their source text, and
 * the pruning of each request to it (cedar-java converts every value it is sent, on every
 * call). A sound over-approximation:
 * <ul>
 * <li>a record field or entity attribute is kept when its name occurs anywhere in some policy
 * (comments and string literals included): Cedar names attributes only statically
 * ({@code .name}, {@code ["name"]}, {@code has name});
 * <li>a record is kept whole when its name occurs once not followed by {@code .}, {@code [}
 * or {@code has} (it may be compared or passed whole), and nothing is pruned when some
 * policy has a backslash-u or backslash-x escape (it could spell a name);
 * <li>a tag is kept when some {@code getTag}/{@code hasTag} names its key as a plain string
 * literal, every tag as soon as one takes anything else, none when no policy reads tags;
 * <li>entities keep their parents when the word {@code in} occurs in some policy (the only
 * operator that reads the hierarchy, in a scope or a condition); otherwise parents are
 * dropped, and so is an entity left with no attribute, tag or parent: for Cedar an absent
 * entity and such a bare one differ only in the error an attribute read raises
 * ({@code has} is false and {@code ==} and {@code is} need no entity data either way).
 * </ul>
 * The annotations before a policy ({@code @id("...")}) are not read. A policy that reads
 * what was pruned anyway meets a missing attribute or entity: an evaluation error, hence a
 * deny. Immutable.
 */
final class PolicyReads {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern PART = Pattern.compile("\\s*(?:\\.|\\[|has\\b)");
    private static final Pattern ESCAPE = Pattern.compile("\\\\[uUxX]");
    private static final Pattern IN = Pattern.compile("\\bin\\b");
    private static final Pattern TAG_CALL = Pattern.compile("\\b(?:getTag|hasTag)\\s*\\(");
    private static final Pattern TAG_ON_LITERAL = Pattern.compile("\\b(?:getTag|hasTag)\\s*\\(\\s*\"([^\"\\\\]*)\"\\s*\\)");
    private static final Pattern LEADING_ANNOTATIONS =
            Pattern.compile("\\A(?:\\s+|//[^\\n]*|@[A-Za-z_][A-Za-z0-9_]*(?:\\s*\\(\\s*\"[^\"\\\\]*\"\\s*\\))?)*");
    private static final String CONTEXT = "context";

    private final Set<String> names;
    private final Set<String> wholes;
    private final Set<String> tagKeys;
    private final boolean everything;
    private final boolean anyTagKey;
    private final boolean hierarchy;

    private PolicyReads(Set<String> names, Set<String> wholes, Set<String> tagKeys, boolean everything,
                        boolean anyTagKey, boolean hierarchy) {
        this.names = Set.copyOf(names);
        this.wholes = Set.copyOf(wholes);
        this.tagKeys = Set.copyOf(tagKeys);
        this.everything = everything;
        this.anyTagKey = anyTagKey;
        this.hierarchy = hierarchy;
    }

    /** What policies with these source texts can read. */
    static PolicyReads of(Collection<String> sources) {
        Set<String> names = new HashSet<>();
        Set<String> wholes = new HashSet<>();
        Set<String> tagKeys = new HashSet<>();
        boolean everything = false;
        boolean anyTagKey = false;
        boolean hierarchy = false;
        for (String text : sources) {
            String source = LEADING_ANNOTATIONS.matcher(text).replaceFirst("");
            Matcher m = IDENTIFIER.matcher(source);
            while (m.find()) {
                names.add(m.group());
                if (!PART.matcher(source).region(m.end(), source.length()).lookingAt()) {
                    wholes.add(m.group());
                }
            }
            everything |= ESCAPE.matcher(source).find();
            hierarchy |= IN.matcher(source).find();
            long calls = TAG_CALL.matcher(source).results().count();
            Matcher literal = TAG_ON_LITERAL.matcher(source);
            long onLiterals = 0;
            for (; literal.find(); onLiterals++) {
                tagKeys.add(literal.group(1));
            }
            anyTagKey |= calls != onLiterals;
        }
        return new PolicyReads(names, wholes, tagKeys, everything, anyTagKey, hierarchy);
    }

    /** Whether some policy may read a record field or entity attribute called {@code name}. */
    boolean readsName(String name) {
        return everything || names.contains(name);
    }

    /** Whether some policy may read the tag {@code key}. */
    boolean readsTag(String key) {
        return everything || anyTagKey || tagKeys.contains(key);
    }

    /** {@code call} with only the context fields, attributes, tags, parents and entities these policies may read. */
    CedarCall prune(CedarCall call) {
        if (everything) {
            return call;
        }
        Set<Entity> entities = new HashSet<>();
        for (Entity e : call.entities()) {
            Map<String, Value> attrs = record(e.attrs);
            Map<String, Value> tags = tags(e.getTags());
            if (hierarchy) {
                entities.add(new Entity(e.getEUID(), attrs, e.getParents(), tags));
            } else if (!attrs.isEmpty() || !tags.isEmpty()) {
                entities.add(new Entity(e.getEUID(), attrs, Set.of(), tags));
            }
        }
        Map<String, Value> context = wholes.contains(CONTEXT) ? call.context() : record(call.context());
        return new CedarCall(call.principal(), call.action(), call.resource(), context, entities);
    }

    private Map<String, Value> record(Map<String, Value> fields) {
        Map<String, Value> out = new HashMap<>();
        fields.forEach((name, value) -> {
            if (readsName(name)) {
                boolean part = value instanceof CedarMap && !wholes.contains(name);
                out.put(name, part ? new CedarMap(record((CedarMap) value)) : value);
            }
        });
        return out;
    }

    private Map<String, Value> tags(Map<String, Value> tags) {
        Map<String, Value> out = new HashMap<>();
        tags.forEach((key, value) -> {
            if (readsTag(key)) {
                out.put(key, value);
            }
        });
        return out;
    }
}
