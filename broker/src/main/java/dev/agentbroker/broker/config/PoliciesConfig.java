package dev.agentbroker.broker.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code policies} section: which Cedar policy set is enforced, whether it is hot
 * reloaded, an optional shadow candidate, the path roots policies may test arguments
 * against and the tool groups. Immutable.
 *
 * @param directory       a directory of {@code *.cedar} files, or {@code builtin:default} /
 *                        {@code builtin:quickstart} for a packaged set
 * @param watch           whether a directory is polled and reloaded on change
 * @param watchInterval   how often it is polled
 * @param shadowDirectory a candidate set evaluated beside the enforced one, if any
 * @param pathRoots       absolute roots offered to policies as {@code context.args.allPathsUnder}
 * @param toolGroups      group name to tool patterns ({@code server/tool} or {@code server/*})
 */
public record PoliciesConfig(String directory, boolean watch, Duration watchInterval,
                             Optional<String> shadowDirectory, List<String> pathRoots,
                             Map<String, List<String>> toolGroups) {
    public static final String DEFAULT_DIRECTORY = "builtin:default";

    public PoliciesConfig {
        pathRoots = List.copyOf(pathRoots);
        toolGroups = Map.copyOf(toolGroups);
    }

    /** Reads the section; every key is optional. */
    public static PoliciesConfig read(ConfigNode node) {
        String directory = node.string("directory", DEFAULT_DIRECTORY);
        boolean watch = node.bool("watch", true);
        Duration interval = node.duration("watch-interval", Duration.ofMillis(500), Duration.ofMillis(100),
                Duration.ofMinutes(5));
        Optional<String> shadow = node.optionalString("shadow-directory");
        List<String> roots = node.has("path-roots") ? node.strings("path-roots") : List.of("/sandbox");
        for (int i = 0; i < roots.size(); i++) {
            String root = roots.get(i);
            if (!root.startsWith("/") || root.contains("//") || root.contains("/./") || root.contains("/../")
                    || root.endsWith("/.") || root.endsWith("/..") || root.length() > 1 && root.endsWith("/")) {
                throw new ConfigException(node.pathOf("path-roots") + "[" + i + "]",
                        "must be an absolute canonical path like /sandbox, got \"" + root + "\"");
            }
        }
        Map<String, List<String>> groups = node.namedStrings("tool-groups");
        groups.forEach((group, patterns) -> {
            for (int i = 0; i < patterns.size(); i++) {
                if (!patterns.get(i).matches("[^/*]+/([^/*]+|\\*)")) {
                    throw new ConfigException(node.pathOf("tool-groups") + "." + group + "[" + i + "]",
                            "must be SERVER/TOOL or SERVER/*, got \"" + patterns.get(i) + "\"");
                }
            }
        });
        return new PoliciesConfig(directory, watch, interval, shadow, roots, groups);
    }

    /** The configuration used when the file has no {@code policies} section. */
    public static PoliciesConfig defaults() {
        return read(ConfigNode.root(null));
    }
}
