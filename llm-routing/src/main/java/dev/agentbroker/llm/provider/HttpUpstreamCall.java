package dev.agentbroker.llm.provider;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Flow;

/**
 * An HTTP answer whose body is pulled one network chunk at a time (demand of one, so a slow
 * client slows the provider rather than filling memory). The total deadline bounds every
 * wait; {@link #close()} cancels the subscription, which closes the connection. One reader.
 */
final class HttpUpstreamCall implements UpstreamCall, Flow.Subscriber<List<ByteBuffer>> {
    private static final Object END = new Object();

    private final int status;
    private final HttpHeaders headers;
    private final Instant deadline;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean closed;
    private boolean ended;

    HttpUpstreamCall(int status, HttpHeaders headers, Instant deadline) {
        this.status = status;
        this.headers = headers;
        this.deadline = deadline;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    @Override
    public byte[] next() throws IOException {
        if (ended) {
            return null;
        }
        Object item;
        try {
            long wait = Duration.between(Instant.now(), deadline).toMillis();
            item = wait <= 0 ? queue.poll() : queue.poll(wait, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IOException("interrupted while reading the provider's answer");
        }
        if (item == null) {
            close();
            throw new HttpTimeoutException("the provider's answer did not finish within the total timeout");
        }
        if (item == END) {
            ended = true;
            return null;
        }
        if (item instanceof Throwable t) {
            ended = true;
            throw t instanceof IOException io ? io : new IOException("the provider's answer broke off", t);
        }
        subscription.request(1);
        return (byte[]) item;
    }

    @Override
    public void close() {
        closed = true;
        Flow.Subscription s = subscription;
        if (s != null && !ended) {
            s.cancel();
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (closed) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        int size = 0;
        for (ByteBuffer b : buffers) {
            size += b.remaining();
        }
        byte[] chunk = new byte[size];
        int at = 0;
        for (ByteBuffer b : buffers) {
            int n = b.remaining();
            b.get(chunk, at, n);
            at += n;
        }
        if (size == 0) {
            subscription.request(1);
            return;
        }
        queue.add(chunk);
    }

    @Override
    public void onError(Throwable error) {
        queue.add(error);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }
}
