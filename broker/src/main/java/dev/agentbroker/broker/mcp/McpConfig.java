package dev.agentbroker.broker.mcp;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.agentbroker.broker.config.ConfigNode;

/**
 * The {@code mcp} section: the upstream servers the gateway fronts, session limits, request
 * limits, upstream timeouts, extra allowed {@code Host}/{@code Origin} values and where the
 * sandbox servers keep their files. Immutable; parsed once at start-up.
 *
 * @param servers         upstreams by name, in file order
 * @param sessionIdle     a session unused this long ends
 * @param maxSessions     live sessions at most (new ones get 503 beyond)
 * @param maxRequestBytes largest JSON-RPC message accepted on {@code /mcp}
 * @param connectTimeout  how long a request waits for an upstream to (re)connect
 * @param requestTimeout  how long a request waits for an upstream's answer
 * @param allowedHosts    {@code Host} values accepted besides the public URL's and loopback's
 * @param allowedOrigins  browser origins accepted besides the public URL's and loopback ones
 * @param sandboxRoot     the fs sandbox server's root; empty means {@code <data-dir>/sandbox}
 */
public record McpConfig(Map<String, McpServerConfig> servers, Duration sessionIdle, int maxSessions,
                        int maxRequestBytes, Duration connectTimeout, Duration requestTimeout,
                        List<String> allowedHosts, List<String> allowedOrigins, Optional<java.nio.file.Path> sandboxRoot) {

    /** No upstreams: {@code /mcp} answers with an empty federation. */
    public static final McpConfig NONE = new McpConfig(Map.of(), Duration.ofMinutes(30), 1000, 1024 * 1024,
            Duration.ofSeconds(10), Duration.ofSeconds(60), List.of(), List.of(), Optional.empty());

    public McpConfig {
        servers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(servers));
        allowedHosts = List.copyOf(allowedHosts);
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    public static McpConfig read(ConfigNode node) {
        Map<String, McpServerConfig> servers = node.namedMap("servers",
                s -> McpServerConfig.read(s.path().substring(s.path().lastIndexOf('.') + 1), s));
        ConfigNode session = node.child("session");
        Duration idle = session.duration("idle-timeout", Duration.ofMinutes(30), Duration.ofSeconds(1), Duration.ofDays(1));
        int max = session.integer("max-sessions", 1000, 1, 1_000_000);
        session.finish();
        return new McpConfig(servers, idle, max,
                node.integer("max-request-bytes", 1024 * 1024, 1024, 64 * 1024 * 1024),
                node.duration("connect-timeout", Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofMinutes(5)),
                node.duration("request-timeout", Duration.ofSeconds(60), Duration.ofMillis(100), Duration.ofHours(1)),
                node.strings("allowed-hosts"), node.strings("allowed-origins"),
                node.optionalString("sandbox-root").map(java.nio.file.Path::of));
    }
}
