package dev.agentbroker.broker.token.oauth;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import dev.agentbroker.broker.token.BrokerUrls;
import dev.agentbroker.broker.token.OAuthException;

/**
 * Guards the development IdP's endpoints against DNS rebinding: they issue tokens without a
 * password or secret, so they answer only requests whose {@code Host} names a loopback
 * address ({@code localhost}, {@code 127.x.x.x}, {@code [::1]}) or the broker's own base URL,
 * never a foreign name that a web page made resolve to the loopback address.
 */
final class DevIdpHostCheck {
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "[::1]");

    private final BrokerUrls urls;

    DevIdpHostCheck(BrokerUrls urls) {
        this.urls = urls;
    }

    /** @throws OAuthException {@code invalid_request} naming the {@code Host} header */
    void check(ServerRequest req) {
        String host = hostName(req.headers().first(HeaderNames.HOST).orElse(""));
        if (!(LOOPBACK_NAMES.contains(host) || host.matches("127(\\.\\d{1,3}){3}") || host.equals(ownHost()))) {
            throw OAuthException.invalidRequest("Host header must name the broker at a loopback address "
                    + "(the development IdP answers only local callers)");
        }
    }

    private String ownHost() {
        String host = URI.create(urls.base()).getHost();
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }

    /** {@code host[:port]} or {@code [v6][:port]} without the port, lower case. */
    static String hostName(String header) {
        String h = header.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }
}
