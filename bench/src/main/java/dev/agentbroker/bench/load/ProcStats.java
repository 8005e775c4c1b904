package dev.agentbroker.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's CPU time (user + system, all threads) and resident memory as Linux reports
 * them in {@code /proc/PID/stat} (fields 14 and 15, in clock ticks) and {@code
 * /proc/PID/status} ({@code VmRSS}). A snapshot; subtract two for a phase's CPU.
 *
 * @param cpuNanos CPU time consumed so far, in nanoseconds (10 ms resolution at 100 ticks/s)
 * @param rssKiB   resident set size in KiB
 */
record ProcStats(long cpuNanos, long rssKiB) {
    /** Clock ticks per second; 100 on every Linux this runs on (getconf CLK_TCK). */
    static final long TICKS_PER_SECOND = 100;

    static ProcStats of(long pid) {
        try {
            return new ProcStats(cpuNanos(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))),
                    rssKiB(Files.readString(Path.of("/proc", Long.toString(pid), "status"))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + pid + " (process gone?)", e);
        }
    }

    static long cpuNanos(String stat) {
        // the command name (field 2) is in parentheses and may hold spaces: split after it
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1_000_000_000L / TICKS_PER_SECOND;
    }

    static long rssKiB(String status) {
        return status.lines().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                .findFirst().orElseThrow(() -> new IllegalStateException("no VmRSS line in /proc/PID/status"));
    }

    ProcStats minus(ProcStats before) {
        return new ProcStats(cpuNanos - before.cpuNanos, rssKiB);
    }
}
