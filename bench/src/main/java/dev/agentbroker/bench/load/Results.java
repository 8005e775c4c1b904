package dev.agentbroker.bench.load;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every cell of a run, keyed by scenario, concurrency and side ({@code direct} or
 * {@code broker}), plus what the run knew about the broker path as a whole. Filled by one
 * thread, then read by the report.
 */
final class Results {
    static final String DIRECT = "direct";
    static final String BROKER = "broker";

    /** The coordinates of one cell. */
    record Key(String scenario, int concurrency, String side) {
    }

    private final Map<Key, CellResult> cells = new LinkedHashMap<>();
    private final Map<Key, BrokerParts> parts = new LinkedHashMap<>();
    long brokerIdleRssKiB;
    long brokerPeakRssKiB;

    void put(String scenario, int concurrency, String side, CellResult result) {
        cells.put(new Key(scenario, concurrency, side), result);
        if (BROKER.equals(side) && result.measured()) {
            result.rounds().forEach(m -> brokerPeakRssKiB = Math.max(brokerPeakRssKiB, m.rssKiB()));
        }
    }

    /** The broker's own timers over its cell at {@code concurrency}. */
    void parts(String scenario, int concurrency, BrokerParts p) {
        parts.put(new Key(scenario, concurrency, BROKER), p);
    }

    /** The broker's timers over that cell, or null when they were not read. */
    BrokerParts parts(String scenario, int concurrency) {
        return parts.get(new Key(scenario, concurrency, BROKER));
    }

    CellResult get(String scenario, int concurrency, String side) {
        CellResult r = cells.get(new Key(scenario, concurrency, side));
        return r == null ? CellResult.notMeasured("not run") : r;
    }
}
