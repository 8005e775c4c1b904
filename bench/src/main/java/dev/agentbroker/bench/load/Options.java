package dev.agentbroker.bench.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The harness's command line, as passed by bench/run. Immutable.
 *
 * @param root          the repository root (docs/benchmarks.md and the template are found from it)
 * @param brokerJar     broker/target/broker.jar
 * @param mcpEntry      the MCP upstream's entry script (server-everything's dist/index.js)
 * @param mcpVersion    that package's version, for the report
 * @param preload       the Node preload that binds the upstream to 127.0.0.1
 * @param plan          warm-up, round length, request cap and rounds
 * @param jitWarmup     per scenario and side, how long to drive it at {@link #JIT_WARMUP_CONCURRENCY}
 *                      before any cell is measured (steady state: the JIT has compiled the hot path)
 * @param concurrency   the concurrency levels to measure
 * @param latencyMs     the stand-in's fixed latency before answering
 * @param chunks        content chunks in a streamed answer
 * @param chunkDelayMs  delay between streamed chunks
 * @param writeDoc      whether to rewrite docs/benchmarks.md
 * @param command       the exact command line, for the report
 */
record Options(Path root, Path brokerJar, Path mcpEntry, String mcpVersion, Path preload, LoadRun.Plan plan, Duration jitWarmup,
               List<Integer> concurrency, long latencyMs, int chunks, long chunkDelayMs, boolean writeDoc,
               String command) {

    static final int JIT_WARMUP_CONCURRENCY = 32;
    static final String USAGE = """
            bench/run [--quick] [--rounds N] [--seconds S] [--warmup S] [--jit-warmup S] [--max-requests N]
                      [--concurrency 1,32] [--latency-ms MS] [--chunks N] [--chunk-delay-ms MS] [--no-doc]""";

    static Options parse(List<String> args) {
        Builder b = new Builder();
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String flag = rest.removeFirst();
            switch (flag) {
                case "--quick" -> b.quick();
                case "--no-doc" -> b.writeDoc = false;
                case "--rounds" -> b.rounds = Integer.parseInt(value(flag, rest));
                case "--seconds" -> b.seconds = Double.parseDouble(value(flag, rest));
                case "--warmup" -> b.warmup = Double.parseDouble(value(flag, rest));
                case "--jit-warmup" -> b.jitWarmup = Double.parseDouble(value(flag, rest));
                case "--max-requests" -> b.maxRequests = Long.parseLong(value(flag, rest));
                case "--concurrency" -> b.concurrency = Arrays.stream(value(flag, rest).split(","))
                        .map(String::trim).map(Integer::valueOf).toList();
                case "--latency-ms" -> b.latencyMs = Long.parseLong(value(flag, rest));
                case "--chunks" -> b.chunks = Integer.parseInt(value(flag, rest));
                case "--chunk-delay-ms" -> b.chunkDelayMs = Long.parseLong(value(flag, rest));
                case "--root" -> b.root = Path.of(value(flag, rest));
                case "--broker-jar" -> b.brokerJar = Path.of(value(flag, rest));
                case "--mcp-entry" -> b.mcpEntry = Path.of(value(flag, rest));
                case "--mcp-version" -> b.mcpVersion = value(flag, rest);
                case "--preload" -> b.preload = Path.of(value(flag, rest));
                case "--command" -> b.command = value(flag, rest);
                default -> throw new IllegalArgumentException("unknown option " + flag + "\nusage: " + USAGE);
            }
        }
        return b.build();
    }

    private static String value(String flag, List<String> rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(flag + " needs a value\nusage: " + USAGE);
        }
        return rest.removeFirst();
    }

    /** Mutable collector of the flags, with the full run's defaults. */
    private static final class Builder {
        Path root;
        Path brokerJar;
        Path mcpEntry;
        String mcpVersion = "?";
        Path preload;
        int rounds = 3;
        double seconds = 8;
        double warmup = 4;
        double jitWarmup = 20;
        long maxRequests = 400_000;
        List<Integer> concurrency = List.of(1, 32);
        long latencyMs;
        int chunks = 8;
        long chunkDelayMs = 2;
        boolean writeDoc = true;
        String command = "bench/run";

        void quick() {
            rounds = 1;
            seconds = 2;
            warmup = 1;
            jitWarmup = 5;
        }

        Options build() {
            if (root == null || brokerJar == null || mcpEntry == null || preload == null) {
                throw new IllegalArgumentException("--root, --broker-jar, --mcp-entry and --preload are required (bench/run passes them)");
            }
            if (rounds < 1 || seconds <= 0 || warmup < 0 || jitWarmup < 0 || chunks < 1 || concurrency.isEmpty()) {
                throw new IllegalArgumentException("rounds, seconds, chunks must be positive, warm-ups not negative and concurrency non-empty");
            }
            LoadRun.Plan plan = new LoadRun.Plan(Duration.ofMillis((long) (warmup * 1000)),
                    Duration.ofMillis((long) (seconds * 1000)), maxRequests, rounds);
            return new Options(root, brokerJar, mcpEntry, mcpVersion, preload, plan,
                    Duration.ofMillis((long) (jitWarmup * 1000)), List.copyOf(concurrency), latencyMs,
                    chunks, chunkDelayMs, writeDoc, command);
        }
    }
}
