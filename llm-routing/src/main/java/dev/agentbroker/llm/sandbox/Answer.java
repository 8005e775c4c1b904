package dev.agentbroker.llm.sandbox;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;

/**
 * One sandbox answer ready to be rendered in a dialect: text, tool calls with their ids,
 * token counts. Immutable.
 */
record Answer(String id, String model, long created, String text, List<Call> calls, long inputTokens,
              long outputTokens) {

    /** A tool call with its id. */
    record Call(String id, String name, JsonObject arguments) {
    }

    Answer {
        calls = List.copyOf(calls);
    }

    /** The text cut into a few pieces at spaces, as a model would stream it. */
    List<String> textPieces() {
        List<String> pieces = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return pieces;
        }
        int start = 0;
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i) == ' ' && i - start >= 8) {
                pieces.add(text.substring(start, i));
                start = i;
            }
        }
        pieces.add(text.substring(start));
        return pieces;
    }

    /** Argument JSON cut in two, as providers stream argument fragments. */
    static List<String> argumentPieces(JsonObject arguments) {
        String json = arguments.toString();
        int half = json.length() / 2;
        return json.length() < 4 ? List.of(json) : List.of(json.substring(0, half), json.substring(half));
    }
}
