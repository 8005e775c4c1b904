package dev.agentbroker.broker.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;

import dev.agentbroker.broker.audit.AuditReader;

/**
 * {@code audit query}: the records matching every given filter, as JSON lines in log order.
 * {@code --type} matches exactly or, ending in {@code *}, by prefix; {@code --since} and
 * {@code --until} take an ISO-8601 instant or an age such as {@code 10m}. Immutable.
 */
record AuditQuery(String task, String type, Instant since, Instant until, String decision, long limit) {
    static final List<Command.Option> OPTIONS = List.of(
            new Command.Option("task", "T", "query: records of task T"),
            new Command.Option("type", "X", "query: records of event type X (tool.* for a prefix)"),
            new Command.Option("since", "WHEN", "query: records at or after WHEN (2026-12-01T20:00:00Z, or an age: 10m, 2h, 1d)"),
            new Command.Option("until", "WHEN", "query: records before WHEN"),
            new Command.Option("decision", "D", "query: records with decision D (allow, deny, error)"),
            new Command.Option("limit", "N", "query: stop after N records"));
    private static final Pattern AGE = Pattern.compile("(\\d{1,9})(s|m|h|d)");

    static AuditQuery parse(Arguments arguments) {
        Instant now = Instant.now();
        return new AuditQuery(arguments.value("task").orElse(null), arguments.value("type").orElse(null),
                arguments.value("since").map(w -> when("since", w, now)).orElse(null),
                arguments.value("until").map(w -> when("until", w, now)).orElse(null),
                arguments.value("decision").orElse(null), arguments.integer("limit", 1, Integer.MAX_VALUE).orElse(Integer.MAX_VALUE));
    }

    int run(Path dir, Terminal terminal) throws IOException {
        AtomicLong printed = new AtomicLong();
        AuditReader.scan(dir, filter(), r -> {
            terminal.out().println(r);
            return printed.incrementAndGet() < limit;
        });
        terminal.err().println(printed.get() + " record(s)");
        return Cli.OK;
    }

    Predicate<JsonObject> filter() {
        return r -> (task == null || task.equals(r.getString("task", null)))
                && (type == null || matchesType(r.getString("type", "")))
                && (decision == null || decision.equals(r.getString("decision", null)))
                && (since == null && until == null || inWindow(r.getString("time", null)));
    }

    private boolean matchesType(String actual) {
        return type.endsWith("*") ? actual.startsWith(type.substring(0, type.length() - 1)) : type.equals(actual);
    }

    private boolean inWindow(String time) {
        try {
            Instant t = Instant.parse(time);
            return (since == null || !t.isBefore(since)) && (until == null || t.isBefore(until));
        } catch (DateTimeParseException | NullPointerException e) {
            return false;
        }
    }

    static Instant when(String option, String text, Instant now) {
        Matcher m = AGE.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration age = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return now.minus(age);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("--" + option + " must be an ISO-8601 instant (2026-12-01T20:00:00Z) or an age (10m, 2h, 1d),"
                    + " got \"" + text + "\"");
        }
    }
}
