package dev.agentbroker.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process the harness started (the provider stand-in, the MCP upstream, the broker): its
 * output goes to a log file, {@link #await} waits for a line of that log, {@link #stats}
 * reads its CPU and memory, and {@link #close} stops it (SIGTERM, then SIGKILL after 10 s).
 * Only processes started here are ever stopped, by their own handle.
 */
final class ChildProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            return new ChildProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
        }
    }

    /** The first group of the first log line matching {@code pattern}, waiting up to {@code timeout}. */
    String await(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = pattern.matcher(logText());
            if (m.find()) {
                return m.group(1);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue()
                        + " before it was ready; its log (" + log + ") ends:\n" + tail());
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; its log (" + log
                + ") ends:\n" + tail());
    }

    long pid() {
        return process.pid();
    }

    ProcStats stats() {
        return ProcStats.of(process.pid());
    }

    String tail() {
        String text = logText();
        return text.substring(Math.max(0, text.length() - 2000));
    }

    private String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
