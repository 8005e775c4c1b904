package dev.agentbroker.broker.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded {@link RevocationList}: revoked ids in memory, each revocation appended to
 * {@code tokens/revoked.log} in the data dir and forced to disk before {@link #revoke}
 * returns, so a revocation survives a restart. Entries of expired tokens are skipped on load.
 * Thread-safe.
 */
public final class FileRevocationList implements RevocationList {
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final Path file;
    private final Clock clock;

    private FileRevocationList(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public static FileRevocationList open(Path dataDir, Clock clock) {
        FileRevocationList list = new FileRevocationList(dataDir.resolve("tokens/revoked.log"), clock);
        list.load();
        return list;
    }

    @Override
    public synchronized void revoke(String tokenId, Instant expiresAt) {
        if (revoked.putIfAbsent(tokenId, expiresAt) != null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap((tokenId + " " + expiresAt.getEpochSecond() + "\n")
                        .getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the revocation in " + file, e);
        }
    }

    @Override
    public boolean isRevoked(String tokenId) {
        return revoked.containsKey(tokenId);
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        Instant now = clock.instant();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.trim().split(" ");
                if (parts.length == 2 && parts[1].matches("\\d{1,12}")) {
                    Instant exp = Instant.ofEpochSecond(Long.parseLong(parts[1]));
                    if (exp.isAfter(now.minusSeconds(120))) {
                        revoked.put(parts[0], exp);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the revocation list " + file + " (data-dir)", e);
        }
    }
}
