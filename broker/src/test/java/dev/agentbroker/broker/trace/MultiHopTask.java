package dev.agentbroker.broker.trace;

import java.util.List;

import dev.agentbroker.broker.audit.AuditEvent;
import dev.agentbroker.broker.audit.AuditSink;

/**
 * The scripted multi-hop task of issue 7 acceptance 1, as the token, model and MCP areas
 * record it: alice's agent A makes a model call that asks for a tool call, calls the tool,
 * delegates to sub-agent B by exchange; B makes a model call and its tool call is denied.
 */
final class MultiHopTask {
    static final String TASK = "task-42";
    static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    static final String WRITE_DIGEST = "5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef";
    static final String READ_DIGEST = "a3f1c2b4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f80";

    private MultiHopTask() {
    }

    static void record(AuditSink audit) {
        List<String> a = List.of("agent-a");
        List<String> ab = List.of("agent-a", "agent-b");
        audit.record(hop("token.issued", a, "jti-a").action("issue_token", null).decision("allow", List.of("permit-issue"), "v7").build());
        audit.record(hop("model.call", a, "jti-a").span("1111111111111111", null)
                .action("invoke_model", "Model::\"sandbox\"").decision("allow", List.of("permit-models"), "v7").outcome("ok", 2300)
                .attribute("model", "sandbox").attribute("provider", "sandbox")
                .attribute("tool_calls", "[{\"id\":\"call_1\",\"name\":\"fs__write_file\",\"argument_digest\":\"sha256:"
                        + WRITE_DIGEST + "\"}]").build());
        audit.record(AuditEvent.builder("model.call").task("other-task", TRACE).user("bob").actors(a).client("agent-a").build());
        audit.record(hop("tool.call", a, "jti-a").span("2222222222222222", null)
                .action("call_tool", "Tool::\"fs__write_file\"").decision("allow", List.of("permit-sandbox-write"), "v7")
                .outcome("ok", 900).attribute("server", "fs").attribute("tool", "fs__write_file")
                .attribute("argument_digest", WRITE_DIGEST).build());
        audit.record(hop("token.exchanged", ab, "jti-b").action("exchange_token", null)
                .decision("allow", List.of("permit-delegate"), "v7").attribute("parent_token_id", "jti-a").build());
        audit.record(hop("model.call", ab, "jti-b").span("3333333333333333", null)
                .action("invoke_model", "Model::\"sandbox\"").decision("allow", List.of("permit-models"), "v7").outcome("ok", 1800)
                .attribute("tool_calls", "[{\"id\":\"call_9\",\"name\":\"fs__read_file\",\"argument_digest\":\"sha256:"
                        + READ_DIGEST + "\"}]").build());
        audit.record(hop("tool.call", ab, "jti-b").span("4444444444444444", null)
                .action("call_tool", "Tool::\"fs__read_file\"").decision("deny", List.of("forbid-outside-sandbox"), "v7")
                .outcome("denied", -1).attribute("server", "fs").attribute("tool", "fs__read_file")
                .attribute("argument_digest", "sha256:" + READ_DIGEST).attribute("reason", "path outside /sandbox").build());
    }

    private static AuditEvent.Builder hop(String type, List<String> actors, String tokenId) {
        return AuditEvent.builder(type).task(TASK, TRACE).user("alice").actors(actors)
                .client(actors.get(actors.size() - 1)).tokenId(tokenId);
    }
}
