package dev.agentbroker.bench.load;

import java.net.http.HttpClient;

/**
 * One kind of request the harness measures: a model call, a streamed model call or an MCP
 * tool call. {@link #open} prepares one worker's {@link Call} (an MCP session is opened
 * there, not inside the measured loop).
 */
interface Scenario {
    /** A short identifier used in the report, e.g. {@code model}. */
    String id();

    /** A human title, e.g. {@code model call (JSON)}. */
    String title();

    /** Whether time to first byte is a figure of interest (streamed answers). */
    boolean streamed();

    Call open(HttpClient http, Side side, int worker) throws Exception;
}
