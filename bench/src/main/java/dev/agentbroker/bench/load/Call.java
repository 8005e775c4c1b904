package dev.agentbroker.bench.load;

/**
 * One worker's request loop body: each {@link #call} makes one request, checks the answer
 * (status and content) and returns its timing, or throws naming what was wrong. One
 * instance per worker, used by that worker's thread only.
 */
interface Call extends AutoCloseable {
    Sample call() throws Exception;

    @Override
    default void close() {
    }
}
