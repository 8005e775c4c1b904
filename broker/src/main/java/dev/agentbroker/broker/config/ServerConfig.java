package dev.agentbroker.broker.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

/**
 * The HTTP listener.
 *
 * @param host            interface to bind; the quickstart binds loopback only
 * @param port            TCP port, 0 for any free port (required: a config says where it listens)
 * @param publicUrl       the externally visible base URL (issuer, resource identifiers); when
 *                        absent it is derived from host and the bound port
 * @param maxRequestBytes largest accepted request body
 * @param shutdownGrace   how long in-flight requests may run after SIGTERM
 */
public record ServerConfig(String host, int port, Optional<URI> publicUrl, long maxRequestBytes, Duration shutdownGrace) {

    static ServerConfig read(ConfigNode node) {
        String host = node.string("host", "127.0.0.1");
        int port = node.requiredInteger("port", 0, 65535);
        Optional<URI> publicUrl = node.optionalString("public-url").map(text -> parseBaseUrl(node.pathOf("public-url"), text));
        long maxBody = node.longValue("max-request-bytes", 4L * 1024 * 1024, 1024, 1024L * 1024 * 1024);
        Duration grace = node.duration("shutdown-grace", Duration.ofSeconds(10), Duration.ZERO, Duration.ofMinutes(5));
        return new ServerConfig(host, port, publicUrl, maxBody, grace);
    }

    ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, publicUrl, maxRequestBytes, shutdownGrace);
    }

    private static URI parseBaseUrl(String path, String text) {
        try {
            URI uri = new URI(text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new ConfigException(path, "must be an absolute http(s) URL without query or fragment, got \"" + text + "\"");
            }
            String withoutSlash = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
            return new URI(withoutSlash);
        } catch (URISyntaxException e) {
            throw new ConfigException(path, "is not a valid URL: \"" + text + "\"");
        }
    }
}
