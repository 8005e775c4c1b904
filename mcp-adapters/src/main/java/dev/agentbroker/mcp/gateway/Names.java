package dev.agentbroker.mcp.gateway;

import java.util.regex.Pattern;

/**
 * Names in the aggregate view ({@code /mcp}): tools and prompts become {@code server__name},
 * valid as OpenAI function names ({@code ^[a-zA-Z0-9_-]{1,64}$}); a name that needs changing
 * to fit (other characters, too long) becomes a truncated form plus {@code _} and 8 hex digits
 * of SHA-256(server/name), so it is stable and distinct. Resource URIs become
 * {@code server+uri}, which keeps the original scheme visible and is itself a valid URI
 * scheme. Server names are {@code [a-z0-9][a-z0-9-]*} so the split is unambiguous. Stateless.
 */
public final class Names {
    public static final Pattern SERVER_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern FUNCTION_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final String SEPARATOR = "__";

    private Names() {
    }

    /** The exposed name of {@code name} of {@code server}. */
    public static String namespaced(String server, String name) {
        String plain = server + SEPARATOR + name;
        if (FUNCTION_NAME.matcher(plain).matches()) {
            return plain;
        }
        String cleaned = plain.replaceAll("[^a-zA-Z0-9_-]", "_");
        String suffix = "_" + CanonicalJson.sha256(server + "/" + name).substring(0, 8);
        return cleaned.substring(0, Math.min(cleaned.length(), 64 - suffix.length())) + suffix;
    }

    /** The server part of an exposed tool or prompt name, or null. */
    public static String serverOf(String exposed) {
        int at = exposed.indexOf(SEPARATOR);
        return at <= 0 ? null : exposed.substring(0, at);
    }

    public static String prefixedUri(String server, String uri) {
        return server + "+" + uri;
    }

    /** The server part of a prefixed URI, or null. */
    public static String serverOfUri(String prefixed) {
        int at = prefixed.indexOf('+');
        if (at <= 0) {
            return null;
        }
        String server = prefixed.substring(0, at);
        return SERVER_NAME.matcher(server).matches() ? server : null;
    }

    public static String unprefixedUri(String prefixed) {
        return prefixed.substring(prefixed.indexOf('+') + 1);
    }
}
