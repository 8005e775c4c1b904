package dev.agentbroker.broker.token;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers what a token's signature check established, keyed by the exact token text, so
 * a token used at every model and tool call is verified cryptographically once (ES256
 * verification costs milliseconds on a loaded machine). Only signature-derived facts are
 * cached; time, revocation and agent checks run on every use. Bounded: when full it starts
 * over. Thread-safe.
 *
 * @param <V> what the signature check established
 */
final class VerifiedCache<V> {
    private final Map<String, V> entries = new ConcurrentHashMap<>();
    private final int capacity;

    VerifiedCache(int capacity) {
        this.capacity = capacity;
    }

    Optional<V> get(String token) {
        return Optional.ofNullable(entries.get(token));
    }

    void put(String token, V value) {
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(token, value);
    }
}
