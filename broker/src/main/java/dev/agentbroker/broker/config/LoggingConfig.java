package dev.agentbroker.broker.config;

/**
 * Log settings.
 *
 * @param level  the least severe level written
 * @param format one line per event, as {@code key=value} pairs or as a JSON object
 */
public record LoggingConfig(Level level, Format format) {
    public enum Level { DEBUG, INFO, WARN, ERROR }

    public enum Format { TEXT, JSON }

    static LoggingConfig read(ConfigNode node) {
        return new LoggingConfig(node.choice("level", Level.INFO), node.choice("format", Format.TEXT));
    }
}
