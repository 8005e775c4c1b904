package dev.agentbroker.mcp.frontend;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * DNS-rebinding protection (MCP "Transports", Streamable HTTP, security warning): the
 * {@code Host} header must name this broker, and an {@code Origin}, when present, must be an
 * allowed origin or a loopback one (a rebinding page carries its own, foreign origin).
 * Immutable and thread-safe.
 *
 * @param hosts   allowed {@code Host} values ({@code host:port}, lower case)
 * @param origins explicitly allowed origins ({@code scheme://host:port}, lower case)
 */
public record OriginGuard(Set<String> hosts, Set<String> origins) {
    public OriginGuard {
        hosts = Set.copyOf(hosts);
        origins = Set.copyOf(origins);
    }

    /** Allows the public URL's host, plus loopback names on the same port. */
    public static OriginGuard forBaseUrl(URI base, Set<String> extraHosts, Set<String> extraOrigins) {
        int port = base.getPort() == -1 ? ("https".equals(base.getScheme()) ? 443 : 80) : base.getPort();
        java.util.Set<String> hosts = new java.util.HashSet<>();
        for (String h : extraHosts) {
            hosts.add(h.toLowerCase(Locale.ROOT));
        }
        hosts.add(base.getHost().toLowerCase(Locale.ROOT) + ":" + port);
        if (base.getPort() == -1) {
            hosts.add(base.getHost().toLowerCase(Locale.ROOT));
        }
        for (String loopback : new String[] {"localhost", "127.0.0.1", "[::1]"}) {
            hosts.add(loopback + ":" + port);
        }
        java.util.Set<String> origins = new java.util.HashSet<>();
        extraOrigins.forEach(o -> origins.add(o.toLowerCase(Locale.ROOT)));
        origins.add((base.getScheme() + "://" + base.getRawAuthority()).toLowerCase(Locale.ROOT));
        return new OriginGuard(hosts, origins);
    }

    public boolean hostAllowed(String host) {
        return host != null && hosts.contains(host.toLowerCase(Locale.ROOT));
    }

    /** True when there is no Origin (non-browser client) or it is allowed. */
    public boolean originAllowed(String origin) {
        if (origin == null) {
            return true;
        }
        String o = origin.toLowerCase(Locale.ROOT);
        if (origins.contains(o)) {
            return true;
        }
        try {
            URI uri = new URI(o);
            String host = uri.getHost();
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && ("localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
