package dev.agentbroker.mcp.upstream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import dev.agentbroker.mcp.jsonrpc.JsonRpc;
import dev.agentbroker.mcp.jsonrpc.McpProtocolException;

/**
 * The stdio transport (MCP "Transports", stdio): a child process exchanging newline-delimited
 * JSON-RPC on stdin/stdout; its stderr goes to the broker's log. The child gets a clean
 * environment holding only the variables its configuration names, never the broker's own.
 */
final class StdioWire implements Wire {
    private static final System.Logger LOG = System.getLogger(StdioWire.class.getName());

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workingDir;
    private Process process;
    private OutputStream stdin;

    StdioWire(String name, List<String> command, Map<String, String> environment, Path workingDir) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workingDir = workingDir;
    }

    @Override
    public void start(Inbound inbound) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
        builder.environment().clear();
        builder.environment().putAll(environment);
        if (workingDir != null) {
            builder.directory(workingDir.toFile());
        }
        process = builder.start();
        stdin = process.getOutputStream();
        Process child = process;
        Thread.ofVirtual().name("mcp-" + name + "-stdout").start(() -> readStdout(child, inbound));
        Thread.ofVirtual().name("mcp-" + name + "-stderr").start(() -> readStderr(child));
    }

    private void readStdout(Process child, Inbound inbound) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    if (JsonRpc.parse(line) instanceof JsonObject message) {
                        inbound.message(message, null);
                    }
                } catch (McpProtocolException e) {
                    LOG.log(System.Logger.Level.WARNING, "{0}: ignored a non-JSON line on stdout", name);
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: stdout closed", name);
        }
        String reason = "exited";
        try {
            reason = "exited with status " + child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        inbound.closed(reason);
    }

    private void readStderr(Process child) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                LOG.log(System.Logger.Level.INFO, "mcp server {0} stderr: {1}", name, line);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: stderr closed", name);
        }
    }

    @Override
    public synchronized void send(JsonObject message, CallContext hint) throws IOException {
        if (stdin == null) {
            throw new IOException("not started");
        }
        stdin.write(JsonRpc.bytes(message));
        stdin.write('\n');
        stdin.flush();
    }

    /** The child's process id, for supervision tests and diagnostics. */
    long pid() {
        return process == null ? -1 : process.pid();
    }

    @Override
    public void close() {
        if (process != null) {
            try {
                stdin.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "{0}: stdin already closed", name);
            }
            process.destroy();
            process.descendants().forEach(ProcessHandle::destroy);
        }
    }
}
