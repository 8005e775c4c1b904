package dev.agentbroker.bench.load;

/**
 * The timing of one completed request.
 *
 * @param firstByteNanos from sending until the first response body byte (equal to {@code
 *                       totalNanos} when the body is read in one piece)
 * @param totalNanos     from sending until the whole response was read
 */
record Sample(long firstByteNanos, long totalNanos) {
}
