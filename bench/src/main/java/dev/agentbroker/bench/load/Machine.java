package dev.agentbroker.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the figures were measured on, read from the running system: CPU count and model
 * ({@code /proc/cpuinfo}), memory ({@code /proc/meminfo}), the JDK, the OS
 * ({@code /etc/os-release}, kernel) and the load average when the run started (the machine
 * may be shared). Immutable.
 */
record Machine(int cpus, String cpuModel, String memory, String jdk, String os, String loadAverage) {

    static Machine describe() {
        String cpuModel = field("/proc/cpuinfo", "model name").orElse("unknown CPU");
        String memory = field("/proc/meminfo", "MemTotal")
                .map(v -> String.format("%.1f GiB", Long.parseLong(v.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                .orElse("unknown");
        String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")";
        String os = field("/etc/os-release", "PRETTY_NAME").map(v -> v.replace("\"", "")).orElse(System.getProperty("os.name"))
                + ", kernel " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
        String load = read("/proc/loadavg").map(s -> String.join(" ", java.util.Arrays.copyOf(s.trim().split("\\s+"), 3)))
                .orElse("unknown");
        return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel, memory, jdk, os, load);
    }

    String markdown() {
        return "%d CPUs (`nproc`), %s; %s memory; %s; %s; load average at start %s.".formatted(
                cpus, cpuModel, memory, jdk, os, loadAverage);
    }

    private static Optional<String> field(String file, String name) {
        return read(file).flatMap(text -> text.lines()
                .filter(l -> l.startsWith(name))
                .map(l -> l.substring(l.indexOf(l.contains(":") ? ':' : '=') + 1).trim())
                .findFirst());
    }

    private static Optional<String> read(String file) {
        try {
            return Optional.of(Files.readString(Path.of(file)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
