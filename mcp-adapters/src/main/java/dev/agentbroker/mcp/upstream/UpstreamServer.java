package dev.agentbroker.mcp.upstream;

import static dev.agentbroker.mcp.jsonrpc.JsonFactories.JSON;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.json.JsonObject;

import dev.agentbroker.mcp.jsonrpc.JsonRpc;
import dev.agentbroker.mcp.jsonrpc.UpstreamException;

/**
 * One configured upstream MCP server, supervised: it connects in the background, performs the
 * initialize handshake (MCP "Lifecycle") declaring sampling, elicitation and roots so the
 * upstream exposes its features, and after a crash or lost connection reconnects (restarting a
 * stdio child) with exponential backoff. Requests made while it is down wait up to the connect
 * timeout, then fail with a clear error. Thread-safe.
 */
public final class UpstreamServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(UpstreamServer.class.getName());
    static final String PROTOCOL_VERSION = "2025-11-25";
    private static final Duration MIN_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration STABLE_AFTER = Duration.ofSeconds(10);

    private final String name;
    private final Supplier<Wire> wires;
    private final Timeouts timeouts;
    private volatile UpstreamListener listener = UpstreamListener.NONE;
    private volatile CompletableFuture<JsonRpcPeer> ready = new CompletableFuture<>();
    private volatile JsonObject initializeResult;
    private volatile boolean stopped;
    private int failures;
    private long connectedAt;

    /** How long to wait for a connection and for a request's result. */
    public record Timeouts(Duration connect, Duration request) {
    }

    private UpstreamServer(String name, Supplier<Wire> wires, Timeouts timeouts) {
        this.name = name;
        this.wires = wires;
        this.timeouts = timeouts;
    }

    /** Where notifications outside requests and (re)connections are reported; set before {@link #start()}. */
    public void listener(UpstreamListener receiver) {
        this.listener = java.util.Objects.requireNonNull(receiver, "listener");
    }

    /** A child process speaking stdio; {@code environment} is all it gets. */
    public static UpstreamServer stdio(String name, List<String> command, Map<String, String> environment,
                                       Path workingDir, Timeouts timeouts) {
        return new UpstreamServer(name, () -> new StdioWire(name, command, environment, workingDir), timeouts);
    }

    public static UpstreamServer streamableHttp(String name, URI url, Map<String, String> headers,
                                                Timeouts timeouts) {
        return new UpstreamServer(name, () -> new StreamableHttpWire(name, url, headers, timeouts.connect()),
                timeouts);
    }

    public static UpstreamServer sse(String name, URI url, Map<String, String> headers,
                                     Timeouts timeouts) {
        return new UpstreamServer(name, () -> new LegacySseWire(name, url, headers, timeouts.connect()), timeouts);
    }

    /** A server in this JVM: {@code server} gets each message and a callback for its replies. */
    public static UpstreamServer inProcess(String name, BiConsumer<JsonObject, Consumer<JsonObject>> server,
                                           Timeouts timeouts) {
        return new UpstreamServer(name, () -> new InProcessWire(server), timeouts);
    }

    public String name() {
        return name;
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    /** Starts connecting in the background. */
    public void start() {
        Thread.ofVirtual().name("mcp-" + name + "-connect").start(this::connect);
    }

    /** The upstream's last initialize result (capabilities, serverInfo), or null before the first connection. */
    public JsonObject initializeResult() {
        return initializeResult;
    }

    public boolean isUp() {
        CompletableFuture<JsonRpcPeer> current = ready;
        return current.isDone() && !current.isCompletedExceptionally() && !current.join().isClosed();
    }

    /** True while the upstream is down after a failure (waiting out its backoff), as opposed to still starting. */
    public synchronized boolean isRestarting() {
        return failures > 0 && !isUp();
    }

    /** Sends a request, waiting up to the connect timeout for the upstream to be available. */
    public PendingCall call(String method, JsonObject params, CallContext context) {
        return peer().start(method, params, context);
    }

    /** Sends a request and waits up to the request timeout for its result. */
    public JsonObject request(String method, JsonObject params, CallContext context) {
        return call(method, params, context).await(timeouts.request());
    }

    public void notify(String method, JsonObject params) {
        try {
            peer().notify(method, params);
        } catch (IOException e) {
            throw new UpstreamException("upstream " + name + " could not be reached");
        }
    }

    private JsonRpcPeer peer() {
        try {
            JsonRpcPeer peer = ready.get(timeouts.connect().toMillis(), TimeUnit.MILLISECONDS);
            if (peer.isClosed()) {
                throw new UpstreamException("upstream " + name + " is restarting");
            }
            return peer;
        } catch (TimeoutException | ExecutionException e) {
            throw new UpstreamException("upstream " + name + " is not available");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException("upstream " + name + " is not available");
        }
    }

    private void connect() {
        if (stopped) {
            return;
        }
        Wire wire = wires.get();
        JsonRpcPeer peer = new JsonRpcPeer(name, wire, message -> listener.notification(name, message), this::lost);
        try {
            peer.start();
            JsonObject result = peer.start("initialize", initializeParams(), CallContext.NONE).await(timeouts.connect());
            String version = JsonRpc.string(result, "protocolVersion");
            peer.notify("notifications/initialized", null);
            wire.initialized(version == null ? PROTOCOL_VERSION : version);
            initializeResult = result;
            synchronized (this) {
                connectedAt = System.nanoTime();
            }
            ready.complete(peer);
            LOG.log(System.Logger.Level.INFO, "mcp upstream {0} connected (protocol {1})", name, version);
            listener.connected(name);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "mcp upstream {0} failed to start: {1}", name, e.getMessage());
            peer.close();
        }
    }

    private void lost(String reason) {
        if (stopped) {
            return;
        }
        Duration delay;
        synchronized (this) {
            boolean wasStable = connectedAt != 0 && System.nanoTime() - connectedAt > STABLE_AFTER.toNanos();
            failures = wasStable ? 0 : failures + 1;
            connectedAt = 0;
            long millis = Math.min(MAX_BACKOFF.toMillis(), MIN_BACKOFF.toMillis() << Math.min(failures, 10));
            delay = Duration.ofMillis(millis);
            CompletableFuture<JsonRpcPeer> current = ready;
            if (current.isDone()) {
                ready = new CompletableFuture<>();
            }
        }
        LOG.log(System.Logger.Level.WARNING, "mcp upstream {0} {1}; reconnecting in {2} ms", name, reason, delay.toMillis());
        Thread.ofVirtual().name("mcp-" + name + "-restart").start(() -> {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            connect();
        });
    }

    private static JsonObject initializeParams() {
        return JSON.createObjectBuilder().add("protocolVersion", PROTOCOL_VERSION)
                .add("capabilities", JSON.createObjectBuilder()
                        .add("sampling", JsonObject.EMPTY_JSON_OBJECT)
                        .add("elicitation", JsonObject.EMPTY_JSON_OBJECT)
                        .add("roots", JSON.createObjectBuilder().add("listChanged", true)))
                .add("clientInfo", JSON.createObjectBuilder().add("name", "agent-broker").add("version", "0.1"))
                .build();
    }

    @Override
    public void close() {
        stopped = true;
        CompletableFuture<JsonRpcPeer> current = ready;
        ready.completeExceptionally(new IllegalStateException("closed"));
        if (current.isDone() && !current.isCompletedExceptionally()) {
            current.join().close();
        }
    }
}
