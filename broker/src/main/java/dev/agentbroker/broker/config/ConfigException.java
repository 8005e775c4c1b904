package dev.agentbroker.broker.config;

/**
 * An invalid configuration: the message always names the key path (for example
 * {@code server.port}) and what is wrong with it. Thrown before anything is started.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String path;

    public ConfigException(String path, String problem) {
        super((path.isEmpty() ? "(top level)" : path) + ": " + problem);
        this.path = path;
    }

    /** The dotted key path the problem is at, empty for the document itself. */
    public String path() {
        return path;
    }
}
