package dev.agentbroker.broker.observability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import dev.agentbroker.broker.config.LoggingConfig;

/**
 * One log event per line, as {@code key=value} text or as a JSON object. A record whose only
 * parameter is a {@code Map} is a structured event: its entries become fields. Stack traces
 * are folded onto the same line so a log shipper never splits an event.
 */
final class OneLineFormatter extends Formatter {
    private final LoggingConfig.Format format;

    OneLineFormatter(LoggingConfig.Format format) {
        this.format = format;
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160);
        Map<?, ?> fields = structuredFields(record);
        String message = fields == null ? formatMessage(record) : record.getMessage();
        String level = levelName(record.getLevel());
        String logger = shortName(record.getLoggerName());
        if (format == LoggingConfig.Format.JSON) {
            line.append("{\"ts\":\"").append(Instant.ofEpochMilli(record.getMillis())).append('"');
            appendJson(line, "level", level);
            appendJson(line, "logger", logger);
            appendJson(line, "msg", message);
            if (fields != null) {
                fields.forEach((k, v) -> appendJson(line, String.valueOf(k), v));
            }
            if (record.getThrown() != null) {
                appendJson(line, "error", stackTrace(record.getThrown()));
            }
            line.append('}');
        } else {
            line.append(Instant.ofEpochMilli(record.getMillis())).append(' ').append(level).append(' ')
                    .append(logger).append(' ').append(message);
            if (fields != null) {
                fields.forEach((k, v) -> line.append(' ').append(k).append('=').append(textValue(v)));
            }
            if (record.getThrown() != null) {
                line.append(" error=").append(textValue(stackTrace(record.getThrown())));
            }
        }
        return line.append(System.lineSeparator()).toString();
    }

    private static Map<?, ?> structuredFields(LogRecord record) {
        Object[] params = record.getParameters();
        if (params != null && params.length == 1 && params[0] instanceof Map<?, ?> map) {
            return map;
        }
        return null;
    }

    private static String levelName(Level level) {
        if (level.intValue() >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (level.intValue() >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (level.intValue() >= Level.INFO.intValue()) {
            return "INFO";
        }
        return "DEBUG";
    }

    private static String shortName(String logger) {
        if (logger == null || logger.isEmpty()) {
            return "root";
        }
        int dot = logger.lastIndexOf('.');
        return dot < 0 ? logger : logger.substring(dot + 1);
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter out = new StringWriter();
        thrown.printStackTrace(new PrintWriter(out));
        return out.toString().replace("\r", "").replace("\n\t", " | ").replace('\n', ' ').strip();
    }

    private static String textValue(Object value) {
        String s = String.valueOf(value);
        boolean plain = !s.isEmpty() && s.chars().noneMatch(c -> c == ' ' || c == '"' || c == '=' || c < 0x20);
        return plain ? s : '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    private static void appendJson(StringBuilder line, String key, Object value) {
        line.append(",\"");
        escape(line, key);
        line.append("\":");
        if (value instanceof Number || value instanceof Boolean) {
            line.append(value);
        } else {
            line.append('"');
            escape(line, String.valueOf(value));
            line.append('"');
        }
    }

    private static void escape(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
