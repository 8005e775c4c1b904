package dev.agentbroker.broker.token;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The task token's JWT form (RFC 9068 {@code at+jwt}, ES256): {@code iss sub aud exp iat nbf
 * jti client_id scope}, {@code task_id}, {@code trace_root}, {@code groups}, the nested
 * {@code act} chain of RFC 8693 §4.1 (outermost = current actor), {@code parent_jti} and
 * {@code lineage}. Stateless.
 */
final class TaskTokenCodec {
    static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");
    static final int MAX_ACT_DEPTH = 16;

    private TaskTokenCodec() {
    }

    static String sign(TaskClaims claims, String issuer, ECKey key) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE).keyID(key.getKeyID()).build();
        SignedJWT jwt = new SignedJWT(header, toClaims(claims, issuer));
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a task token", e);
        }
        return jwt.serialize();
    }

    static JWTClaimsSet toClaims(TaskClaims claims, String issuer) {
        VerifiedToken t = claims.token();
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(issuer).subject(t.subject()).audience(t.audience())
                .expirationTime(Date.from(t.expiresAt())).issueTime(Date.from(t.issuedAt()))
                .notBeforeTime(Date.from(t.issuedAt())).jwtID(t.tokenId())
                .claim("client_id", t.clientId()).claim("scope", ScopeSet.of(t.scopes()).toString())
                .claim("task_id", t.taskId()).claim("trace_root", t.traceRoot());
        if (!t.groups().isEmpty()) {
            b.claim("groups", t.groups());
        }
        if (!t.actorChain().isEmpty()) {
            b.claim("act", act(t.actorChain()));
        }
        if (t.parentTokenId() != null) {
            b.claim("parent_jti", t.parentTokenId()).claim("lineage", claims.lineage());
        }
        return b.build();
    }

    /** {@code [a, b, c]} becomes {@code {sub: c, act: {sub: b, act: {sub: a}}}}. */
    static Map<String, Object> act(List<String> chain) {
        Map<String, Object> inner = null;
        for (String actor : chain) {
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("sub", actor);
            if (inner != null) {
                level.put("act", inner);
            }
            inner = level;
        }
        return inner;
    }

    static TaskClaims fromClaims(JWTClaimsSet c) throws ParseException {
        String parent = c.getStringClaim("parent_jti");
        List<String> lineage = c.getStringListClaim("lineage");
        VerifiedToken token = new VerifiedToken(required(c.getJWTID(), "jti"), required(c.getSubject(), "sub"),
                list(c.getStringListClaim("groups")), required(c.getStringClaim("client_id"), "client_id"),
                chain(c.getJSONObjectClaim("act")), required(c.getStringClaim("task_id"), "task_id"),
                required(c.getStringClaim("trace_root"), "trace_root"),
                ScopeSet.parse(c.getStringClaim("scope")).values(), c.getAudience(),
                required(c.getIssueTime(), "iat").toInstant(), required(c.getExpirationTime(), "exp").toInstant(), parent);
        if (parent != null && (lineage == null || lineage.isEmpty() || !parent.equals(lineage.get(lineage.size() - 1)))) {
            throw new ParseException("lineage does not end with parent_jti", 0);
        }
        return new TaskClaims(token, list(lineage));
    }

    @SuppressWarnings("unchecked")
    static List<String> chain(Map<String, Object> act) throws ParseException {
        List<String> reversed = new ArrayList<>();
        Object level = act;
        while (level != null) {
            if (!(level instanceof Map<?, ?> map) || !(map.get("sub") instanceof String sub)) {
                throw new ParseException("act must be an object with a string sub", 0);
            }
            if (reversed.size() == MAX_ACT_DEPTH) {
                throw new ParseException("act is nested too deeply", 0);
            }
            reversed.add(sub);
            level = ((Map<String, Object>) map).get("act");
        }
        Collections.reverse(reversed);
        return reversed;
    }

    private static <T> T required(T value, String claim) throws ParseException {
        if (value == null) {
            throw new ParseException("missing claim " + claim, 0);
        }
        return value;
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }
}
