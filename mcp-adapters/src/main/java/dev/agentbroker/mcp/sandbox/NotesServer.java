package dev.agentbroker.mcp.sandbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;

import dev.agentbroker.mcp.jsonrpc.JsonRpc;

/**
 * A small in-memory notes (key-value) server: tools {@code put_note}, {@code get_note} and
 * {@code list_notes}, the resource {@code notes://all} (every note) and the prompt
 * {@code summarize} (topic), the names the quickstart policies and their catalog use. Notes
 * live as long as the server. Thread-safe.
 */
public final class NotesServer extends SandboxServer {
    public NotesServer() {
        this(new ConcurrentSkipListMap<>());
    }

    private NotesServer(Map<String, String> notes) {
        super("notes", List.of(
                new Tool("put_note", "Store a note under a key (replacing any note of that key).", stringSchema("key", "text"),
                        annotations(false, false, true, false), a -> {
                            notes.put(a.getString("key"), a.getString("text"));
                            return "saved note " + a.getString("key");
                        }),
                new Tool("get_note", "Read the note stored under a key.", stringSchema("key"),
                        annotations(true, false, true, false), a -> {
                            String text = notes.get(a.getString("key"));
                            if (text == null) {
                                throw new ToolFailure("no note named " + a.getString("key"));
                            }
                            return text;
                        }),
                new Tool("list_notes", "List every note, one per line as key: text.", stringSchema(),
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
