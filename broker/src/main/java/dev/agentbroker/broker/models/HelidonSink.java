package dev.agentbroker.broker.models;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

import dev.agentbroker.llm.ResponseSink;

/**
 * The gateway's {@link ResponseSink} over a Helidon response: headers, then a flushable body
 * stream. Helidon reports a vanished client with unchecked exceptions; the stream turns them
 * into {@link IOException}s as the port promises.
 */
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
        return new ClientStream(res.outputStream());
    }

    /** Delegates every call, mapping runtime failures of the connection to IOException. */
    private static final class ClientStream extends OutputStream {
        private final OutputStream out;

        ClientStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (RuntimeException e) {
                throw new IOException("client connection failed", e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (RuntimeException e) {
                throw new IOException("client connection failed", e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (RuntimeException e) {
                throw new IOException("client connection failed", e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (RuntimeException e) {
                throw new IOException("client connection failed", e);
            }
        }
    }
}
