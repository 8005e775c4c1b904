package dev.agentbroker.broker.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of one audit directory: segments named {@code audit-<first seq, 20 digits>.jsonl}
 * (so name order is log order; the chain continues from one to the next) and
 * {@code checkpoints.jsonl}. Stateless.
 */
final class Segments {
    static final String CHECKPOINTS = "checkpoints.jsonl";
    private static final Pattern NAME = Pattern.compile("audit-(\\d{20})\\.jsonl");

    private Segments() {
    }

    static String name(long firstSeq) {
        return String.format("audit-%020d.jsonl", firstSeq);
    }

    /** The segment files in log order; empty when the directory does not exist. */
    static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f))
                    .sorted().toList();
        }
    }

    /** The sequence number a segment's name says its first record has. */
    static long firstSeq(Path segment) {
        Matcher m = NAME.matcher(segment.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an audit segment: " + segment);
        }
        return Long.parseLong(m.group(1));
    }
}
