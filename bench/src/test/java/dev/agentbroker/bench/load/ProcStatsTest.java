package dev.agentbroker.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcStatsTest {
    @Test
    void readsUserPlusSystemTicksAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (java (bench) x) S 1 4242 4242 0 -1 4194304 100 0 0 0 250 50 0 0 20 0 40 0 123 0 0";
        assertEquals(3_000_000_000L, ProcStats.cpuNanos(stat));
    }

    @Test
    void readsResidentMemory() {
        assertEquals(123456, ProcStats.rssKiB("Name:\tjava\nVmPeak:\t 999999 kB\nVmRSS:\t  123456 kB\nThreads:\t40\n"));
    }

    @Test
    void readsThisProcess() {
        ProcStats self = ProcStats.of(ProcessHandle.current().pid());
        assertTrue(self.rssKiB() > 1024, self.toString());
        assertTrue(self.cpuNanos() > 0, self.toString());
    }
}
