package dev.agentbroker.examples.agent;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;

/**
 * One full agent task on the quickstart: user alice signs in, research-agent gets a task
 * token for her (RFC 8693 exchange), asks the sandbox model, which asks for a file write in
 * the sandbox; then research-agent hands a narrower part of the task to its sub-agent
 * helper-agent (a second exchange, same task), whose model tries to write outside the
 * sandbox and is denied by the example policy. Every call goes through the broker.
 */
final class DemoTask {
    static final String USER = "alice";
    static final String AGENT = "research-agent";
    static final String SUB_AGENT = "helper-agent";
    static final String AGENT_SCOPE = "model:sandbox model:sandbox-escape mcp:fs";
    static final String SUB_AGENT_SCOPE = "model:sandbox-escape mcp:fs";

    private final URI broker;
    private final Narrator narrator;
    private final TokenClient tokens;
    private final AgentLoop loop;

    DemoTask(HttpClient http, URI broker, Narrator narrator) {
        this.broker = broker;
        this.narrator = narrator;
        this.tokens = new TokenClient(http, broker);
        this.loop = new AgentLoop(new ModelClient(http, broker), narrator);
    }

    /** Runs the task; returns what it did, the task id first. */
    Outcome run() throws IOException, InterruptedException {
        narrator.step(USER + " signs in (the broker's development IdP stands in for your IdP)");
        String userToken = tokens.devUserToken(USER);
        narrator.detail("user token for " + USER);

        narrator.step(AGENT + " gets a task token acting for " + USER + " (RFC 8693 token exchange)");
        String taskToken = exchange(AGENT, userToken, TokenClient.JWT, AGENT_SCOPE);
        String taskId = TaskTokens.taskId(taskToken);
        narrator.detail("task " + taskId + ", scope \"" + AGENT_SCOPE + "\", lifetime minutes");

        narrator.step(AGENT + " works on the task: model sandbox, tools through the broker's /mcp");
        String first = work(AGENT, taskToken, "sandbox", "Save a short note in the sandbox.");

        narrator.step(AGENT + " delegates part of the task to its sub-agent " + SUB_AGENT + " (exchange of its task token)");
        String subToken = exchange(SUB_AGENT, taskToken, TokenClient.ACCESS_TOKEN, SUB_AGENT_SCOPE);
        narrator.detail("same task " + TaskTokens.taskId(subToken) + ", narrower scope \"" + SUB_AGENT_SCOPE
                + "\", never outlives its parent");

        narrator.step(SUB_AGENT + " works on its part: its model asks for a write outside the sandbox");
        String second = work(SUB_AGENT, subToken, "sandbox-escape", "Store the findings.");
        return new Outcome(taskId, List.of(first, second));
    }

    private String exchange(String agentId, String subjectToken, String subjectType, String scope)
            throws IOException, InterruptedException {
        TokenClient.Agent agent = AgentMain.quickstartAgent(agentId);
        String own = tokens.clientCredentials(agent, null);
        return tokens.exchange(agent, subjectToken, subjectType, own, scope, List.of());
    }

    private String work(String agent, String token, String model, String task) throws IOException, InterruptedException {
        try (ToolClient tools = new ToolClient(broker, token)) {
            String answer = loop.run(agent, token, model, tools, task);
            narrator.detail(agent + " finished: \"" + answer + "\"");
            return answer;
        }
    }

    /** What the task did: its id and each agent's final answer, in order. */
    record Outcome(String taskId, List<String> answers) {
    }
}
