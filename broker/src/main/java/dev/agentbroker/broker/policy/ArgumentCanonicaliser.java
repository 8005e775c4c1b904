package dev.agentbroker.broker.policy;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Turns the JSON arguments of a {@code tools/call} or {@code prompts/get} into
 * {@link CanonicalArguments}. Raw JSON never reaches Cedar (its {@code __entity} and
 * {@code __extn} keys are escapes); every scalar leaf becomes a string addressed by its JSON
 * pointer (RFC 6901). A string is a path when its nearest object key is a path-like name
 * ({@code path}, {@code file}, {@code source}, {@code destination}...) or when it starts with
 * {@code /}, {@code ~}, {@code \}, {@code ./}, {@code ../} or {@code file:}; a string with a
 * {@code scheme://} prefix is a URL. Limits (depth, leaves) reject rather than truncate.
 * Immutable and thread-safe.
 */
public final class ArgumentCanonicaliser {
    static final int MAX_DEPTH = 32;
    static final int MAX_LEAVES = 1024;
    static final int MAX_TAG_CHARS = 4096;
    private static final Set<String> PATH_KEYS = Set.of("path", "paths", "file", "files", "filename", "filepath",
            "file_path", "filepaths", "source", "destination", "dest", "src", "dst", "target", "dir", "directory",
            "folder", "root", "cwd", "location", "old_path", "new_path");

    private final List<String> pathRoots;

    /** @param pathRoots the roots policies may ask about in {@code args.allPathsUnder}, e.g. {@code /sandbox} */
    public ArgumentCanonicaliser(List<String> pathRoots) {
        for (String root : pathRoots) {
            if (!root.startsWith("/") || !PathCanonicaliser.canonical(root).equals(root)) {
                throw new IllegalArgumentException("path root must be an absolute canonical path: " + root);
            }
        }
        this.pathRoots = List.copyOf(pathRoots);
    }

    public List<String> pathRoots() {
        return pathRoots;
    }

    /**
     * Canonicalises {@code arguments} (null or JSON null means no arguments).
     *
     * @throws ArgumentRejectedException when an argument cannot be made safe to test
     */
    public CanonicalArguments canonicalise(JsonValue arguments) {
        Walk walk = new Walk();
        if (arguments != null && arguments.getValueType() != JsonValue.ValueType.NULL) {
            walk.visit(arguments, "", null, 0);
        }
        return new CanonicalArguments(walk.values, walk.paths, walk.hosts,
                CanonicalArguments.rootsContainingAll(walk.paths, pathRoots), walk.leaves);
    }

    /** JSON pointer escaping of one reference token (RFC 6901 section 3). */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    static boolean isPathKey(String key) {
        if (key == null) {
            return false;
        }
        String k = key.toLowerCase(Locale.ROOT);
        return PATH_KEYS.contains(k) || k.endsWith("_path") || k.endsWith("path") && k.length() > 4
                || k.endsWith("_file") || k.endsWith("_dir");
    }

    static boolean looksLikePath(String s) {
        return s.startsWith("/") || s.startsWith("~") || s.startsWith("\\") || s.startsWith("./")
                || s.startsWith("../") || s.equals("..") || s.regionMatches(true, 0, "file:", 0, 5);
    }

    private static final class Walk {
        final Map<String, String> values = new HashMap<>();
        final Set<String> paths = new LinkedHashSet<>();
        final Set<String> hosts = new LinkedHashSet<>();
        long leaves;

        void visit(JsonValue value, String pointer, String key, int depth) {
            if (depth > MAX_DEPTH) {
                throw new ArgumentRejectedException("arguments nested deeper than " + MAX_DEPTH + " levels");
            }
            switch (value.getValueType()) {
                case OBJECT -> {
                    for (Map.Entry<String, JsonValue> e : ((JsonObject) value).entrySet()) {
                        visit(e.getValue(), pointer + "/" + escape(e.getKey()), e.getKey(), depth + 1);
                    }
                }
                case ARRAY -> {
                    JsonArray array = (JsonArray) value;
                    for (int i = 0; i < array.size(); i++) {
                        visit(array.get(i), pointer + "/" + i, key, depth + 1);
                    }
                }
                case STRING -> string(((JsonString) value).getString(), pointer, key);
                case NUMBER -> leaf(pointer, ((JsonNumber) value).bigDecimalValue().toString());
                case TRUE -> leaf(pointer, "true");
                case FALSE -> leaf(pointer, "false");
                case NULL -> leaf(pointer, "null");
            }
        }

        private void string(String s, String pointer, String key) {
            if (HostExtractor.isUrl(s)) {
                String host = HostExtractor.host(s).orElseThrow();
                hosts.add(host);
                leaf(pointer, s);
                values.put(pointer + "#host", host);
            } else if (isPathKey(key) || looksLikePath(s)) {
                Set<String> forms = PathCanonicaliser.forms(s);
                paths.addAll(forms);
                leaf(pointer, forms.iterator().next());
            } else {
                leaf(pointer, s);
            }
        }

        private void leaf(String pointer, String text) {
            if (++leaves > MAX_LEAVES) {
                throw new ArgumentRejectedException("arguments have more than " + MAX_LEAVES + " values");
            }
            if (text.length() <= MAX_TAG_CHARS) {
                values.put(pointer, Objects.requireNonNull(text));
            }
        }
    }
}
