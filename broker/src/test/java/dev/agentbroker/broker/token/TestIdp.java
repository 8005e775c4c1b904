package dev.agentbroker.broker.token;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * An external OIDC identity provider for tests: an RS256 key whose JWKS is served on a real
 * loopback socket ({@code /jwks.json}), and user tokens it signs.
 */
final class TestIdp implements AutoCloseable {
    static final String AUDIENCE = "agent-broker";

    private final RSAKey key;
    private final HttpServer server;

    TestIdp() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID("idp-" + UUID.randomUUID()).generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The {@code issuers} entry trusting this IdP. */
    String yaml() {
        return "issuers:\n  - issuer: " + issuer() + "\n    jwks-url: " + issuer() + "/jwks.json\n    audience: " + AUDIENCE
                + "\n    scopes: [model:*, mcp:fs, mcp:notes]\n";
    }

    String userToken(String user, List<String> groups) throws JOSEException {
        long now = System.currentTimeMillis();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer()).subject(user).audience(AUDIENCE)
                .issueTime(new Date(now)).expirationTime(new Date(now + 3_600_000)).jwtID(UUID.randomUUID().toString())
                .claim("groups", groups).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
