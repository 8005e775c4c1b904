package dev.agentbroker.broker.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** W3C Trace Context: parsing, formatting, honouring an incoming parent, starting from the token's trace root. */
class TraceContextTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String ROOT = "0af7651916cd43dd8448eb211c80319c";

    @Test
    void parsesTheSpecificationExample() {
        TraceContext c = TraceContext.parse("00-" + TRACE + "-00f067aa0ba902b7-01").orElseThrow();
        assertEquals(TRACE, c.traceId());
        assertEquals("00f067aa0ba902b7", c.spanId());
        assertTrue(c.sampled());
        assertEquals("00-" + TRACE + "-00f067aa0ba902b7-01", c.traceparent());
    }

    @Test
    void acceptsAFutureVersionWithExtraFields() {
        assertTrue(TraceContext.parse("cc-" + TRACE + "-00f067aa0ba902b7-00-what-the-future-holds").isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "00-" + TRACE + "-00f067aa0ba902b7", "ff-" + TRACE + "-00f067aa0ba902b7-01",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01", "00-" + TRACE + "-0000000000000000-01",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", "00-" + TRACE + "-00f067aa0ba902b7-01-extra",
            "00-" + TRACE + "-00f067aa0ba902b-01"})
    void rejectsInvalidHeaders(String header) {
        assertTrue(TraceContext.parse(header).isEmpty(), header);
    }

    @Test
    void aCallHonoursAnIncomingTraceparentAsItsParent() {
        TraceContext call = TraceContext.forCall("00-" + TRACE + "-00f067aa0ba902b7-01", ROOT);
        assertEquals(TRACE, call.traceId());
        assertEquals("00f067aa0ba902b7", call.parentSpanId());
        assertNotEquals("00f067aa0ba902b7", call.spanId());
    }

    @Test
    void withoutAValidIncomingHeaderACallStartsInTheTokensTraceRoot() {
        TraceContext call = TraceContext.forCall(null, ROOT);
        assertEquals(ROOT, call.traceId());
        assertNull(call.parentSpanId());
        assertEquals(ROOT, TraceContext.forCall("bogus", ROOT).traceId());
        assertEquals(32, TraceContext.forCall(null, null).traceId().length(), "no root: a new trace");
    }

    @Test
    void aChildNestsUnderItsParentInTheSameTrace() {
        TraceContext parent = TraceContext.forCall(null, ROOT);
        TraceContext child = parent.child();
        assertEquals(ROOT, child.traceId());
        assertEquals(parent.spanId(), child.parentSpanId());
        assertTrue(child.traceparent().matches("00-" + ROOT + "-[0-9a-f]{16}-01"));
    }

    @Test
    void invalidIdsCannotBeBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new TraceContext("abc", "00f067aa0ba902b7", null, true));
        assertThrows(IllegalArgumentException.class, () -> new TraceContext(TRACE, "0000000000000000", null, true));
    }
}
