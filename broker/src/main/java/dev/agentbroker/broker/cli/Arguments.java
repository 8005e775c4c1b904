package dev.agentbroker.broker.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parsed command-line options ({@code --name value} or {@code --name=value}) and positional
 * arguments, checked against the options a command declares.
 */
final class Arguments {
    private final Map<String, List<String>> options;
    private final List<String> positional;

    private Arguments(Map<String, List<String>> options, List<String> positional) {
        this.options = options;
        this.positional = positional;
    }

    static Arguments parse(List<String> args, List<Command.Option> declared) {
        Map<String, List<String>> options = new HashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                positional.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (arg.length() == 2 && arg.charAt(0) == '-' && Character.isLetter(arg.charAt(1))) {
                arg = "-" + arg; // -n N is --n N
            }
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            Command.Option option = declared.stream().filter(o -> o.name().equals(name)).findFirst()
                    .orElseThrow(() -> new UsageException("unknown option --" + name));
            String value;
            if (!option.takesValue()) {
                if (eq >= 0) {
                    throw new UsageException("option --" + name + " takes no value");
                }
                value = "true";
            } else if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException("option --" + name + " needs a value (" + option.valueName() + ")");
            }
            options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return new Arguments(options, List.copyOf(positional));
    }

    Optional<String> value(String name) {
        List<String> values = options.get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    List<String> values(String name) {
        return options.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    Optional<Integer> integer(String name, int min, int max) {
        Optional<String> text = value(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            int n = Integer.parseInt(text.get());
            if (n < min || n > max) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max);
            }
            return Optional.of(n);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, got \"" + text.get() + "\"");
        }
    }

    List<String> positional() {
        return positional;
    }
}
