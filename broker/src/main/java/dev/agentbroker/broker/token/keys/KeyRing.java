package dev.agentbroker.broker.token.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.jwk.ECKey;

/**
 * One consistent set of signing keys: the current key and the retired ones that still
 * verify. Immutable.
 *
 * @param currentKid the key id that signs
 * @param entries    every key still published
 */
record KeyRing(String currentKid, List<Entry> entries) {
    KeyRing {
        entries = List.copyOf(entries);
        if (entries.stream().noneMatch(e -> e.key().getKeyID().equals(currentKid))) {
            throw new IllegalArgumentException("current key " + currentKid + " is not in the key set");
        }
    }

    /**
     * A key with its history.
     *
     * @param key     the private key
     * @param created when it was generated
     * @param retiredUntil when it stops verifying (null while current or never retired)
     */
    record Entry(ECKey key, Instant created, Instant retiredUntil) {
    }

    static KeyRing first(ECKey key, Instant now) {
        return new KeyRing(key.getKeyID(), List.of(new Entry(key, now, null)));
    }

    /** {@code next} becomes current; the old current verifies until {@code now + retention}; expired ones go. */
    KeyRing rotate(ECKey next, Instant now, Duration retention) {
        List<Entry> kept = new ArrayList<>();
        for (Entry e : entries) {
            if (e.key().getKeyID().equals(currentKid)) {
                kept.add(new Entry(e.key(), e.created(), now.plus(retention)));
            } else if (e.retiredUntil() == null || e.retiredUntil().isAfter(now)) {
                kept.add(e);
            }
        }
        kept.add(new Entry(next, now, null));
        return new KeyRing(next.getKeyID(), kept);
    }

    ECKey currentKey() {
        return find(currentKid).orElseThrow();
    }

    Optional<ECKey> find(String kid) {
        return entries.stream().map(Entry::key).filter(k -> k.getKeyID().equals(kid)).findFirst();
    }

    List<ECKey> keys() {
        return entries.stream().map(Entry::key).toList();
    }
}
