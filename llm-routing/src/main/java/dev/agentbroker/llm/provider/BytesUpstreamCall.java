package dev.agentbroker.llm.provider;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * An answer produced in process (the sandbox model, an error synthesised by the broker):
 * the given chunks in order, each delivered separately. Used by one thread.
 */
public final class BytesUpstreamCall implements UpstreamCall {
    private final int status;
    private final String contentType;
    private final Iterator<byte[]> chunks;
    private final long delayMillis;
    private boolean first = true;

    /** Chunks delivered at once, one after the other. */
    public BytesUpstreamCall(int status, String contentType, List<byte[]> chunks) {
        this(status, contentType, chunks, 0);
    }

    /** Chunks delivered {@code delayMillis} apart (to imitate a model generating tokens). */
    public BytesUpstreamCall(int status, String contentType, List<byte[]> chunks, long delayMillis) {
        this.status = status;
        this.contentType = contentType;
        this.chunks = List.copyOf(chunks).iterator();
        this.delayMillis = delayMillis;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public Optional<String> header(String name) {
        return "content-type".equalsIgnoreCase(name) ? Optional.of(contentType) : Optional.empty();
    }

    @Override
    public byte[] next() throws java.io.InterruptedIOException {
        if (!chunks.hasNext()) {
            return null;
        }
        if (delayMillis > 0 && !first) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted");
            }
        }
        first = false;
        return chunks.next();
    }

    @Override
    public void close() {
        // nothing to release
    }
}
