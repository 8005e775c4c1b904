package dev.agentbroker.broker.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Objects;

/**
 * The segment the writer appends to. Space is preallocated with zero bytes ahead of it
 * ({@link Preallocator}); readers stop at the last non-zero byte, and closing cuts the file
 * to its records.
 * Before each batch it checks that its path still names the file it has open: a log file
 * deleted, moved or replaced under a running broker (or a directory that is no longer
 * there) is a write failure, not something to keep writing into unseen. Used by the single
 * writer thread only.
 */
final class ActiveSegment implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private final Object fileKey;
    private final Instant openedAt;
    private final Preallocator space;
    private long size;

    private ActiveSegment(Path path, FileChannel channel, Object fileKey, Instant openedAt, long size) {
        this.path = path;
        this.channel = channel;
        this.fileKey = fileKey;
        this.openedAt = openedAt;
        this.size = size;
        this.space = new Preallocator(channel, size);
    }

    /** Opens {@code path} for appending at {@code length}, creating it when absent. */
    static ActiveSegment open(Path path, long length, Instant now) throws IOException {
        boolean created = !Files.exists(path, LinkOption.NOFOLLOW_LINKS);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (channel.size() > length) {
                channel.truncate(length);
            }
            if (created) {
                syncDirectory(path.getParent());
            }
            Object key = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            return new ActiveSegment(path, channel, key, now, length);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /** Writes {@code bytes} completely, then forces them (data and size) to the device. */
    void appendDurably(ByteBuffer bytes) throws IOException {
        checkInPlace();
        space.ensure(size + bytes.remaining());
        while (bytes.hasRemaining()) {
            size += channel.write(bytes, size);
        }
        channel.force(false);
        space.ahead(size);
    }

    boolean shouldRoll(long maxBytes, java.time.Duration maxAge, Instant now) {
        return size >= maxBytes || !openedAt.plus(maxAge).isAfter(now) && size > 0;
    }

    long size() {
        return size;
    }

    Path path() {
        return path;
    }

    /** Cuts the preallocated space off and closes the file. */
    @Override
    public void close() throws IOException {
        try {
            space.await();
        } catch (IOException ignored) {
            // closing anyway: the zeros beyond size are cut off below
        }
        try {
            if (channel.isOpen() && channel.size() > size) {
                channel.truncate(size);
                channel.force(false);
            }
        } finally {
            channel.close();
        }
    }

    private void checkInPlace() throws IOException {
        Object now;
        try {
            now = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            throw new IOException("audit segment " + path + " is no longer there: " + e.getMessage(), e);
        }
        if (!Objects.equals(now, fileKey)) {
            throw new IOException("audit segment " + path + " was replaced by another file");
        }
    }

    /** Makes a new file's directory entry durable (fsync of the directory). */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }
}
