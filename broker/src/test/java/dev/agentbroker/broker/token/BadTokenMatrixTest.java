package dev.agentbroker.broker.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance 4 of issue 3: every class of bad token of security.md, presented at a protected
 * endpoint of a running broker ({@code GET /v1/models}), gets 401 with
 * {@code WWW-Authenticate: Bearer error="invalid_token"} and a short reason; none a 5xx.
 */
class BadTokenMatrixTest {
    @org.junit.jupiter.api.io.TempDir
    static Path dataDir;
    static BrokerFixture f;
    static ECKey key;
    static JWTClaimsSet good;
    static String goodToken;

    @BeforeAll
    static void start() throws Exception {
        f = new BrokerFixture(dataDir, "");
        key = f.broker.tokens().keys().current();
        TokenService service = f.broker.tokens().service();
        goodToken = service.clientCredentials(service.agents().find("research-agent").orElseThrow(), "mcp:fs", List.of(),
                java.util.Optional.empty()).token();
        good = SignedJWT.parse(goodToken).getJWTClaimsSet();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void theGoodTokenIsAccepted() throws Exception {
        assertEquals(200, f.models(goodToken).statusCode());
    }

    record Bad(String name, String token, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Bad> badTokens() throws Exception {
        List<Bad> bad = new ArrayList<>();
        String iss = f.base().toString();
        long now = System.currentTimeMillis();
        bad.add(new Bad("missing", null, "missing task token"));
        bad.add(new Bad("garbage", "abc", "malformed token"));
        bad.add(new Bad("two parts", "abc.def", "malformed token"));
        bad.add(new Bad("encrypted (JWE form)", "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d", "encrypted tokens"));
        bad.add(new Bad("alg none", new PlainJWT(good).serialize(), "unsigned token"));
        bad.add(new Bad("alg none with signature part", new PlainJWT(good).serialize() + "c2ln", "token"));
        bad.add(new Bad("HS256 keyed with the public key", signed(header(JWSAlgorithm.HS256).build(), good,
                new MACSigner(key.toPublicJWK().toECPublicKey().getEncoded())), "algorithm HS256 refused"));
        bad.add(new Bad("ES384 header", swapHeader(goodToken, "{\"alg\":\"ES384\",\"typ\":\"at+jwt\",\"kid\":\""
                + key.getKeyID() + "\"}"), "algorithm ES384 refused"));
        ECKey attacker = new ECKeyGenerator(Curve.P_256).keyID(key.getKeyID()).generate();
        bad.add(new Bad("embedded jwk", signed(header(JWSAlgorithm.ES256).jwk(attacker.toPublicJWK()).build(), good,
                new ECDSASigner(attacker)), "embedded key"));
        bad.add(new Bad("jku", signed(header(JWSAlgorithm.ES256).jwkURL(URI.create("http://127.0.0.1:1/jwks")).build(),
                good, new ECDSASigner(key)), "key URL"));
        bad.add(new Bad("x5u", signed(header(JWSAlgorithm.ES256).x509CertURL(URI.create("http://127.0.0.1:1/c")).build(),
                good, new ECDSASigner(key)), "key URL"));
        bad.add(new Bad("x5c", signed(header(JWSAlgorithm.ES256).x509CertChain(List.of(
                com.nimbusds.jose.util.Base64.encode("not a cert"))).build(), good, new ECDSASigner(key)), "token"));
        bad.add(new Bad("unknown crit", signed(header(JWSAlgorithm.ES256).criticalParams(Set.of("urn:x:must"))
                .customParam("urn:x:must", true).build(), good, new ECDSASigner(key)), "critical"));
        bad.add(new Bad("wrong typ", signed(header(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).build(), good,
                new ECDSASigner(key)), "wrong token type"));
        bad.add(new Bad("no typ", signed(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), good,
                new ECDSASigner(key)), "wrong token type"));
        bad.add(new Bad("no kid", signed(new JWSHeader.Builder(JWSAlgorithm.ES256).type(TaskTokenCodec.TYPE).build(),
                good, new ECDSASigner(key)), "unknown signing key"));
        bad.add(new Bad("unknown kid", signed(header(JWSAlgorithm.ES256).keyID("other").build(), good,
                new ECDSASigner(key)), "unknown signing key"));
        bad.add(new Bad("other key, same kid", signed(header(JWSAlgorithm.ES256).build(), good,
                new ECDSASigner(attacker)), "bad signature"));
        bad.add(new Bad("tampered payload", tamper(goodToken), "bad signature"));
        bad.add(new Bad("wrong issuer", sign(c -> c.issuer("http://127.0.0.1:1")), "wrong issuer"));
        bad.add(new Bad("wrong audience", sign(c -> c.audience(iss + "/mcp")), "not for this resource"));
        bad.add(new Bad("foreign audience", sign(c -> c.audience("http://evil.example/v1")), "not for this resource"));
        bad.add(new Bad("audience prefix without boundary", sign(c -> c.audience(iss + "/v")), "not for this resource"));
        bad.add(new Bad("expired beyond skew", sign(c -> c.expirationTime(new Date(now - 61_000))), "token expired"));
        bad.add(new Bad("issued in the future", sign(c -> c.issueTime(new Date(now + 600_000))
                .notBeforeTime(new Date(now + 600_000))), "not yet valid"));
        bad.add(new Bad("missing exp", sign(c -> c.expirationTime(null)), "malformed claims"));
        bad.add(new Bad("missing jti", sign(c -> c.jwtID(null)), "malformed claims"));
        bad.add(new Bad("missing task_id", sign(c -> c.claim("task_id", null)), "malformed claims"));
        bad.add(new Bad("unregistered client", sign(c -> c.claim("client_id", "ghost-agent")), "not enabled"));
        bad.add(new Bad("disabled agent", sign(c -> c.claim("client_id", "deeper-agent")), "not enabled"));
        bad.add(new Bad("unregistered actor in act", sign(c -> c.claim("act", Map.of("sub", "ghost-agent"))),
                "not enabled"));
        bad.add(new Bad("act nested too deeply", sign(c -> c.claim("act", deepAct(20))), "malformed claims"));
        bad.add(new Bad("act of wrong type", sign(c -> c.claim("act", "research-agent")), "malformed claims"));
        bad.add(new Bad("oversized", sign(c -> c.claim("pad", "x".repeat(9000))), "token too large"));
        bad.add(new Bad("revoked", revoked(), "token revoked"));
        bad.add(new Bad("dev-idp user token", f.broker.tokens().devIdp().issue("alice"), "wrong token type"));
        return bad;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void isRefusedWith401AndAReason(Bad bad) throws Exception {
        HttpResponse<String> response = f.models(bad.token());
        assertEquals(401, response.statusCode(), bad.name() + ": " + response.body());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Bearer error=\"invalid_token\""), challenge);
        assertTrue(challenge.contains(bad.reason()), bad.name() + ": " + challenge);
    }

