package dev.agentbroker.broker.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.agentbroker.broker.config.ConfigException;
import dev.agentbroker.broker.config.ConfigLoader;

/** The identity sections fail start-up naming the key that is wrong. */
class IdentityConfigTest {
    static IdentityConfig parse(String yaml) {
        return new ConfigLoader().parse("test", "server:\n  port: 0\n" + yaml).identity();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "duplicate id | agents: [{id: a, secret: 'env:S'}, {id: a, secret: 'env:S'}] | agents[1].id",
        "unknown delegate | agents: [{id: a, secret: 'env:S', may-delegate-to: [b]}] | agents[0].may-delegate-to",
        "secret and hash | agents: [{id: a, secret: 'env:S', secret-hash: 'sha256:00'}] | agents[0].secret",
        "no credential | agents: [{id: a}] | agents[0].secret",
        "bad hash | agents: [{id: a, secret-hash: 'md5:00'}] | agents[0].secret-hash",
        "literal secret | agents: [{id: a, secret: hunter2}] | agents[0].secret",
        "jwt without jwks | agents: [{id: a, auth: private-key-jwt}] | agents[0].jwks",
        "bad scope | agents: [{id: a, secret: 'env:S', scopes: [tools:all]}] | agents[0].scopes",
        "bad auth | agents: [{id: a, secret: 'env:S', auth: password}] | agents[0].auth",
        "typo | agents: [{id: a, secret: 'env:S', scope: [mcp:fs]}] | agents[0].scope",
        "issuer without keys | issuers: [{issuer: 'https://idp'}] | issuers[0].jwks-url",
        "lifetime over max | tokens: {lifetime: 20m, max-lifetime: 15m} | tokens.lifetime",
        "skew over 60s | tokens: {clock-skew: 2m} | tokens.clock-skew",
        "literal keys | tokens: {keys: '{\"keys\":[]}'} | tokens.keys",
    })
    void namesTheKey(String name, String yaml, String path) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml));
        assertTrue(e.getMessage().startsWith(path + ":"), e.getMessage());
    }

    @Test
    void devIdpOnlyOnLoopback() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader().parse("test",
                "server:\n  host: 0.0.0.0\n  port: 0\ndev-idp:\n  enabled: true\n"));
        assertTrue(e.getMessage().startsWith("dev-idp.enabled:"), e.getMessage());
    }

    @Test
    void defaultsAreShortLivedAndEmpty() {
        IdentityConfig c = parse("");
        assertEquals(Duration.ofMinutes(5), c.tokens().lifetime());
        assertEquals(Duration.ofSeconds(60), c.tokens().clockSkew());
        assertTrue(c.agents().isEmpty());
        assertTrue(!c.devIdp().enabled());
    }
}
