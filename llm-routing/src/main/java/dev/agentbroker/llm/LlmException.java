package dev.agentbroker.llm;

/**
 * The one exception family of the model gateway. Its {@link Kind} fixes the HTTP status and
 * the error type in both wire formats; the message is written for the caller and never holds
 * a secret, a stack trace or an upstream's raw answer.
 */
public final class LlmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, with the HTTP status and the OpenAI / Anthropic error types it maps to. */
    public enum Kind {
        INVALID_REQUEST(400, "invalid_request_error", "invalid_request_error"),
        UNAUTHENTICATED(401, "invalid_request_error", "authentication_error"),
        FORBIDDEN(403, "permission_error", "permission_error"),
        MODEL_NOT_FOUND(404, "invalid_request_error", "not_found_error"),
        BUDGET_EXHAUSTED(429, "insufficient_quota", "rate_limit_error"),
        UPSTREAM_ERROR(502, "api_error", "api_error"),
        UNAVAILABLE(503, "api_error", "overloaded_error"),
        TIMEOUT(504, "api_error", "timeout_error");

        private final int status;
        private final String openAiType;
        private final String anthropicType;

        Kind(int status, String openAiType, String anthropicType) {
            this.status = status;
            this.openAiType = openAiType;
            this.anthropicType = anthropicType;
        }

        public int status() {
            return status;
        }

        public String type(WireFormat format) {
            return format == WireFormat.OPENAI ? openAiType : anthropicType;
        }
    }

    private final Kind kind;
    private final String code;

    public LlmException(Kind kind, String code, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public LlmException(Kind kind, String message) {
        this(kind, null, message);
    }

    public Kind kind() {
        return kind;
    }

    /** A machine-readable code for OpenAI's {@code error.code}, e.g. {@code model_not_found}; may be null. */
    public String code() {
        return code;
    }
}
