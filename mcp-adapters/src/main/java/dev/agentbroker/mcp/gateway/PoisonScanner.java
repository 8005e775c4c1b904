package dev.agentbroker.mcp.gateway;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Looks for tool-poisoning markers in a tool description: hidden or direction-changing
 * Unicode, instruction-like text aimed at the model, and names of other servers' tools that
 * the server does not itself have, as whole words (cross-server shadowing). Heuristic by nature: it flags for human review, it proves
 * nothing. Stateless.
 */
final class PoisonScanner {
    private static final Pattern HIDDEN = Pattern.compile(
            "[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF\\u00AD]|[\\x{E0000}-\\x{E007F}]");
    private static final Pattern INSTRUCTIONS = Pattern.compile(
            "(?i)(ignore (all |any )?(previous|prior|above) instructions|<important>|<system>|do not (tell|inform|mention)"
            + " (this to )?the user|before using this tool|you must (first )?(read|call|send)|~/\\.ssh|id_rsa"
            + "|\\.env\\b|system prompt)");

    private PoisonScanner() {
    }

    /** The markers found; empty when nothing looks suspicious. */
    static List<String> scan(String description, Collection<String> otherServersTools) {
        List<String> flags = new ArrayList<>();
        if (description == null) {
            return flags;
        }
        if (HIDDEN.matcher(description).find()) {
            flags.add("hidden-unicode");
        }
        if (INSTRUCTIONS.matcher(description).find()) {
            flags.add("instruction-like-text");
        }
        String lower = description.toLowerCase(Locale.ROOT);
        for (String other : otherServersTools) {
            if (other.length() >= 4 && Pattern.compile("(?<![a-z0-9_-])" + Pattern.quote(other.toLowerCase(Locale.ROOT))
                    + "(?![a-z0-9_-])").matcher(lower).find()) {
                flags.add("mentions-other-server-tool:" + other);
                break;
            }
        }
        return flags;
    }
}
