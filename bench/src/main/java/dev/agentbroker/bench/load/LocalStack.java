package dev.agentbroker.bench.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The processes a run needs, each on 127.0.0.1 and each its own process so its CPU and
 * memory can be read apart: the provider stand-in (a JVM), two MCP upstreams
 * ({@code @modelcontextprotocol/server-everything} in {@code streamableHttp} mode on Node),
 * one for the direct side and one behind the broker, and the broker (its own JVM, started
 * like bin/broker does, with the configuration rendered from bench/broker.yaml.template).
 * Each side has its own upstream because server-everything keeps every SSE event of a
 * session in memory: one process serving both sides grew past 1 GB and slowed down as a run
 * went on, so whichever side was measured later paid for the other's traffic.
 * {@link #close} stops them all.
 */
final class LocalStack implements AutoCloseable {
    static final String AGENT_ID = "bench-agent";
    static final String MODEL_ALIAS = "bench";
    static final String STANDIN_MODEL = "bench-model";
    static final String MCP_SERVER = "everything";

    final ChildProcess standIn;
    final URI standInUrl;
    final ChildProcess mcp;
    final URI mcpUrl;
    final ChildProcess brokerMcp;
    final ChildProcess broker;
    final URI brokerUrl;
    final String agentSecret;

    private LocalStack(ChildProcess standIn, URI standInUrl, Upstream mcp, Upstream brokerMcp, ChildProcess broker,
                       URI brokerUrl, String agentSecret) {
        this.standIn = standIn;
        this.standInUrl = standInUrl;
        this.mcp = mcp.process();
        this.mcpUrl = mcp.url();
        this.brokerMcp = brokerMcp.process();
        this.broker = broker;
        this.brokerUrl = brokerUrl;
        this.agentSecret = agentSecret;
    }

    static LocalStack start(Options options, Path work) throws IOException, InterruptedException {
        List<ChildProcess> started = new ArrayList<>();
        try {
            ChildProcess standIn = track(started, startStandIn(options, work));
            URI standInUrl = URI.create("http://127.0.0.1:" + standIn.await(Pattern.compile("listening on (\\d+)"),
                    Duration.ofSeconds(60)));
            Upstream mcp = startMcp(options, work, "direct", started);
            Upstream brokerMcp = startMcp(options, work, "broker", started);
            String secret = UUID.randomUUID().toString();
            ChildProcess broker = track(started, startBroker(options, work, standInUrl, brokerMcp.url(), secret));
            URI brokerUrl = URI.create(broker.await(Pattern.compile("listening on (http://\\S+)"), Duration.ofSeconds(120)));
            return new LocalStack(standIn, standInUrl, mcp, brokerMcp, broker, brokerUrl, secret);
        } catch (IOException | InterruptedException | RuntimeException e) {
            started.reversed().forEach(ChildProcess::close);
            throw e;
        }
    }

    /** One MCP upstream process and its Streamable HTTP endpoint. */
    private record Upstream(ChildProcess process, URI url) {
    }

    private static Upstream startMcp(Options options, Path work, String side, List<ChildProcess> started)
            throws IOException, InterruptedException {
        int port = freePort();
        ChildProcess mcp = track(started, ChildProcess.start("MCP upstream for the " + side + " side (server-everything)",
                List.of("node", "--require", options.preload().toString(), options.mcpEntry().toString(), "streamableHttp"),
                Map.of("PORT", Integer.toString(port)), work.resolve("mcp-upstream-" + side + ".log")));
        mcp.await(Pattern.compile("listening on port (\\d+)"), Duration.ofSeconds(60));
        return new Upstream(mcp, URI.create("http://127.0.0.1:" + port + "/mcp"));
    }

    private static ChildProcess track(List<ChildProcess> started, ChildProcess p) {
        started.add(p);
        return p;
    }

    private static ChildProcess startStandIn(Options o, Path work) {
        List<String> command = List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                ProviderStandIn.class.getName(), Long.toString(o.latencyMs()), Integer.toString(o.chunks()),
                Long.toString(o.chunkDelayMs()));
        return ChildProcess.start("provider stand-in", command, Map.of(), work.resolve("provider-standin.log"));
    }

    private static ChildProcess startBroker(Options o, Path work, URI standIn, URI mcp, String secret) throws IOException {
        Path dataDir = work.resolve("broker-data");
        String config = ConfigTemplate.render(Files.readString(o.root().resolve("bench/broker.yaml.template")), Map.of(
                "PROVIDER_URL", standIn + "/v1", "MCP_URL", mcp.toString(), "DATA_DIR", dataDir.toString(),
                "AGENT_ID", AGENT_ID, "AGENT_SECRET", "env:BENCH_AGENT_SECRET"));
        Path file = work.resolve("broker.yaml");
        Files.writeString(file, config);
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        String opts = System.getenv().getOrDefault("BROKER_JAVA_OPTS", "").trim();
        if (!opts.isEmpty()) {
            command.addAll(Arrays.asList(opts.split("\\s+")));
        }
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-jar", o.brokerJar().toString(), "start",
                "--config", file.toString()));
        return ChildProcess.start("broker", command, Map.of("BENCH_AGENT_SECRET", secret,
                "BENCH_PROVIDER_KEY", "sk-bench-" + UUID.randomUUID()), work.resolve("broker.log"));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        broker.close();
        brokerMcp.close();
        mcp.close();
        standIn.close();
    }
}
