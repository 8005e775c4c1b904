package dev.agentbroker.bench.load;

/** A request got a wrong status or content; the message says which and shows the start of the body. */
final class CallFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    CallFailedException(String what, int status, String body) {
        super(what + " answered HTTP " + status + (status == 404 ? " (endpoint missing)" : "") + ": "
                + body.substring(0, Math.min(body.length(), 300)).strip());
    }

    CallFailedException(String message) {
        super(message);
    }
}
