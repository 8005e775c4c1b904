package dev.agentbroker.examples.agent;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;

/**
 * The example agent's entry point: {@code java -jar examples/java-agent/target/java-agent.jar
 * [BROKER_URL]} against a running quickstart broker. It prints each step and, last, the line
 * {@code task: ID} naming the task whose trace {@code bin/broker trace ID} shows.
 */
public final class AgentMain {
    /** The MCP SDK logs each session's capabilities at INFO; the narration says what matters. Held: JUL keeps loggers weakly. */
    private static final java.util.logging.Logger MCP_SDK_LOG = java.util.logging.Logger.getLogger("io.modelcontextprotocol");

    private AgentMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 1 || args.length == 1 && args[0].startsWith("-")) {
            System.out.println("Usage: java -jar java-agent.jar [BROKER_URL]   (default http://127.0.0.1:8080)");
            System.exit(args[0].equals("--help") || args[0].equals("-h") ? 0 : 2);
        }
        URI broker = URI.create(args.length == 1 ? args[0] : "http://127.0.0.1:8080");
        MCP_SDK_LOG.setLevel(java.util.logging.Level.WARNING);
        try {
            DemoTask.Outcome outcome = new DemoTask(HttpClient.newHttpClient(), broker, new Narrator(System.out)).run();
            System.out.println();
            System.out.println("task: " + outcome.taskId());
        } catch (AgentException e) {
            PrintStream err = System.err;
            err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The credentials of the quickstart's demo agents (published demo values, docs/tokens.md). */
    static TokenClient.Agent quickstartAgent(String id) {
        return new TokenClient.Agent(id, "demo-secret-" + id);
    }
}
