package dev.agentbroker.mcp.sandbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** A small in-memory notes (key-value) server. Thread-safe. */
public final class NotesServer extends SandboxServer {
    public NotesServer() {
        this(new ConcurrentSkipListMap<>());
    }

    private NotesServer(Map<String, String> notes) {
        super("notes", List.of(
                new Tool("put_note", "Store a note under a key.", stringSchema("key", "text"),
                        annotations(false, false, true, false), a -> {
                            notes.put(a.getString("key"), a.getString("text"));
                            return "saved " + a.getString("key");
                        }),
                new Tool("get_note", "Read the note stored under a key.", stringSchema("key"),
                        annotations(true, false, true, false), a -> {
                            String text = notes.get(a.getString("key"));
                            if (text == null) {
                                throw new ToolFailure("no note named " + a.getString("key"));
                            }
                            return text;
                        }),
                new Tool("list_notes", "List the keys of all notes.", stringSchema(),
                        annotations(true, false, true, false), a -> String.join("\n", notes.keySet()))));
    }
}
