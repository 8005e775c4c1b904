package dev.agentbroker.broker.audit;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One audit record before it is sequenced, chained and written (the audit contract of
 * docs/audit.md). Never carries a token or a secret: token ids (jti) and digests only; tool
 * arguments as a digest plus a redacted form. Immutable; build with {@link #builder(String)}.
 *
 * @param type          event type, e.g. {@code token.exchanged}, {@code tool.call}, {@code model.call},
 *                      {@code policy.reloaded}, {@code tool.quarantined}
 * @param taskId        the task the event belongs to, or null for broker-level events
 * @param traceId       W3C trace id (32 hex) of the task's trace, or null
 * @param spanId        this event's span id (16 hex), or null
 * @param parentSpanId  the span this one nests under, or null
 * @param user          the human the task acts for, or null
 * @param actorChain    the agents acting, root agent first, current actor last
 * @param clientId      the OAuth client (agent) that made the request, or null
 * @param tokenId       the {@code jti} of the token used (never the token), or null
 * @param action        the Cedar action, e.g. {@code call_tool}, or null
 * @param resource      the resource acted on, e.g. {@code Tool::"fs__write_file"}, or null
 * @param decision      {@code allow}, {@code deny}, {@code error} or null
 * @param policyIds     the determining policy ids ({@code @id} annotations)
 * @param policyVersion the policy-set version that decided, or null
 * @param outcome       {@code ok}, {@code error}, an HTTP status, or null
 * @param latencyMicros how long the operation took, or -1
 * @param attributes    further event-specific fields (model, provider, server, tool,
 *                      argument digest, usage, reason...) as strings, numbers or booleans
 */
public record AuditEvent(String type, String taskId, String traceId, String spanId, String parentSpanId,
                         String user, List<String> actorChain, String clientId, String tokenId,
                         String action, String resource, String decision, List<String> policyIds,
                         String policyVersion, String outcome, long latencyMicros,
                         Map<String, Object> attributes) {

    public AuditEvent {
        Objects.requireNonNull(type, "type");
        actorChain = actorChain == null ? List.of() : List.copyOf(actorChain);
        policyIds = policyIds == null ? List.of() : List.copyOf(policyIds);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public static Builder builder(String type) {
        return new Builder(type);
    }

    /** A mutable builder; not thread-safe. */
    public static final class Builder {
        private final String type;
        private String taskId;
        private String traceId;
        private String spanId;
        private String parentSpanId;
        private String user;
        private List<String> actorChain;
        private String clientId;
        private String tokenId;
        private String action;
        private String resource;
        private String decision;
        private List<String> policyIds;
        private String policyVersion;
        private String outcome;
        private long latencyMicros = -1;
        private final Map<String, Object> attributes = new java.util.LinkedHashMap<>();

        private Builder(String type) {
            this.type = type;
        }

        public Builder task(String taskId, String traceId) {
            this.taskId = taskId;
            this.traceId = traceId;
            return this;
        }

        public Builder span(String spanId, String parentSpanId) {
            this.spanId = spanId;
            this.parentSpanId = parentSpanId;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder actors(List<String> actorChain) {
            this.actorChain = actorChain;
            return this;
        }

        public Builder client(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder tokenId(String tokenId) {
            this.tokenId = tokenId;
            return this;
        }

        public Builder action(String action, String resource) {
            this.action = action;
            this.resource = resource;
            return this;
        }

        public Builder decision(String decision, List<String> policyIds, String policyVersion) {
            this.decision = decision;
            this.policyIds = policyIds;
            this.policyVersion = policyVersion;
            return this;
        }

        public Builder outcome(String outcome, long latencyMicros) {
            this.outcome = outcome;
            this.latencyMicros = latencyMicros;
            return this;
        }

        /** Adds an event-specific field; null values are skipped. */
        public Builder attribute(String name, Object value) {
            if (value != null) {
                attributes.put(name, value);
            }
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(type, taskId, traceId, spanId, parentSpanId, user, actorChain, clientId, tokenId,
                    action, resource, decision, policyIds, policyVersion, outcome, latencyMicros, attributes);
        }
    }
}
