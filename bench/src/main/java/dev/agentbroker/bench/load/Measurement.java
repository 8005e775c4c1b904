package dev.agentbroker.bench.load;

/**
 * What one timed round of one scenario on one side at one concurrency produced. Latencies
 * in nanoseconds; {@code cpuNanosPerRequest} and {@code rssKiB} are of the process that
 * served the side (the broker, or the upstream on the direct path).
 *
 * @param requests           requests completed correctly
 * @param errors             requests that failed (wrong status or content, timeout)
 * @param firstError         the first failure's message, or null
 * @param elapsedNanos       wall time of the round
 * @param p50                median total latency
 * @param p99                99th percentile total latency
 * @param firstByteP50       median time to first body byte
 * @param firstByteP99       99th percentile time to first body byte
 * @param cpuNanosPerRequest the serving process's CPU time divided by requests
 * @param driverCpuNanosPerRequest the load driver's own CPU time divided by requests
 * @param rssKiB             the serving process's resident memory at the end of the round
 */
record Measurement(long requests, long errors, String firstError, long elapsedNanos, long p50, long p99,
                   long firstByteP50, long firstByteP99, long cpuNanosPerRequest, long driverCpuNanosPerRequest,
                   long rssKiB) {

    double throughput() {
        return requests * 1e9 / elapsedNanos;
    }
}
