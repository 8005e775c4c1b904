package dev.agentbroker.examples.agent;

import java.io.PrintStream;

/** Tells a human, step by step, what the agent does and what the broker decided. */
final class Narrator {
    private final PrintStream out;
    private int step;

    Narrator(PrintStream out) {
        this.out = out;
    }

    void step(String headline) {
        out.printf("%n%d. %s%n", ++step, headline);
    }

    void detail(String text) {
        out.println("   " + text);
    }

    void tools(String agent, int count) {
        detail(agent + " sees " + count + " tool" + (count == 1 ? "" : "s") + " through the broker (tools/list, filtered by policy)");
    }

    void modelAnswer(String agent, String model, String text, int toolCalls) {
        String asks = toolCalls == 0 ? "" : " and asks for " + toolCalls + " tool call" + (toolCalls == 1 ? "" : "s");
        detail(agent + " -> model " + model + ": \"" + shorten(text) + "\"" + asks);
    }

    void toolCall(String agent, String tool, String arguments) {
        detail(agent + " -> tool " + tool + " " + shorten(arguments));
    }

    void toolResult(String agent, ToolClient.ToolResult result) {
        detail((result.isError() ? "   DENIED/ERROR: " : "   ok: ") + shorten(result.text()));
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 157) + "...";
    }
}
