package dev.agentbroker.broker.models;

import java.io.OutputStream;
import java.util.Map;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

import dev.agentbroker.llm.ResponseSink;

/** The gateway's {@link ResponseSink} over a Helidon response: headers, then a flushable body stream. */
final class HelidonSink implements ResponseSink {
    private final ServerResponse res;

    HelidonSink(ServerResponse res) {
        this.res = res;
    }

    @Override
    public OutputStream start(int status, String contentType, Map<String, String> headers) {
        res.status(Status.create(status));
        res.header(HeaderNames.CONTENT_TYPE, contentType);
        headers.forEach((name, value) -> res.header(HeaderNames.create(name), value));
        return res.outputStream();
    }
}
