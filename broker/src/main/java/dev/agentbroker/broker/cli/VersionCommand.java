package dev.agentbroker.broker.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

/** {@code bin/broker version}: the broker's version and the Java runtime it runs on. */
final class VersionCommand implements Command {
    @Override
    public String name() {
        return "version";
    }

    @Override
    public String synopsis() {
        return "version";
    }

    @Override
    public String summary() {
        return "Print the broker version and the Java runtime";
    }

    @Override
    public List<Option> options() {
        return List.of();
    }

    @Override
    public int run(Arguments arguments, Terminal terminal) {
        terminal.out().println("agent-broker " + version() + " (Java " + Runtime.version() + ", "
                + System.getProperty("java.vendor", "unknown vendor") + ")");
        return Cli.OK;
    }

    /** The version the build stamped into the jar. */
    static String version() {
        try (InputStream in = VersionCommand.class.getResourceAsStream("/dev/agentbroker/broker/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
