package dev.agentbroker.bench.load;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code ${NAME}} placeholders in the broker configuration template
 * (bench/broker.yaml.template). A placeholder without a value fails naming it, so a
 * template edited after a merge cannot silently start a broker with a literal
 * {@code ${...}}. Stateless.
 */
final class ConfigTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");

    private ConfigTemplate() {
    }

    static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("bench/broker.yaml.template: no value for ${" + m.group(1)
                        + "} (the harness provides " + values.keySet() + ")");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }
}
