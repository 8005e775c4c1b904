package dev.agentbroker.mcp.sandbox;

import java.util.List;
import java.util.Map;

/**
 * A fetch server that never touches the network: it answers from recorded responses keyed
 * by URL, and says so for any other URL.
 */
public final class FetchServer extends SandboxServer {
    /** The canned pages of the quickstart. */
    public static final Map<String, String> QUICKSTART_PAGES = Map.of(
            "https://example.com/", "<html><body><h1>Example Domain</h1><p>This domain is for use in examples.</p></body></html>",
            "https://status.example.com/api", "{\"status\":\"ok\",\"incidents\":[]}",
            "https://docs.example.com/weather", "Weather in Paris: 18 C, light rain.");

    public FetchServer(Map<String, String> pages) {
        super("fetch", List.of(new Tool("fetch", "Fetch a URL and return its body (recorded responses only).",
                stringSchema("url"), annotations(true, false, true, true), a -> {
                    String body = Map.copyOf(pages).get(a.getString("url"));
                    if (body == null) {
                        throw new ToolFailure("no recorded response for " + a.getString("url"));
                    }
                    return body;
                })));
    }
}
