package dev.agentbroker.broker.mcp;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The real npm MCP servers the integration tests run against, installed on first use into
 * target/npm (pinned versions), and the no-dependency recording upstream script.
 */
final class NodeUpstreams {
    static final String EVERYTHING_VERSION = "2026.8.31";
    static final Path NPM = Path.of("target", "npm").toAbsolutePath();
    static final Path EVERYTHING = NPM.resolve("node_modules/@modelcontextprotocol/server-everything/dist/index.js");

    private NodeUpstreams() {
    }

    static synchronized Path everything() throws Exception {
        if (!Files.exists(NPM.resolve("node_modules/@modelcontextprotocol/server-everything/package.json"))
                || !Files.readString(NPM.resolve("node_modules/@modelcontextprotocol/server-everything/package.json"))
                        .contains("\"version\": \"" + EVERYTHING_VERSION + "\"")) {
            Files.createDirectories(NPM);
            run("npm", "install", "--prefix", NPM.toString(), "--no-audit", "--no-fund", "--loglevel=error",
                    "@modelcontextprotocol/server-everything@" + EVERYTHING_VERSION);
        }
        return EVERYTHING;
    }

    static final String INSPECTOR_VERSION = "2.12.0";

    /** The MCP Inspector's launcher (its {@code --cli} mode), installed into target/npm-inspector. */
    static synchronized Path inspector() throws Exception {
        Path prefix = Path.of("target", "npm-inspector").toAbsolutePath();
        Path pkg = prefix.resolve("node_modules/@modelcontextprotocol/inspector/package.json");
        if (!Files.exists(pkg) || !Files.readString(pkg).contains("\"version\": \"" + INSPECTOR_VERSION + "\"")) {
            Files.createDirectories(prefix);
            run("npm", "install", "--prefix", prefix.toString(), "--no-audit", "--no-fund", "--loglevel=error",
                    "@modelcontextprotocol/inspector@" + INSPECTOR_VERSION);
        }
        return prefix.resolve("node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js");
    }

    static Path recordingScript() throws IOException {
        Files.createDirectories(NPM);
        Path file = NPM.resolve("recording-upstream.mjs");
        try (var in = NodeUpstreams.class.getResourceAsStream("/node/recording-upstream.mjs")) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    static String node() {
        for (String candidate : new String[] {"/usr/bin/node", "/usr/local/bin/node"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "node";
    }

    /** server-everything in Streamable HTTP mode on {@code port}. */
    static Process everythingHttp(int port) throws Exception {
        return everything("streamableHttp", port);
    }

    /** server-everything in {@code mode} ({@code streamableHttp} or {@code sse}) on {@code port}, once it listens. */
    static Process everything(String mode, int port) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(node(), everything().toString(), mode);
        pb.environment().put("PORT", String.valueOf(port));
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return p;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("server-everything did not listen on " + port);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed: " + new String(out));
        }
    }
}