    private static JWSHeader.Builder header(JWSAlgorithm alg) {
        return new JWSHeader.Builder(alg).type(TaskTokenCodec.TYPE).keyID(key.getKeyID());
    }

    private static String signed(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static String sign(UnaryOperator<JWTClaimsSet.Builder> change) throws JOSEException {
        return signed(header(JWSAlgorithm.ES256).build(), change.apply(new JWTClaimsSet.Builder(good)).build(),
                new ECDSASigner(key));
    }

    private static String swapHeader(String token, String headerJson) {
        return Base64URL.encode(headerJson) + token.substring(token.indexOf('.'));
    }

    private static String tamper(String token) throws Exception {
        String[] parts = token.split("\\.");
        String payload = good.toString().replace("mcp:fs", "mcp:*");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
    }

    private static Map<String, Object> deepAct(int depth) {
        Map<String, Object> act = new LinkedHashMap<>(Map.of("sub", "research-agent"));
        for (int i = 1; i < depth; i++) {
            act = new LinkedHashMap<>(Map.of("sub", "research-agent", "act", act));
        }
        return act;
    }

    private static String revoked() {
        TokenService service = f.broker.tokens().service();
        AgentRegistry.Agent agent = service.agents().find("research-agent").orElseThrow();
        String token = service.clientCredentials(agent, "mcp:fs", List.of(), java.util.Optional.empty()).token();
        service.revoke(agent, token);
        return token;
    }
}
