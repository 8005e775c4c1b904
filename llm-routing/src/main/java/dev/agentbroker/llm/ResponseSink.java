package dev.agentbroker.llm;

import java.io.OutputStream;
import java.util.Map;

/**
 * Where the gateway writes its answer: implemented by the host over its HTTP response.
 * {@link #start} sends the status line and headers at once; every {@code flush()} of the
 * returned stream must push the bytes written so far to the client (that is how SSE chunks
 * are relayed one by one). A write failing with an {@link java.io.IOException} or an
 * unchecked exception means the client went away. Used by one request thread.
 */
public interface ResponseSink {
    /**
     * Sends status and headers; returns the body stream.
     *
     * @param status      HTTP status
     * @param contentType e.g. {@code application/json} or {@code text/event-stream}
     * @param headers     further response headers
     */
    OutputStream start(int status, String contentType, Map<String, String> headers);
}
