package dev.agentbroker.broker.token;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The broker's own URLs as the token service sees them: the issuer, the OAuth endpoints and
 * the protected resources a task token may be issued for ({@code BASE/v1},
 * {@code BASE/mcp}, {@code BASE/mcp/SERVER}, {@code BASE/admin}). The base URL is supplied
 * lazily because it is known only once the listener is bound (port 0). Thread-safe.
 */
public final class BrokerUrls {
    private static final Pattern SERVER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final Supplier<URI> base;
    private final Optional<URI> issuer;

    /**
     * @param base   the broker's base URL (no trailing slash), e.g. {@code http://127.0.0.1:8080}
     * @param issuer {@code tokens.issuer} when configured; otherwise the base URL is the issuer
     */
    public BrokerUrls(Supplier<URI> base, Optional<URI> issuer) {
        this.base = Objects.requireNonNull(base, "base");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    public static BrokerUrls fixed(URI base) {
        return new BrokerUrls(() -> base, Optional.empty());
    }

    public String base() {
        String text = Objects.requireNonNull(base.get(), "base URL not known yet").toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    public String issuer() {
        return issuer.map(URI::toString).orElseGet(this::base);
    }

    /** The issuer of the embedded development IdP's user tokens. */
    public String devIdpIssuer() {
        return issuer() + "/dev-idp";
    }

    public String endpoint(String path) {
        return base() + path;
    }

    /** The model endpoints' resource identifier. */
    public String models() {
        return base() + "/v1";
    }

    /** The MCP endpoint's resource identifier (valid for every {@code /mcp/SERVER} too). */
    public String mcp() {
        return base() + "/mcp";
    }

    public String admin() {
        return base() + "/admin";
    }

    /** Whether {@code resource} names one of the broker's protected resources. */
    public boolean serves(String resource) {
        if (resource.equals(models()) || resource.equals(mcp()) || resource.equals(admin())) {
            return true;
        }
        String prefix = mcp() + "/";
        return resource.startsWith(prefix) && SERVER.matcher(resource.substring(prefix.length())).matches();
    }

    /** The audience of a token when the request names none: the model and MCP endpoints, plus admin for {@code admin}. */
    public List<String> defaultAudience(ScopeSet scopes) {
        List<String> out = new ArrayList<>(List.of(models(), mcp()));
        if (scopes.covers("admin")) {
            out.add(admin());
        }
        return List.copyOf(out);
    }

    /**
     * Whether a token for {@code audience} may be used at {@code resource}: the same URL, or
     * a resource below it ({@code .../mcp} is valid for {@code .../mcp/fs}). Issuance only
     * ever puts {@link #serves served} resources in {@code aud}, so the prefix rule cannot widen
     * a token beyond the broker's own endpoints.
     */
    public static boolean audienceMatches(String audience, String resource) {
        return resource.equals(audience) || resource.startsWith(audience + "/");
    }
}
