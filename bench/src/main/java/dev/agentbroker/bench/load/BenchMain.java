package dev.agentbroker.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import dev.agentbroker.mcp.gateway.Names;

/**
 * The end-to-end harness behind {@code bench/run}: starts the local stack, measures every
 * scenario at every concurrency directly and through the broker, prints the report and
 * rewrites its part of docs/benchmarks.md. Through-broker cells are measured only with a
 * real task token; when the broker cannot issue one, or does not serve an endpoint, the
 * report says so instead of showing figures.
 */
public final class BenchMain {
    private static final String SCOPE = "model:" + LocalStack.MODEL_ALIAS + " mcp:" + LocalStack.MCP_SERVER;

    private final Options options;
    private final LocalStack stack;
    private final LoadRun run;
    private final TaskTokens tokens;
    private final Results results = new Results();
    private final HttpClient http;
    private String brokerPath;

    private BenchMain(Options options, LocalStack stack, HttpClient http) {
        this.options = options;
        this.stack = stack;
        this.http = http;
        this.run = new LoadRun(http, options.plan());
        this.tokens = new TaskTokens(http, stack.brokerUrl, LocalStack.AGENT_ID, stack.agentSecret, SCOPE);
        this.brokerPath = "a real task token from `POST /oauth2/token` (client_credentials as `" + LocalStack.AGENT_ID
                + "`, scope `" + SCOPE + "`), fresh for each cell; Cedar and audit as the template configures them";
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Machine machine = Machine.describe();
        Path work = freshDirectory(options.root().resolve("bench/target/bench-run"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        try (LocalStack stack = LocalStack.start(options, work)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
            BenchMain bench = new BenchMain(options, stack, http);
            List<Scenario> scenarios = List.of(new ModelScenario(false, options.chunks()),
                    new ModelScenario(true, options.chunks()), new McpScenario());
            bench.measureAll(scenarios);
            String markdown = new Report(options, machine, bench.results, scenarios, bench.brokerPath).markdown();
            System.out.println(markdown);
            if (options.writeDoc()) {
                writeDoc(options.root().resolve("docs/benchmarks.md"), markdown);
            }
        }
    }

    private void measureAll(List<Scenario> scenarios) throws InterruptedException {
        results.brokerIdleRssKiB = stack.broker.stats().rssKiB();
        warmUpJit(scenarios);
        for (Scenario s : scenarios) {
            for (int c : options.concurrency()) {
                record(s, c, Results.DIRECT, run.run(s, direct(s), c, s instanceof McpScenario ? stack.mcp : stack.standIn));
                record(s, c, Results.BROKER, throughBroker(s, c));
            }
        }
    }

    /**
     * Drives every scenario on both sides before anything is measured, so the cells see JIT-compiled
     * code in all three JVMs: at concurrency 1 a freshly started broker needs tens of seconds of
     * traffic before its C2 compiler threads go quiet (they took 45 % of its CPU in a 10 s warm-up).
     */
    private void warmUpJit(List<Scenario> scenarios) throws InterruptedException {
        if (options.jitWarmup().isZero()) {
            return;
        }
        int c = Options.JIT_WARMUP_CONCURRENCY;
        for (Scenario s : scenarios) {
            System.err.printf("warm-up %-7s concurrency %d, %d s per side (JIT)%n", s.id(), c, options.jitWarmup().toSeconds());
            run.warmUp(s, direct(s), c, options.jitWarmup());
            Side broker = brokerSide(s);
            if (broker != null) {
                run.warmUp(s, broker, c, options.jitWarmup());
            }
        }
    }

    private CellResult throughBroker(Scenario s, int concurrency) throws InterruptedException {
        Side side = brokerSide(s);
        if (side == null) {
            return CellResult.notMeasured(brokerPath);
        }
        Map<String, double[]> before = BrokerParts.scrape(http, stack.brokerUrl);
        CellResult result = run.run(s, side, concurrency, stack.broker);
        results.parts(s.id(), concurrency, BrokerParts.between(before, BrokerParts.scrape(http, stack.brokerUrl)));
        return result;
    }

    /** The broker side with a fresh task token, or null (and why, in {@code brokerPath}) when none is issued. */
    private Side brokerSide(Scenario s) throws InterruptedException {
        boolean mcp = s instanceof McpScenario;
        URI resource = stack.brokerUrl.resolve(mcp ? "/mcp" : "/v1");
        TaskTokens.Outcome token = tokens.fetch(resource);
        if (token.problem() != null) {
            brokerPath = token.problem();
            return null;
        }
        return mcp
                ? new Side(Results.BROKER, resource, Names.namespaced(LocalStack.MCP_SERVER, "echo"), token.token())
                : new Side(Results.BROKER, stack.brokerUrl.resolve("/v1/chat/completions"), LocalStack.MODEL_ALIAS, token.token());
    }

    private Side direct(Scenario s) {
        return s instanceof McpScenario
                ? new Side(Results.DIRECT, stack.mcpUrl, "echo", null)
                : new Side(Results.DIRECT, stack.standInUrl.resolve("/v1/chat/completions"), LocalStack.STANDIN_MODEL, null);
    }

    private void record(Scenario s, int c, String side, CellResult r) {
        results.put(s.id(), c, side, r);
        String figures = !r.measured() ? r.problem()
                : "p50 %s, p99 %s, %s, CPU/req %.0f us (driver %.0f us), %d errors".formatted(
                Report.ms(r.median(Measurement::p50)), Report.ms(r.median(Measurement::p99)),
                Report.rate(r.median(Measurement::throughput)), r.median(Measurement::cpuNanosPerRequest) / 1e3,
                r.median(Measurement::driverCpuNanosPerRequest) / 1e3, r.errors());
        System.err.printf("%-7s concurrency %-3d %-7s %s%n", s.id(), c, side, figures);
    }

    private static Path freshDirectory(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    private static void writeDoc(Path doc, String markdown) throws IOException {
        String current = Files.exists(doc) ? Files.readString(doc) : "# Benchmarks\n";
        Files.writeString(doc, DocSection.replace(current, markdown));
        System.err.println("Rewrote the bench/run part of " + doc);
    }
}
