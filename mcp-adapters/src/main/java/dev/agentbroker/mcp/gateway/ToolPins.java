package dev.agentbroker.mcp.gateway;

import static dev.agentbroker.mcp.jsonrpc.JsonFactories.JSON;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import dev.agentbroker.mcp.jsonrpc.JsonRpc;

/**
 * Pinned tool-definition digests and definitions waiting for approval, persisted as one JSON
 * file in the data directory (written atomically). The broker and {@code bin/broker tools}
 * share the file: the broker re-reads it when it changed, so an approval takes effect without
 * a restart. Thread-safe (synchronized).
 */
public final class ToolPins {
    private final Path file;
    private final Map<String, Map<String, String>> pinned = new TreeMap<>();
    private final Map<String, Map<String, PendingTool>> pending = new TreeMap<>();
    private FileTime loadedAt;
    private long generation;

    private ToolPins(Path file) {
        this.file = file;
    }

    /** Opens (or starts) the pin file. */
    public static ToolPins open(Path file) {
        ToolPins pins = new ToolPins(file);
        pins.load();
        return pins;
    }

    /** Counts approvals and reloads, so catalogs know when to list again. */
    synchronized long generation() {
        return generation;
    }

    /** What a definition check concluded. */
    public enum Status { PINNED, QUARANTINED }

    /**
     * Checks one listed definition against its pin, pinning or quarantining as needed.
     *
     * @param events receives a {@code tool.quarantined} event when the definition is newly quarantined
     */
    synchronized Status check(String server, String tool, String digest, TrustMode mode, List<String> flags,
                              String description, java.util.function.Consumer<PinEvent> events) {
        String pin = pinned.getOrDefault(server, Map.of()).get(tool);
        if (digest.equals(pin)) {
            Map<String, PendingTool> waiting = pending.get(server);
            if (waiting != null && waiting.remove(tool) != null) {
                save();
            }
            return Status.PINNED;
        }
        if (pin == null && mode == TrustMode.TOFU && flags.isEmpty()) {
            pinned.computeIfAbsent(server, s -> new TreeMap<>()).put(tool, digest);
            save();
            return Status.PINNED;
        }
        PendingTool waiting = pending.getOrDefault(server, Map.of()).get(tool);
        if (waiting == null || !waiting.digest().equals(digest)) {
            String reason = pin != null ? "changed" : flags.isEmpty() ? "new-requires-approval" : "new-flagged";
            PendingTool entry = new PendingTool(server, tool, digest, reason, flags, description == null ? "" : description,
                    Instant.now().toString());
            pending.computeIfAbsent(server, s -> new TreeMap<>()).put(tool, entry);
            save();
            events.accept(new PinEvent("tool.quarantined", server, tool, digest, reason, flags));
        }
        return Status.QUARANTINED;
    }

    /** Why {@code tool} is quarantined, or null when it is not. */
    synchronized PendingTool quarantined(String server, String tool) {
        return pending.getOrDefault(server, Map.of()).get(tool);
    }

    public synchronized List<PendingTool> pending() {
        reloadIfChanged(e -> { });
        List<PendingTool> out = new ArrayList<>();
        pending.values().forEach(m -> out.addAll(m.values()));
        return out;
    }

    /**
     * Approves waiting definitions: all of {@code server}, or only {@code tool} when not null.
     *
     * @return what was approved
     */
    public synchronized List<PendingTool> approve(String server, String tool) {
        reloadIfChanged(e -> { });
        List<PendingTool> approved = new ArrayList<>();
        Map<String, PendingTool> waiting = pending.getOrDefault(server, Map.of());
        for (PendingTool p : List.copyOf(waiting.values())) {
            if (tool == null || tool.equals(p.tool())) {
                pinned.computeIfAbsent(server, s -> new TreeMap<>()).put(p.tool(), p.digest());
                waiting.remove(p.tool());
                approved.add(p);
            }
        }
        if (!approved.isEmpty()) {
            generation++;
            save();
        }
        return approved;
    }

    /** Re-reads the file if another process changed it; reports approvals made there. */
    synchronized void reloadIfChanged(java.util.function.Consumer<PinEvent> events) {
        try {
            FileTime modified = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
            if (modified == null || modified.equals(loadedAt)) {
                return;
            }
        } catch (IOException e) {
            return;
        }
        Map<String, Map<String, PendingTool>> before = new TreeMap<>();
        pending.forEach((s, m) -> before.put(s, new TreeMap<>(m)));
        load();
        before.forEach((server, tools) -> tools.forEach((tool, p) -> {
            if (p.digest().equals(pinned.getOrDefault(server, Map.of()).get(tool))) {
                events.accept(new PinEvent("tool.approved", server, tool, p.digest(), null, List.of()));
            }
        }));
    }

    private void load() {
        generation++;
        pinned.clear();
        pending.clear();
        if (!Files.exists(file)) {
            return;
        }
        try {
            loadedAt = Files.getLastModifiedTime(file);
            JsonObject root = JsonRpc.parse(Files.readAllBytes(file)).asJsonObject();
            for (Map.Entry<String, JsonValue> server : root.getJsonObject("servers").entrySet()) {
                readServer(server.getKey(), server.getValue().asJsonObject());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tool pins " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("tool pin file " + file + " is corrupt", e);
        }
    }

    private void readServer(String server, JsonObject entry) {
        Map<String, String> pins = pinned.computeIfAbsent(server, s -> new TreeMap<>());
        entry.getJsonObject("pinned").forEach((tool, digest) -> pins.put(tool, ((JsonString) digest).getString()));
        Map<String, PendingTool> waiting = pending.computeIfAbsent(server, s -> new TreeMap<>());
        entry.getJsonObject("pending").forEach((tool, value) -> {
            JsonObject p = value.asJsonObject();
            List<String> flags = p.getJsonArray("flags").getValuesAs(JsonString::getString);
            waiting.put(tool, new PendingTool(server, tool, p.getString("digest"), p.getString("reason"), flags,
                    p.getString("description", ""), p.getString("since", "")));
        });
    }

    private void save() {
        JsonObjectBuilder servers = JSON.createObjectBuilder();
        TreeMap<String, Object> names = new TreeMap<>(pinned);
        names.putAll(pending);
        for (String server : names.keySet()) {
            JsonObjectBuilder pins = JSON.createObjectBuilder();
            pinned.getOrDefault(server, Map.of()).forEach(pins::add);
            JsonObjectBuilder waiting = JSON.createObjectBuilder();
            pending.getOrDefault(server, Map.of()).forEach((tool, p) -> {
                JsonArrayBuilder flags = JSON.createArrayBuilder();
                p.flags().forEach(flags::add);
                waiting.add(tool, JSON.createObjectBuilder().add("digest", p.digest()).add("reason", p.reason())
                        .add("flags", flags).add("description", p.description()).add("since", p.since()));
            });
            servers.add(server, JSON.createObjectBuilder().add("pinned", pins).add("pending", waiting));
        }
        byte[] bytes = JsonRpc.bytes(JSON.createObjectBuilder().add("servers", servers).build());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temp, bytes);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            loadedAt = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write tool pins " + file, e);
        }
    }
}
