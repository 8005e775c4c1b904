package dev.agentbroker.broker.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A typed, path-aware view of one YAML mapping. Every accessor names the full key path in
 * its {@link ConfigException}; {@link #finish()} rejects keys nobody asked for, so a typo
 * fails start-up instead of being ignored. Not thread-safe: used once, during loading.
 */
public final class ConfigNode {
    private final String path;
    private final String schemaPath;
    private final Map<String, Object> values;
    private final Set<String> known = new TreeSet<>();
    private final Set<String> keysRead;

    private ConfigNode(String path, String schemaPath, Map<String, Object> values, Set<String> keysRead) {
        this.path = path;
        this.schemaPath = schemaPath;
        this.values = values;
        this.keysRead = keysRead;
    }

    /** The document's top-level mapping. */
    public static ConfigNode root(Object document) {
        return recording(document, null);
    }

    /**
     * Like {@link #root(Object)}, and adds to {@code keysRead} the schema path of every key
     * asked for, present or not ({@code agents[].id}, {@code mcp.servers.<name>.command}).
     * The configuration reference test uses it to find keys missing from the docs.
     */
    static ConfigNode recording(Object document, Set<String> keysRead) {
        Map<String, Object> values = document == null ? Map.of() : asMapping("", document);
        return new ConfigNode("", "", values, keysRead);
    }

    /** The dotted path of this node, empty at the top level. */
    public String path() {
        return path;
    }

    /** The full path of {@code key} below this node. */
    public String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public boolean has(String key) {
        return raw(key) != null;
    }

    public String string(String key) {
        return optionalString(key).orElseThrow(() -> missing(key));
    }

    public String string(String key, String fallback) {
        return optionalString(key).orElse(fallback);
    }

    public Optional<String> optionalString(String key) {
        Object value = raw(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String s) {
            if (s.isBlank()) {
                throw new ConfigException(pathOf(key), "must not be empty");
            }
            return Optional.of(s);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return Optional.of(value.toString());
        }
        throw wrongType(key, "a string", value);
    }

    public int integer(String key, int fallback, int min, int max) {
        Object value = raw(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Integer || value instanceof Long)) {
            throw wrongType(key, "an integer", value);
        }
        long n = ((Number) value).longValue();
        if (n < min || n > max) {
            throw new ConfigException(pathOf(key), "must be between " + min + " and " + max + ", got " + n);
        }
        return (int) n;
    }

    public int requiredInteger(String key, int min, int max) {
        if (!has(key)) {
            throw missing(key);
        }
        return integer(key, 0, min, max);
    }

    public long longValue(String key, long fallback, long min, long max) {
        Object value = raw(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Integer || value instanceof Long)) {
            throw wrongType(key, "an integer", value);
        }
        long n = ((Number) value).longValue();
        if (n < min || n > max) {
            throw new ConfigException(pathOf(key), "must be between " + min + " and " + max + ", got " + n);
        }
        return n;
    }

    public boolean bool(String key, boolean fallback) {
        Object value = raw(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw wrongType(key, "true or false", value);
    }

    /** A duration such as {@code 500ms}, {@code 30s}, {@code 5m} or {@code 2h}. */
    public Duration duration(String key, Duration fallback, Duration min, Duration max) {
        Optional<String> text = optionalString(key);
        if (text.isEmpty()) {
            return fallback;
        }
        Duration d = Durations.parse(text.get())
                .orElseThrow(() -> new ConfigException(pathOf(key),
                        "expected a duration like 500ms, 30s, 5m or 2h, got \"" + text.get() + "\""));
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new ConfigException(pathOf(key), "must be between " + Durations.format(min)
                    + " and " + Durations.format(max) + ", got " + text.get());
        }
        return d;
    }

    /** One of a closed set of values (case-insensitive), mapped to an enum constant. */
    public <E extends Enum<E>> E choice(String key, E fallback) {
        Optional<String> text = optionalString(key);
        if (text.isEmpty()) {
            return fallback;
        }
        Class<E> type = fallback.getDeclaringClass();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().replace('_', '-').equalsIgnoreCase(text.get())) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name().toLowerCase().replace('_', '-'));
        }
        throw new ConfigException(pathOf(key), "must be one of " + names + ", got \"" + text.get() + "\"");
    }

    /** A secret given by reference ({@code env:NAME} or {@code file:/path}); literals are refused. */
    public SecretRef secret(String key) {
        String text = string(key);
        return SecretRef.parse(text).orElseThrow(() -> new ConfigException(pathOf(key),
                "must be a secret reference (env:NAME or file:/path), not a literal value"));
    }

    public Optional<SecretRef> optionalSecret(String key) {
        return has(key) ? Optional.of(secret(key)) : Optional.empty();
    }

    public ConfigNode child(String key) {
        Object value = raw(key);
        Map<String, Object> mapping = value == null ? Map.of() : asMapping(pathOf(key), value);
        return new ConfigNode(pathOf(key), schemaPathOf(key), mapping, keysRead);
    }

    public List<String> strings(String key) {
        Object value = raw(key);
        return value == null ? List.of() : stringList(pathOf(key), value);
    }

    private static List<String> stringList(String path, Object value) {
        if (!(value instanceof List<?> list)) {
            throw new ConfigException(path, "expected a list of strings, got " + describe(value));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (!(item instanceof String s) || s.isBlank()) {
                throw new ConfigException(path + "[" + i + "]", "expected a non-empty string");
            }
            out.add(s);
        }
        return List.copyOf(out);
    }

    /** A list of mappings, each read by {@code reader} and checked with {@link #finish()}. */
    public <T> List<T> list(String key, Function<ConfigNode, T> reader) {
        Object value = raw(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw wrongType(key, "a list", value);
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String itemPath = pathOf(key) + "[" + i + "]";
            ConfigNode item = new ConfigNode(itemPath, schemaPathOf(key) + "[]", asMapping(itemPath, list.get(i)), keysRead);
            out.add(item.read(reader));
        }
        return List.copyOf(out);
    }

    /** A mapping from names to mappings, each read by {@code reader}; keeps the file's order. */
    public <T> Map<String, T> namedMap(String key, Function<ConfigNode, T> reader) {
        ConfigNode parent = child(key);
        Map<String, T> out = new LinkedHashMap<>();
        for (String name : parent.values.keySet()) {
            parent.known.add(name);
            String itemPath = parent.pathOf(name);
            ConfigNode item = new ConfigNode(itemPath, parent.schemaPath + ".<name>",
                    asMapping(itemPath, parent.values.get(name)), keysRead);
            out.put(name, item.read(reader));
        }
        return Collections.unmodifiableMap(out);
    }

    /** A mapping from names to lists of strings ({@code tool-groups: {fs-read: [a, b]}}); keeps the file's order. */
    public Map<String, List<String>> namedStrings(String key) {
        ConfigNode parent = child(key);
        if (keysRead != null) {
            keysRead.add(parent.schemaPath + ".<name>");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : parent.values.keySet()) {
            parent.known.add(name);
            out.put(name, stringList(parent.pathOf(name), parent.values.get(name)));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The names of the entries of mapping {@code key}, without reading them. */
    public Set<String> keysOf(String key) {
        return Collections.unmodifiableSet(child(key).values.keySet());
    }

    /** Reads this node with {@code reader}, then rejects any key the reader did not ask for. */
    public <T> T read(Function<ConfigNode, T> reader) {
        T result = reader.apply(this);
        finish();
        return result;
    }

    /** Fails on the first key of this mapping that no accessor asked for. */
    public void finish() {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                String hint = Spelling.closest(key, known).map(k -> "; did you mean '" + k + "'?").orElse("");
                String knownList = known.isEmpty() ? "none" : String.join(", ", known);
                throw new ConfigException(pathOf(key), "unknown key (known here: " + knownList + ")" + hint);
            }
        }
    }

    private Object raw(String key) {
        known.add(key);
        if (keysRead != null) {
            keysRead.add(schemaPathOf(key));
        }
        return values.get(key);
    }

    private String schemaPathOf(String key) {
        return schemaPath.isEmpty() ? key : schemaPath + "." + key;
    }

    private ConfigException missing(String key) {
        String typo = values.keySet().stream()
                .filter(k -> !known.contains(k) && Spelling.closest(k, List.of(key)).isPresent())
                .findFirst().map(k -> "; found '" + k + "' here: did you mean '" + key + "'?").orElse("");
        return new ConfigException(pathOf(key), "required key is missing" + typo);
    }

    private ConfigException wrongType(String key, String expected, Object actual) {
        return new ConfigException(pathOf(key), "expected " + expected + ", got " + describe(actual));
    }

    static String describe(Object value) {
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof String s) {
            return "the string \"" + s + "\"";
        }
        if (value instanceof Boolean b) {
            return "the boolean " + b;
        }
        if (value instanceof Number n) {
            return "the number " + n;
        }
        return "a " + value.getClass().getSimpleName();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMapping(String path, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new ConfigException(path, "expected a mapping, got " + describe(value));
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                throw new ConfigException(path, "keys must be strings, got " + describe(key));
            }
        }
        return (Map<String, Object>) map;
    }
}
