package dev.agentbroker.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The broker's own timers over one cell, read from its {@code /metrics} before and after:
 * the mean Cedar decision, the mean wait for a durable audit record, the mean time from
 * asking the provider to its response headers and from forwarding an MCP call to the
 * upstream's answer, each with how many there were. Immutable.
 */
record BrokerParts(Map<String, Part> parts) {
    /** The timers read, by the name the report gives them. */
    static final Map<String, String> TIMERS = timers();

    /** One timer's mean over the cell and how many events it timed. */
    record Part(double meanMicros, long count) {
    }

    private static Map<String, String> timers() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("Cedar decision", "broker_policy_evaluation_seconds");
        t.put("wait for a durable audit record", "broker_audit_wait_seconds");
        t.put("provider, to its response headers", "broker_model_upstream_seconds");
        t.put("MCP upstream, to its answer", "broker_mcp_upstream_seconds");
        return t;
    }

    /** The counters and sums of {@link #TIMERS} now, or an empty map when {@code /metrics} cannot be read. */
    static Map<String, double[]> scrape(HttpClient http, URI broker) throws InterruptedException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(broker.resolve("/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? parse(r.body()) : Map.of();
        } catch (java.io.IOException e) {
            return Map.of();
        }
    }

    /** Count and sum (seconds) of each of {@link #TIMERS} in a Prometheus text exposition. */
    static Map<String, double[]> parse(String exposition) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String metric : TIMERS.values()) {
            out.put(metric, new double[] {total(exposition, metric + "_count"), total(exposition, metric + "_sum")});
        }
        return out;
    }

    /** What happened between two scrapes; timers that timed nothing are left out. */
    static BrokerParts between(Map<String, double[]> before, Map<String, double[]> after) {
        Map<String, Part> parts = new LinkedHashMap<>();
        TIMERS.forEach((label, metric) -> {
            double[] a = before.get(metric);
            double[] b = after.get(metric);
            if (a != null && b != null && b[0] > a[0]) {
                long n = Math.round(b[0] - a[0]);
                parts.put(label, new Part((b[1] - a[1]) * 1e6 / n, n));
            }
        });
        return new BrokerParts(Map.copyOf(parts));
    }

    /** The report's line, e.g. {@code Cedar decision 120 us (x 52,000); ...}, or empty when nothing was read. */
    String line() {
        List<String> shown = TIMERS.keySet().stream().filter(parts::containsKey)
                .map(label -> "%s %.0f us (x %,d)".formatted(label, parts.get(label).meanMicros(), parts.get(label).count()))
                .toList();
        return String.join("; ", shown);
    }

    private static double total(String exposition, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(exposition);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }
}
