package dev.agentbroker.broker.mcp;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.agentbroker.broker.config.ConfigException;
import dev.agentbroker.broker.config.ConfigNode;
import dev.agentbroker.mcp.gateway.Names;
import dev.agentbroker.mcp.gateway.TrustMode;

/**
 * One upstream of {@code mcp.servers}: exactly one transport mapping ({@code stdio},
 * {@code streamable-http}, {@code sse} or {@code sandbox}) and its trust mode. Values of
 * {@code env} and {@code headers} are literals or secret references ({@code env:NAME},
 * {@code file:/path}) resolved at start-up; credential-like headers must be references.
 * Immutable.
 *
 * @param name      the server's name in tool names and URLs ({@code [a-z0-9][a-z0-9-]*})
 * @param transport how the broker reaches it
 * @param command   stdio: the program and its arguments
 * @param env       stdio: the child's whole environment
 * @param cwd       stdio: working directory, or empty
 * @param url       streamable-http and sse: the endpoint
 * @param headers   streamable-http and sse: headers the broker sends (its own credentials)
 * @param sandbox   sandbox: which built-in server
 * @param trust     how never-seen tools are treated
 */
public record McpServerConfig(String name, Transport transport, List<String> command, Map<String, String> env,
                              Optional<Path> cwd, Optional<URI> url, Map<String, String> headers,
                              Optional<SandboxKind> sandbox, TrustMode trust) {

    /** The upstream transports. */
    public enum Transport { STDIO, STREAMABLE_HTTP, SSE, SANDBOX }

    /** The built-in sandbox servers. */
    public enum SandboxKind { FS, FETCH, NOTES }

    private static final List<String> CREDENTIAL_WORDS = List.of("authorization", "key", "token", "secret", "cookie");

    public McpServerConfig {
        command = List.copyOf(command);
        env = Map.copyOf(env);
        headers = Map.copyOf(headers);
    }

    static McpServerConfig read(String name, ConfigNode node) {
        if (!Names.SERVER_NAME.matcher(name).matches()) {
            throw new ConfigException(node.path(), "server names must match [a-z0-9][a-z0-9-]{0,31} (they become tool-name prefixes)");
        }
        TrustMode trust = node.choice("trust", TrustMode.TOFU);
        List<Transport> given = List.of(Transport.values()).stream().filter(t -> node.has(key(t))).toList();
        if (given.size() != 1) {
            throw new ConfigException(node.path(), "needs exactly one of stdio, streamable-http, sse or sandbox"
                    + (given.isEmpty() ? "" : ", got " + given.stream().map(McpServerConfig::key).toList()));
        }
        Transport transport = given.get(0);
        return switch (transport) {
            case STDIO -> node.child(key(transport)).read(s -> stdio(name, s, trust));
            case STREAMABLE_HTTP, SSE -> node.child(key(transport)).read(s -> new McpServerConfig(name, transport, List.of(), Map.of(), Optional.empty(),
                    Optional.of(url(s)), headers(s), Optional.empty(), trust));
            case SANDBOX -> new McpServerConfig(name, transport, List.of(), Map.of(), Optional.empty(), Optional.empty(),
                    Map.of(), Optional.of(node.choice("sandbox", SandboxKind.FS)), trust);
        };
    }

    private static McpServerConfig stdio(String name, ConfigNode s, TrustMode trust) {
        List<String> command = new java.util.ArrayList<>();
        command.add(s.string("command"));
        command.addAll(s.strings("args"));
        Optional<Path> cwd = s.optionalString("cwd").map(Path::of);
        return new McpServerConfig(name, Transport.STDIO, command, s.namedValues("env"), cwd, Optional.empty(), Map.of(),
                Optional.empty(), trust);
    }

    private static URI url(ConfigNode s) {
        String text = s.string("url");
        try {
            URI uri = new URI(text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new ConfigException(s.pathOf("url"), "must be an absolute http(s) URL, got \"" + text + "\"");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(s.pathOf("url"), "is not a valid URL: \"" + text + "\"");
        }
    }

    private static Map<String, String> headers(ConfigNode s) {
        Map<String, String> headers = s.namedValues("headers");
        headers.forEach((header, value) -> {
            String lower = header.toLowerCase(Locale.ROOT);
            boolean credential = CREDENTIAL_WORDS.stream().anyMatch(lower::contains);
            if (credential && dev.agentbroker.broker.config.SecretRef.parse(value).isEmpty()) {
                throw new ConfigException(s.pathOf("headers") + "." + header,
                        "carries a credential: give it as a secret reference (env:NAME or file:/path)");
            }
        });
        return headers;
    }

    static String key(Transport transport) {
        return transport.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
