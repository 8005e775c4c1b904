package dev.agentbroker.llm.provider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * One provider answer being received: status and headers at once, the body as the chunks
 * the network delivered. {@link #close()} cancels the request if the body is unread (a client
 * that went away cancels the upstream this way). Used by one thread.
 */
public interface UpstreamCall extends AutoCloseable {
    int status();

    Optional<String> header(String name);

    /** The next chunk of body, or null at the end; throws on a broken stream or the total timeout. */
    byte[] next() throws IOException;

    @Override
    void close();

    /** Reads the rest of the body, up to {@code limit} bytes (the rest is dropped). */
    default byte[] readAll(int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] chunk = next(); chunk != null; chunk = next()) {
            if (out.size() < limit) {
                out.write(chunk, 0, Math.min(chunk.length, limit - out.size()));
            }
        }
        return out.toByteArray();
    }
}
