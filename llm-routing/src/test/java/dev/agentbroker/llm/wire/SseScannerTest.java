package dev.agentbroker.llm.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SseScannerTest {
    static final String STREAM = "event: a\ndata: {\"x\":1}\n\n: comment\r\ndata: line1\r\ndata: line2\r\n\r\n"
            + "data:nospace\n\nevent: b\r\ndata: é\n\n";
    static final List<String> EXPECTED = List.of("a|{\"x\":1}", "null|line1\nline2", "null|nospace", "b|é");

    private static List<String> scan(byte[] bytes, int piece) {
        List<String> out = new ArrayList<>();
        SseScanner scanner = new SseScanner((event, data) -> out.add(event + "|" + data));
        for (int i = 0; i < bytes.length; i += piece) {
            scanner.feed(bytes, i, Math.min(piece, bytes.length - i));
        }
        scanner.finish();
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 7, 1000})
    void splitsEventsWhereverTheBytesAreCut(int piece) {
        assertEquals(EXPECTED, scan(STREAM.getBytes(StandardCharsets.UTF_8), piece));
    }

    @Test
    void dispatchesALastEventWithoutTrailingBlankLine() {
        assertEquals(List.of("null|[DONE]"), scan("data: [DONE]".getBytes(StandardCharsets.UTF_8), 4));
    }
}
