package dev.agentbroker.broker.audit;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A child JVM for the kill -9 test: records {@code count} events from {@code concurrency}
 * virtual threads through a real {@link FileAuditSink} and prints {@code ack N SEQ} for each
 * record once {@link FileAuditSink#record} returned (the moment a request would be answered).
 */
public final class AuditLoadMain {
    private AuditLoadMain() {
    }

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        FileAuditSink sink = AuditLogs.open(base, AuditLogs.config("checkpoint-records", 100));
        System.out.println("ready");
        System.out.flush();
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        long seq = sink.record(AuditLogs.event("load", n));
                        synchronized (System.out) {
                            System.out.println("ack " + n + " " + seq);
                            System.out.flush();
                        }
                        Thread.sleep(2);
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.MINUTES);
        }
        sink.close();
        System.out.println("done");
    }
}
