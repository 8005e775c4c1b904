package dev.agentbroker.llm.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Content goes out as it comes; from the terminal event's first line on, nothing until release. */
class TerminalHoldTest {
    private static final String OPENAI = "data: {\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}\n\n"
            + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":3}}\n\n"
            + "data: [DONE]\n\n";
    private static final String ANTHROPIC = "event: content_block_delta\ndata: {\"delta\":{\"text\":\"hi\"}}\n\n"
            + "event: message_delta\ndata: {\"usage\":{\"output_tokens\":1}}\n\n"
            + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

    @Test
    void theTerminalEventWaitsForReleaseWhereverTheNetworkSplitsTheStream() {
        for (String stream : List.of(OPENAI, ANTHROPIC)) {
            String marker = TerminalHold.markerOf(stream == ANTHROPIC);
            int terminalAt = stream.indexOf(marker);
            byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
            for (int cut = 1; cut < bytes.length; cut++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                TerminalHold hold = new TerminalHold(marker, out::writeBytes);
                hold.accept(java.util.Arrays.copyOfRange(bytes, 0, cut));
                hold.accept(java.util.Arrays.copyOfRange(bytes, cut, bytes.length));

                assertEquals(stream.substring(0, terminalAt), out.toString(StandardCharsets.UTF_8), "cut at " + cut);
                assertTrue(hold.terminalSeen());
                hold.release();
                assertEquals(stream, out.toString(StandardCharsets.UTF_8), "cut at " + cut);
            }
        }
    }

    @Test
    void contentIsNotHeldEvenWhenItsLineBeginsLikeTheMarker() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TerminalHold hold = new TerminalHold(TerminalHold.markerOf(false), out::writeBytes);
        hold.accept("data: [DON'T STOP]\n\ndata: {\"x\":1}\n\n".getBytes(StandardCharsets.UTF_8));

        assertEquals("data: [DON'T STOP]\n\ndata: {\"x\":1}\n\n", out.toString(StandardCharsets.UTF_8));
        assertFalse(hold.terminalSeen());
    }

    @Test
    void aChunkEndingInWhatCouldBeginTheMarkerHoldsOnlyThoseBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TerminalHold hold = new TerminalHold(TerminalHold.markerOf(false), out::writeBytes);
        hold.accept("data: {\"x\":1}\n\ndata: ".getBytes(StandardCharsets.UTF_8));
        assertEquals("data: {\"x\":1}\n\n", out.toString(StandardCharsets.UTF_8));

        hold.accept("{\"x\":2}\n\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("data: {\"x\":1}\n\ndata: {\"x\":2}\n\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aStreamWithoutTheMarkerGoesOutWhole() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TerminalHold hold = new TerminalHold(TerminalHold.markerOf(false), out::writeBytes);
        String responses = "event: response.completed\ndata: {\"type\":\"response.completed\"}\n\n";
        hold.accept(responses.getBytes(StandardCharsets.UTF_8));
        hold.release();
        assertEquals(responses, out.toString(StandardCharsets.UTF_8));
    }
}
