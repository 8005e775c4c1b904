package dev.agentbroker.mcp.sandbox;

import java.util.List;
import java.util.Map;

/**
 * A fetch server that never touches the network: it answers from recorded responses keyed
 * by exact URL and answers any other URL with an {@code isError} result saying it has no
 * recording. Being offline is deliberate: the quickstart must run without a network, and a
 * sandbox tool that fetched for a caller would be an SSRF vector. Thread-safe.
 */
public final class FetchServer extends SandboxServer {
    /** The canned pages of the quickstart. */
    public static final Map<String, String> QUICKSTART_PAGES = Map.of(
            "https://example.com/", "<html><body><h1>Example Domain</h1><p>This domain is for use in examples.</p></body></html>",
            "https://example.org/status", "{\"status\":\"ok\",\"incidents\":[]}",
            "https://example.com/weather", "Weather in Paris: 18 C, light rain.");

    public FetchServer(Map<String, String> pages) {
        super("fetch", List.of(fetch(Map.copyOf(pages))));
    }

    private static Tool fetch(Map<String, String> recorded) {
        return new Tool("fetch", "Fetch a URL and return its body (recorded responses only, no network).",
                stringSchema("url"), annotations(true, false, true, true), a -> {
                    String body = recorded.get(a.getString("url"));
                    if (body == null) {
                        throw new ToolFailure("no recorded response for " + a.getString("url")
                                + " (this sandbox fetch server never uses the network)");
                    }
                    return body;
                });
    }
}
