package dev.agentbroker.broker.policy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Canonicalises file-path arguments before Cedar sees them, because Cedar's {@code like} is
 * lexical: {@code /sandbox/../etc/passwd} must reach a policy as {@code /etc/passwd}.
 * Backslashes become slashes, a {@code file://} prefix is dropped, {@code .}, {@code ..} and
 * repeated slashes are resolved ({@code ..} never climbs above {@code /}), a trailing slash is
 * removed. Percent-escapes are decoded (repeatedly, so double encoding does not hide a
 * {@code ..}); since an upstream may or may not decode, {@link #forms} returns both the
 * decoded and the literal reading and policies must accept both. NUL, invalid escapes to
 * invalid UTF-8 and over-long paths are rejected. Stateless and thread-safe.
 */
final class PathCanonicaliser {
    static final int MAX_LENGTH = 4096;
    private static final int MAX_DECODE_ROUNDS = 4;

    private PathCanonicaliser() {
    }

    /** The canonical (percent-decoded) form of {@code raw}. */
    static String canonical(String raw) {
        return normalise(decode(prepare(raw)));
    }

    /**
     * Every reading of {@code raw} an upstream might act on: the decoded canonical form first,
     * then the literal form when percent-decoding changed it.
     */
    static Set<String> forms(String raw) {
        String prepared = prepare(raw);
        Set<String> forms = new LinkedHashSet<>();
        forms.add(normalise(decode(prepared)));
        forms.add(normalise(prepared));
        return forms;
    }

    /** True when canonical path {@code path} is {@code root} itself or lies below it. */
    static boolean isUnder(String path, String root) {
        if (root.equals("/")) {
            return path.startsWith("/");
        }
        return path.equals(root) || path.startsWith(root + "/");
    }

    private static String prepare(String raw) {
        if (raw.length() > MAX_LENGTH) {
            throw new ArgumentRejectedException("path longer than " + MAX_LENGTH + " characters");
        }
        rejectNul(raw);
        String path = raw.replace('\\', '/');
        if (path.regionMatches(true, 0, "file://", 0, 7)) {
            path = path.substring(7);
            int slash = path.indexOf('/');
            // file://host/path: only an empty host or localhost names a local path
            String host = slash < 0 ? path : path.substring(0, slash);
            if (!host.isEmpty() && !host.equalsIgnoreCase("localhost")) {
                throw new ArgumentRejectedException("file URL names a remote host");
            }
            path = slash < 0 ? "/" : path.substring(slash);
        }
        return path;
    }

    static String decode(String path) {
        String current = path;
        for (int round = 0; round < MAX_DECODE_ROUNDS && hasEscape(current); round++) {
            current = decodeOnce(current);
            rejectNul(current);
        }
        if (hasEscape(current)) {
            throw new ArgumentRejectedException("path is percent-encoded more than " + MAX_DECODE_ROUNDS + " times");
        }
        return current.replace('\\', '/');
    }

    static String normalise(String path) {
        boolean absolute = path.startsWith("/");
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!segments.isEmpty() && !segments.peekLast().equals("..")) {
                    segments.removeLast();
                } else if (!absolute) {
                    segments.addLast("..");
                }
                continue;
            }
            segments.addLast(segment);
        }
        String joined = String.join("/", segments);
        if (absolute) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    private static boolean hasEscape(String s) {
        for (int i = s.indexOf('%'); i >= 0; i = s.indexOf('%', i + 1)) {
            if (i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                return true;
            }
        }
        return false;
    }

    private static String decodeOnce(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
                continue;
            }
            flush(bytes, out);
            out.append(c);
        }
        flush(bytes, out);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() == 0) {
            return;
        }
        try {
            out.append(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())));
        } catch (CharacterCodingException e) {
            throw new ArgumentRejectedException("path has percent-escapes that are not UTF-8");
        }
        bytes.reset();
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static void rejectNul(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new ArgumentRejectedException("path contains a NUL character");
        }
    }
}
