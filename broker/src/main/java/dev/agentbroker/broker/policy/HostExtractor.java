package dev.agentbroker.broker.policy;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Extracts the host of a URL argument so policies can allow-list hosts with plain string
 * comparison. The authority ends at the first {@code /}, {@code ?}, {@code #} or
 * {@code \} (browsers treat a backslash as a slash), user info up to the last {@code @} is
 * dropped, the host is percent-decoded, lower-cased, converted to IDNA ASCII (RFC 5891) and
 * loses a trailing dot; IPv6 literals keep their brackets. A URL whose host cannot be read is
 * rejected rather than passed on unchecked. Stateless and thread-safe.
 */
final class HostExtractor {
    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*", Pattern.DOTALL);
    private static final int MAX_LENGTH = 8192;

    private HostExtractor() {
    }

    /** True when {@code value} looks like an absolute URL with an authority ({@code scheme://}). */
    static boolean isUrl(String value) {
        return value.length() <= MAX_LENGTH && URL.matcher(value).matches()
                && !value.regionMatches(true, 0, "file:", 0, 5);
    }

    /** The canonical host of URL {@code url}; empty only when {@code url} is not a URL. */
    static Optional<String> host(String url) {
        if (!isUrl(url)) {
            return Optional.empty();
        }
        String rest = url.substring(url.indexOf("://") + 3);
        int end = indexOfAny(rest, "/?#\\");
        String authority = end < 0 ? rest : rest.substring(0, end);
        int at = authority.lastIndexOf('@');
        String hostPort = at < 0 ? authority : authority.substring(at + 1);
        String host = hostPort.startsWith("[") ? ipv6(hostPort) : stripPort(hostPort);
        host = PathCanonicaliser.decode(host).toLowerCase(Locale.ROOT);
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()) {
            throw new ArgumentRejectedException("URL argument has no host");
        }
        if (host.startsWith("[")) {
            return Optional.of(host);
        }
        return Optional.of(ascii(host));
    }

    private static String ipv6(String hostPort) {
        int close = hostPort.indexOf(']');
        if (close < 0) {
            throw new ArgumentRejectedException("URL argument has an unterminated IPv6 host");
        }
        return hostPort.substring(0, close + 1);
    }

    private static String stripPort(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }

    private static String ascii(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c <= ' ' || c == '%' || c == '@' || c == '[' || c == ']' || c == '\u007f') {
                throw new ArgumentRejectedException("URL argument has a malformed host");
            }
        }
        try {
            return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new ArgumentRejectedException("URL argument has a host that is not a valid IDN");
        }
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
