package dev.agentbroker.broker.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.agentbroker.broker.config.ConfigNode;

/** Opens real file sinks in a test directory: {@code base/audit} and {@code base/audit-keys}. */
final class AuditLogs {
    private AuditLogs() {
    }

    /** An {@code audit} section from key/value pairs, e.g. {@code config("checkpoint-records", 50)}. */
    static AuditConfig config(Object... keyValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return ConfigNode.root(map).read(AuditConfig::read);
    }

    static FileAuditSink open(Path base, AuditConfig config) throws IOException {
        return FileAuditSink.open(base.resolve("audit"), config, CheckpointKeys.loadOrCreate(base.resolve("audit-keys")),
                Clock.systemUTC());
    }

    static VerifyReport verify(Path base) throws IOException {
        return AuditVerifier.verify(base.resolve("audit"),
                CheckpointKeys.readPublic(base.resolve("audit-keys").resolve(CheckpointKeys.PUBLIC_FILE)));
    }

    static AuditEvent event(String task, int n) {
        return AuditEvent.builder("tool.call").task(task, "0af7651916cd43dd8448eb211c80319c").user("alice")
                .actors(List.of("agent-a")).client("agent-a").tokenId("jti-" + n)
                .action("call_tool", "Tool::\"fs__read_file\"").decision("allow", List.of("permit-read"), "v1")
                .outcome("ok", 120).attribute("n", n).attribute("tool", "fs__read_file").build();
    }

    /** All lines of every segment, in order. */
    static List<String> lines(Path base) throws IOException {
        List<String> out = new java.util.ArrayList<>();
        for (Path segment : Segments.list(base.resolve("audit"))) {
            out.addAll(java.nio.file.Files.readAllLines(segment));
        }
        return out;
    }
}
