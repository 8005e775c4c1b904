package dev.agentbroker.broker.observability;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import dev.agentbroker.broker.config.LoggingConfig;

/**
 * Points java.util.logging (which Helidon, SLF4J and our code all end in) at one stderr
 * handler writing {@link OneLineFormatter} lines at the configured level.
 */
public final class LogSetup {
    private LogSetup() {
    }

    public static void apply(LoggingConfig config) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        Level level = switch (config.level()) {
            case DEBUG -> Level.FINE;
            case INFO -> Level.INFO;
            case WARN -> Level.WARNING;
            case ERROR -> Level.SEVERE;
        };
        Handler handler = new ConsoleHandler();
        handler.setLevel(level);
        handler.setFormatter(new OneLineFormatter(config.format()));
        root.setLevel(level);
        root.addHandler(handler);
    }
}
