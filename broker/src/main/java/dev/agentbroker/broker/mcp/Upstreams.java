package dev.agentbroker.broker.mcp;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.agentbroker.broker.config.SecretRef;
import dev.agentbroker.mcp.sandbox.FetchServer;
import dev.agentbroker.mcp.sandbox.FileSystemServer;
import dev.agentbroker.mcp.sandbox.NotesServer;
import dev.agentbroker.mcp.sandbox.SandboxServer;
import dev.agentbroker.mcp.upstream.UpstreamServer;

/**
 * Turns one {@code mcp.servers} entry into a supervised {@link UpstreamServer}: resolves the
 * secret references of {@code env} and {@code headers} (failing start-up with the key path
 * when one cannot be read) and builds the sandbox servers in process. Stateless.
 */
final class Upstreams {
    private Upstreams() {
    }

    static UpstreamServer create(McpServerConfig config, McpConfig mcp, Path sandboxRoot, Map<String, String> environment) {
        String path = "mcp.servers." + config.name() + "." + McpServerConfig.key(config.transport());
        UpstreamServer.Timeouts timeouts = new UpstreamServer.Timeouts(mcp.connectTimeout(), mcp.requestTimeout());
        return switch (config.transport()) {
            case STDIO -> UpstreamServer.stdio(config.name(), config.command(),
                    resolve(path + ".env", config.env(), environment), config.cwd().orElse(null), timeouts);
            case STREAMABLE_HTTP -> UpstreamServer.streamableHttp(config.name(), config.url().orElseThrow(),
                    resolve(path + ".headers", config.headers(), environment), timeouts);
            case SSE -> UpstreamServer.sse(config.name(), config.url().orElseThrow(),
                    resolve(path + ".headers", config.headers(), environment), timeouts);
            case SANDBOX -> UpstreamServer.inProcess(config.name(), sandbox(config, sandboxRoot)::accept, timeouts);
        };
    }

    private static SandboxServer sandbox(McpServerConfig config, Path root) {
        return switch (config.sandbox().orElseThrow()) {
            case FS -> new FileSystemServer(root);
            case FETCH -> new FetchServer(FetchServer.QUICKSTART_PAGES);
            case NOTES -> new NotesServer();
        };
    }

    /** Literal values as they are; secret references read now. */
    static Map<String, String> resolve(String path, Map<String, String> values, Map<String, String> environment) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((name, value) -> out.put(name, SecretRef.parse(value)
                .map(ref -> ref.resolve(path + "." + name, environment)).orElse(value)));
        return out;
    }
}
