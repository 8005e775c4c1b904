package dev.agentbroker.llm.usage;

import java.util.List;

import dev.agentbroker.llm.CallGate;
import dev.agentbroker.llm.Caller;
import dev.agentbroker.llm.Endpoint;

/**
 * What happened on one model call, handed to the {@link ModelCallListener} (the broker turns
 * it into a {@code model.call} audit event). Holds no prompt, no answer, no key. Immutable.
 *
 * @param caller        who called
 * @param endpoint      which endpoint
 * @param model         the alias requested (may be null when the body named none)
 * @param provider      the provider that served the call, or null if none did
 * @param deployment    the deployment id ({@code provider/upstream-model}), or null
 * @param stream        whether the answer was streamed
 * @param outcome       {@code ok}, {@code denied}, {@code error} or {@code client_closed}
 * @param status        the HTTP status the client got (or would have got)
 * @param reason        a short reason for a denial or error, or null
 * @param attempts      upstream attempts made
 * @param usage         tokens consumed
 * @param latencyMicros time from receiving the request to the last byte
 * @param firstByteMicros time to the first byte sent to the client, or -1
 * @param upstreamMicros time from asking the provider (retries included) to its response
 *                      headers, or -1 when no provider was asked: the rest of the latency is
 *                      the broker's own (and, for a JSON answer, reading the body)
 * @param toolCalls     the tool calls the answer asked for
 * @param verdict       the host gate's verdict, or null when the call was refused before the gate
 */
public record ModelCallRecord(Caller caller, Endpoint endpoint, String model, String provider, String deployment,
                              boolean stream, String outcome, int status, String reason, int attempts, Usage usage,
                              long latencyMicros, long firstByteMicros, long upstreamMicros, List<ToolCallRef> toolCalls,
                              CallGate.Verdict verdict) {
    public ModelCallRecord {
        toolCalls = List.copyOf(toolCalls);
    }
}
