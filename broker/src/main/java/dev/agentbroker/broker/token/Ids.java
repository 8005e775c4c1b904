package dev.agentbroker.broker.token;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random identifiers of 128 bits in lower-case hex: token ids, task ids and trace roots (W3C trace-id form). */
final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
