package dev.agentbroker.bench.load;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives one scenario against one side: opens a {@link Call} per worker (all sharing one
 * HttpClient and its keep-alive pool: measured here, one client on a virtual-thread executor
 * cost the driver about a third of the CPU per request of four clients or of the default
 * executor), proves the path
 * with one checked request, warms up, then times {@code rounds} rounds. Each round runs
 * {@code concurrency} virtual threads in a closed loop until its duration or its request
 * cap is reached, whichever comes first, and reads the serving process's CPU and memory
 * before and after. Not thread-safe: one run at a time.
 */
final class LoadRun {
    /** How long and how much: bounded in time and in count. */
    record Plan(Duration warmup, Duration round, long maxRequestsPerRound, int rounds) {
    }

    private final HttpClient http;
    private final Plan plan;

    LoadRun(HttpClient http, Plan plan) {
        this.http = http;
        this.plan = plan;
    }

    CellResult run(Scenario scenario, Side side, int concurrency, ChildProcess server) throws InterruptedException {
        List<Call> calls = new ArrayList<>();
        try {
            for (int i = 0; i < concurrency; i++) {
                calls.add(scenario.open(http, side, i));
            }
            calls.getFirst().call();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            calls.forEach(Call::close);
            return CellResult.notMeasured("not measured: " + e.getMessage());
        }
        try {
            loop(calls, plan.warmup(), Long.MAX_VALUE);
            List<Measurement> rounds = new ArrayList<>();
            for (int r = 0; r < plan.rounds(); r++) {
                rounds.add(measure(calls, server));
            }
            return CellResult.of(rounds);
        } catch (java.io.UncheckedIOException e) {
            return CellResult.notMeasured("not measured: " + e.getMessage());
        } finally {
            calls.forEach(Call::close);
        }
    }

    /** Drives {@code side} for {@code duration} without measuring; a side that fails is left to its cells to report. */
    void warmUp(Scenario scenario, Side side, int concurrency, Duration duration) throws InterruptedException {
        List<Call> calls = new ArrayList<>();
        try {
            for (int i = 0; i < concurrency; i++) {
                calls.add(scenario.open(http, side, i));
            }
            loop(calls, duration, Long.MAX_VALUE);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            System.err.println("warm-up of the " + side.label() + " side failed: " + e.getMessage());
        } finally {
            calls.forEach(Call::close);
        }
    }

    private Measurement measure(List<Call> calls, ChildProcess server) throws InterruptedException {
        ProcStats before = server.stats();
        ProcStats driverBefore = ProcStats.of(ProcessHandle.current().pid());
        long start = System.nanoTime();
        Recorder all = loop(calls, plan.round(), plan.maxRequestsPerRound());
        long elapsed = System.nanoTime() - start;
        ProcStats used = server.stats().minus(before);
        ProcStats driver = ProcStats.of(ProcessHandle.current().pid()).minus(driverBefore);
        long n = all.count();
        if (n == 0) {
            return new Measurement(0, all.errors(), all.firstError(), elapsed, 0, 0, 0, 0, 0, 0, used.rssKiB());
        }
        Percentiles total = new Percentiles(all.totals());
        Percentiles firstByte = new Percentiles(all.firstBytes());
        return new Measurement(n, all.errors(), all.firstError(), elapsed, total.at(50), total.at(99),
                firstByte.at(50), firstByte.at(99), used.cpuNanos() / n, driver.cpuNanos() / n, used.rssKiB());
    }

    private static Recorder loop(List<Call> calls, Duration duration, long maxRequests) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicLong budget = new AtomicLong(maxRequests);
        List<Recorder> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (Call call : calls) {
            Recorder recorder = new Recorder();
            recorders.add(recorder);
            threads.add(Thread.ofVirtual().start(() -> work(call, recorder, deadline, budget)));
        }
        for (Thread t : threads) {
            t.join();
        }
        return Recorder.merge(recorders);
    }

    private static void work(Call call, Recorder recorder, long deadline, AtomicLong budget) {
        while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
            try {
                recorder.add(call.call());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                recorder.failed(e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
    }
}
