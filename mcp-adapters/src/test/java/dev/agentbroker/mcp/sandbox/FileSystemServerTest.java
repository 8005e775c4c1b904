package dev.agentbroker.mcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.agentbroker.mcp.jsonrpc.JsonRpc;

class FileSystemServerTest {
    @TempDir
    Path dir;

    private JsonObject call(SandboxServer server, String tool, JsonObject arguments) {
        AtomicReference<JsonObject> reply = new AtomicReference<>();
        server.accept(JsonRpc.request(Json.createValue(1), "tools/call", Json.createObjectBuilder().add("name", tool)
                .add("arguments", arguments).build()), reply::set);
        return reply.get().getJsonObject("result");
    }

    private static String text(JsonObject result) {
        return result.getJsonArray("content").getJsonObject(0).getString("text");
    }

    private static JsonObject path(String path) {
        return Json.createObjectBuilder().add("path", path).build();
    }

    @Test
    void writesReadsListsAndDeletesInsideTheRoot() {
        FileSystemServer fs = new FileSystemServer(dir.resolve("sandbox"));
        JsonObject write = call(fs, "write_file", Json.createObjectBuilder().add("path", "/sandbox/notes/a.txt")
                .add("content", "hello").build());
        assertEquals(false, write.getBoolean("isError"), text(write));
        assertEquals("hello", text(call(fs, "read_file", path("/sandbox/notes/a.txt"))));
        assertEquals("[dir] notes", text(call(fs, "list_directory", path("/sandbox"))));
        assertEquals("deleted", text(call(fs, "delete_file", path("/sandbox/notes/a.txt"))));
        assertEquals(true, call(fs, "read_file", path("/sandbox/notes/a.txt")).getBoolean("isError"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sandbox/../secret.txt", "/etc/passwd", "sandbox/a", "/sandboxed/a", "/sandbox/link/secret.txt"})
    void refusesPathsThatLeaveTheRoot(String path) throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "top secret");
        Path root = Files.createDirectories(dir.resolve("sandbox"));
        Files.createSymbolicLink(root.resolve("link"), dir);
        JsonObject result = call(new FileSystemServer(root), "read_file", path(path));
        assertEquals(true, result.getBoolean("isError"));
        assertEquals(false, text(result).contains("top secret"));
    }

    @Test
    void declaresTheAnnotationsThePoliciesRelyOn() {
        AtomicReference<JsonObject> reply = new AtomicReference<>();
        new FileSystemServer(dir).accept(JsonRpc.request(Json.createValue(1), "tools/list", null), reply::set);
        var tools = reply.get().getJsonObject("result").getJsonArray("tools");
        assertEquals("read_file", tools.getJsonObject(0).getString("name"));
        assertEquals(true, tools.getJsonObject(0).getJsonObject("annotations").getBoolean("readOnlyHint"));
        assertEquals(false, tools.getJsonObject(1).getJsonObject("annotations").getBoolean("destructiveHint"));
        assertEquals(true, tools.getJsonObject(3).getJsonObject("annotations").getBoolean("destructiveHint"));
    }
}
