package dev.agentbroker.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler reporting CPU time per operation: {@code cpu} for the benchmark's worker
 * threads (the decision itself, native code included) and {@code cpu.process} for the whole
 * JVM (adds GC and JIT threads). On a machine shared with other builds, wall-clock samples
 * include the time a thread waited for a core; CPU time does not. Use with
 * {@code -prof dev.agentbroker.bench.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long start;
    private long workerStart;

    @Override
    public String getDescription() {
        return "process CPU time per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        start = os.getProcessCpuTime();
        workerStart = workerCpu();
    }

    private long workerCpu() {
        long sum = 0;
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().contains("jmh-worker")) {
                sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long ops = Math.max(1, result.getMetadata().getAllOps());
        double process = (os.getProcessCpuTime() - start) / 1000.0 / ops;
        double worker = (workerCpu() - workerStart) / 1000.0 / ops;
        return List.of(new ScalarResult("cpu", worker, "us/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.process", process, "us/op", AggregationPolicy.AVG));
    }
}
