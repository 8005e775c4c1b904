package dev.agentbroker.mcp.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import jakarta.json.JsonObject;

import dev.agentbroker.mcp.jsonrpc.JsonRpc;
import dev.agentbroker.mcp.jsonrpc.McpProtocolException;

/**
 * Runs one sandbox server over stdio (newline-delimited JSON-RPC):
 * {@code java -cp ... dev.agentbroker.mcp.sandbox.SandboxMain fs ROOT | fetch | notes}.
 */
public final class SandboxMain {
    private SandboxMain() {
    }

    public static void main(String[] args) throws IOException {
        SandboxServer server = switch (args.length == 0 ? "" : args[0]) {
            case "fs" -> new FileSystemServer(Path.of(args.length > 1 ? args[1] : "sandbox"));
            case "fetch" -> new FetchServer(FetchServer.QUICKSTART_PAGES);
            case "notes" -> new NotesServer();
            default -> {
                System.err.println("usage: SandboxMain fs ROOT | fetch | notes");
                System.exit(2);
                yield null;
            }
        };
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            try {
                if (JsonRpc.parse(line) instanceof JsonObject message) {
                    server.accept(message, reply -> {
                        synchronized (out) {
                            out.println(JsonRpc.write(reply));
                            out.flush();
                        }
                    });
                }
            } catch (McpProtocolException e) {
                System.err.println("ignored a malformed line");
            }
        }
    }
}
