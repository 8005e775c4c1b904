package dev.agentbroker.broker.policy;

/** Checks the names that become Cedar entity ids: non-empty, bounded, no control characters. */
final class Names {
    static final int MAX = 512;

    private Names() {
    }

    /** A server name: also free of {@code /}, which separates server and tool in {@code Tool} ids. */
    static String server(String value) {
        require("server", value);
        if (value.indexOf('/') >= 0) {
            throw new IllegalArgumentException("server name must not contain '/': " + value);
        }
        return value;
    }

    static String require(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (value.length() > MAX) {
            throw new IllegalArgumentException(what + " is longer than " + MAX + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(what + " contains a control character");
            }
        }
        return value;
    }
}
