package dev.agentbroker.mcp.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonRpcTest {
    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\":}", "[1,2", "nul", "{\"a\":1,\"a\":2}", "\"unterminated", "{} trailing"})
    void malformedJsonIsAParseError(String text) {
        McpProtocolException e = assertThrows(McpProtocolException.class, () -> JsonRpc.parse(text));
        assertEquals(JsonRpc.PARSE_ERROR, e.code());
        assertEquals("malformed JSON", e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void deepNestingIsRefused() {
        String deep = "[".repeat(200) + "]".repeat(200);
        assertEquals(JsonRpc.PARSE_ERROR, assertThrows(McpProtocolException.class, () -> JsonRpc.parse(deep)).code());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}|REQUEST",
            "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"x\",\"params\":{}}|REQUEST",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}|NOTIFICATION",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}|RESPONSE",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":1,\"message\":\"m\"}}|RESPONSE",
            "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}|INVALID",
            "{\"id\":1,\"method\":\"ping\"}|INVALID",
            "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}|INVALID",
            "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"ping\"}|INVALID",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}|INVALID",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":[1]}|INVALID",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{},\"error\":{\"code\":1}}|INVALID",
            "{\"jsonrpc\":\"2.0\",\"result\":{}}|INVALID",
            "{\"jsonrpc\":\"2.0\",\"id\":1}|INVALID",
            "[1]|INVALID",
            "42|INVALID"})
    void classifiesMessagesByTheirMembers(String text, JsonRpc.Kind kind) {
        assertEquals(kind, JsonRpc.kind(JsonRpc.parse(text)));
    }

    @org.junit.jupiter.api.Test
    void errorsCarryTheIdOrNull() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"bad\"}}",
                JsonRpc.write(JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "bad")));
    }
}
