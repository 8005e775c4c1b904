package dev.agentbroker.mcp.sandbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import dev.agentbroker.mcp.jsonrpc.JsonRpc;

/**
 * A small in-memory notes server: tools {@code add_note} and {@code list_notes}, the resource
 * {@code notes://all} (every note) and the prompt {@code summarize} (topic), the names the
 * quickstart policies and their catalog use. Notes live as long as the server. Thread-safe.
 */
public final class NotesServer extends SandboxServer {
    public NotesServer() {
        this(new ConcurrentSkipListMap<>(), new AtomicInteger());
    }

    private NotesServer(Map<String, String> notes, AtomicInteger ids) {
        super("notes", List.of(
                new Tool("add_note", "Store a text note; an optional title names it.", stringSchema(1, "text", "title"),
                        annotations(false, false, false, false), a -> {
                            String title = a.containsKey("title") ? a.getString("title")
                                    : String.format("note-%03d", ids.incrementAndGet());
                            notes.put(title, a.getString("text"));
                            return "saved note " + title;
                        }),
                new Tool("list_notes", "List every note, one per line as title: text.", stringSchema(),
                        annotations(true, false, true, false), a -> render(notes))),
                List.of(new Resource("notes://all", "All notes", "text/plain", () -> render(notes))),
                List.of(new Prompt("summarize", "Summarize the notes about a topic.", List.of("topic"),
                        a -> "Summarize what these notes say about " + JsonRpc.string(a, "topic") + ":\n" + render(notes))));
    }

    private static String render(Map<String, String> notes) {
        if (notes.isEmpty()) {
            return "(no notes)";
        }
        return notes.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"));
    }
}
