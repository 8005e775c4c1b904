package dev.agentbroker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import dev.agentbroker.broker.audit.AuditConfig;
import dev.agentbroker.broker.audit.AuditEvent;
import dev.agentbroker.broker.audit.AuditVerifier;
import dev.agentbroker.broker.audit.CheckpointKeys;
import dev.agentbroker.broker.audit.FileAuditSink;

/**
 * Durable audit appends at concurrency 32: each operation is one {@code record()} that
 * returns only after its record is fsynced (group commit), as a request waits before it is
 * answered. {@code durableAppend} gives records/s, {@code durableAppendLatency} the
 * acknowledgement latency percentiles. The log goes to a temporary directory on the working directory's file system
 * ({@code -Daudit.bench.dir=DIR} to choose another) and is verified at the end of each trial.
 */
@State(Scope.Benchmark)
@Threads(32)
public class AuditAppendBench {
    private Path base;
    private FileAuditSink sink;
    private final AuditEvent event = AuditEvent.builder("tool.call").task("task-7f3a", "0af7651916cd43dd8448eb211c80319c")
            .span("b7ad6b7169203331", "00f067aa0ba902b7").user("alice@example.com").actors(List.of("planner", "coder"))
            .client("coder").tokenId("jti-5c1e9b2a").action("call_tool", "Tool::\"fs__write_file\"")
            .decision("allow", List.of("permit-sandbox-write"), "sha256:4be1c0").outcome("ok", 1840)
            .attribute("server", "fs").attribute("tool", "fs__write_file")
            .attribute("argument_digest", "sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef")
            .attribute("arguments_redacted", "{\"path\":\"/sandbox/notes.txt\",\"content\":\"<redacted 812 bytes>\"}").build();

    @Setup(Level.Trial)
    public void open() throws IOException {
        Path parent = Path.of(System.getProperty("audit.bench.dir", "target"));
        Files.createDirectories(parent);
        base = Files.createTempDirectory(parent.toAbsolutePath(), "audit-bench");
        sink = FileAuditSink.open(base.resolve("audit"), AuditConfig.defaults(),
                CheckpointKeys.loadOrCreate(base.resolve("audit-keys")), Clock.systemUTC());
    }

    @TearDown(Level.Trial)
    public void closeAndVerify() throws IOException {
        sink.close();
        var report = AuditVerifier.verify(base.resolve("audit"),
                CheckpointKeys.readPublic(base.resolve("audit-keys").resolve(CheckpointKeys.PUBLIC_FILE)));
        System.out.println("\n" + report.summary());
        if (!report.ok()) {
            throw new IllegalStateException("the benchmark's log does not verify: " + report.summary());
        }
        try (Stream<Path> files = Files.walk(base)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** Records per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long durableAppend() {
        return sink.record(event);
    }

    /** Acknowledgement latency distribution (p50, p99...). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long durableAppendLatency() {
        return sink.record(event);
    }
}
