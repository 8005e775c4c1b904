package dev.agentbroker.broker.models;

import java.util.ArrayList;
import java.util.List;

/** Provider answers in each wire format, as the real APIs send them. */
final class Replies {
    private Replies() {
    }

    static String openAiChat(String text, int in, int out) {
        return """
                {"id":"chatcmpl-fake1","object":"chat.completion","created":1700000000,"model":"gpt-fake",\
                "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],\
                "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}""".formatted(text, in, out, in + out);
    }

    static List<String> openAiStream(List<String> pieces, int in, int out) {
        List<String> events = new ArrayList<>();
        String head = "{\"id\":\"chatcmpl-fake2\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-fake\",";
        events.add("data: " + head + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n");
        for (String piece : pieces) {
            events.add("data: " + head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + piece + "\"},\"finish_reason\":null}]}\n\n");
        }
        events.add("data: " + head + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        events.add("data: " + head + "\"choices\":[],\"usage\":{\"prompt_tokens\":" + in + ",\"completion_tokens\":" + out
                + ",\"total_tokens\":" + (in + out) + "}}\n\n");
        events.add("data: [DONE]\n\n");
        return events;
    }

    static String anthropicMessage(String text, int in, int out) {
        return """
                {"id":"msg_fake1","type":"message","role":"assistant","model":"claude-fake",\
                "content":[{"type":"text","text":"%s"}],"stop_reason":"end_turn","stop_sequence":null,\
                "usage":{"input_tokens":%d,"output_tokens":%d}}""".formatted(text, in, out);
    }

    static String anthropicToolUse(String toolId, String name, String inputJson, int in, int out) {
        return """
                {"id":"msg_fake2","type":"message","role":"assistant","model":"claude-fake",\
                "content":[{"type":"text","text":"Let me do that."},{"type":"tool_use","id":"%s","name":"%s","input":%s}],\
                "stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":%d,"output_tokens":%d}}"""
                .formatted(toolId, name, inputJson, in, out);
    }

    static List<String> anthropicStream(List<String> pieces, String toolId, String toolName, List<String> argPieces,
                                        int in, int out) {
        List<String> events = new ArrayList<>();
        events.add(ev("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_fake3\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":\"claude-fake\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,"
                + "\"usage\":{\"input_tokens\":" + in + ",\"output_tokens\":1}}}"));
        events.add(ev("ping", "{\"type\":\"ping\"}"));
        events.add(ev("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
        for (String piece : pieces) {
            events.add(ev("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"" + piece + "\"}}"));
        }
        events.add(ev("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
        if (toolId != null) {
            events.add(ev("content_block_start", "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\""
                    + toolId + "\",\"name\":\"" + toolName + "\",\"input\":{}}}"));
            for (String arg : argPieces) {
                events.add(ev("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":"
                        + jakarta.json.Json.createValue(arg) + "}}"));
            }
            events.add(ev("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}"));
        }
        events.add(ev("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + (toolId != null ? "tool_use" : "end_turn")
                + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + out + "}}"));
        events.add(ev("message_stop", "{\"type\":\"message_stop\"}"));
        return events;
    }

    private static String ev(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }
}
