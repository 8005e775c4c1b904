package dev.agentbroker.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonValue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.agentbroker.mcp.jsonrpc.JsonRpc;

/**
 * What the MCP front end pays to read one message: {@link JsonRpc#parse(byte[])} (Parsson,
 * duplicate keys rejected, depth limited) then {@link JsonRpc#kind}, on realistic
 * {@code tools/call} traffic: a small read request, a 4 KiB write request with escapes and
 * non-ASCII text, and an upstream's 2 KiB result.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JsonRpcBench {
    @Param({"read-request", "write-request-4k", "result-2k"})
    public String message;

    private byte[] body;

    @Setup
    public void prepare() {
        String json = switch (message) {
            case "read-request" -> """
                    {"jsonrpc":"2.0","id":42,"method":"tools/call","params":{"name":"fs__read_file",\
                    "arguments":{"path":"/sandbox/projects/broker/notes/todo.md"},"_meta":{"progressToken":"p-42"}}}""";
            case "write-request-4k" -> """
                    {"jsonrpc":"2.0","id":"call-7f3a","method":"tools/call","params":{"name":"fs__write_file",\
                    "arguments":{"path":"/sandbox/reports/weekly.md","content":"%s","createDirectories":true},\
                    "_meta":{"progressToken":7}}}""".formatted(text(4096));
            case "result-2k" -> """
                    {"jsonrpc":"2.0","id":42,"result":{"content":[{"type":"text","text":"%s"}],\
                    "structuredContent":{"bytes":2048,"lines":31,"truncated":false},"isError":false}}""".formatted(text(2048));
            default -> throw new IllegalArgumentException(message);
        };
        body = json.getBytes(StandardCharsets.UTF_8);
        if (JsonRpc.kind(JsonRpc.parse(body)) == JsonRpc.Kind.INVALID) {
            throw new IllegalStateException("benchmark message is not valid JSON-RPC: " + message);
        }
    }

    @Benchmark
    public JsonRpc.Kind parseAndKind() {
        JsonValue value = JsonRpc.parse(body);
        return JsonRpc.kind(value);
    }

    /** Markdown-like text of about {@code size} bytes with JSON escapes and non-ASCII characters. */
    private static String text(int size) {
        StringBuilder b = new StringBuilder();
        int line = 0;
        while (b.length() < size) {
            b.append("- item ").append(line++).append(": caf\u00e9 \\\"quoted\\\" \\t tab, path C:\\\\tmp, \u2713 done\\n");
        }
        return b.toString();
    }
}
