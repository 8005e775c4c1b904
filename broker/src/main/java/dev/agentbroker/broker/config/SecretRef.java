package dev.agentbroker.broker.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A reference to a secret kept outside the config file: {@code env:NAME} or
 * {@code file:/path}. The value is resolved on demand and never printed: {@link #toString()}
 * shows only the reference.
 */
public record SecretRef(Kind kind, String name) {
    public enum Kind { ENV, FILE }

    public SecretRef {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("secret reference needs a name");
        }
    }

    /** Parses {@code env:NAME} or {@code file:/path}; anything else is not a reference. */
    public static Optional<SecretRef> parse(String text) {
        if (text.startsWith("env:") && text.length() > 4 && text.substring(4).matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return Optional.of(new SecretRef(Kind.ENV, text.substring(4)));
        }
        if (text.startsWith("file:") && text.length() > 5) {
            return Optional.of(new SecretRef(Kind.FILE, text.substring(5)));
        }
        return Optional.empty();
    }

    /**
     * Reads the secret now. Trailing newlines of files are dropped.
     *
     * @throws ConfigException naming {@code path} when the variable is unset or the file unreadable
     */
    public String resolve(String path, Map<String, String> environment) {
        return switch (kind) {
            case ENV -> {
                String value = environment.get(name);
                if (value == null || value.isEmpty()) {
                    throw new ConfigException(path, "environment variable " + name + " is not set");
                }
                yield value;
            }
            case FILE -> {
                try {
                    yield Files.readString(Path.of(name), StandardCharsets.UTF_8).stripTrailing();
                } catch (IOException | RuntimeException e) {
                    throw new ConfigException(path, "cannot read secret file " + name);
                }
            }
        };
    }

    @Override
    public String toString() {
        return (kind == Kind.ENV ? "env:" : "file:") + name;
    }
}
