package dev.agentbroker.broker.token;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import dev.agentbroker.broker.audit.RecordingAudit;
import dev.agentbroker.broker.config.ConfigLoader;

/**
 * The token service in-process (no HTTP) with the quickstart identities, a data dir, a
 * recording audit sink and a clock the test moves.
 */
final class TokenFixture {
    static final URI BASE = URI.create("http://127.0.0.1:8080");
    static final String V1 = BASE + "/v1";
    static final String MCP = BASE + "/mcp";

    final RecordingAudit audit = new RecordingAudit();
    final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));
    final TokensFeature tokens;
    final TokenService service;

    TokenFixture(Path dataDir, ExchangeGate gate) {
        this(dataDir, gate, new ConfigLoader().loadEmbedded().identity());
    }

    TokenFixture(Path dataDir, ExchangeGate gate, IdentityConfig identity) {
        tokens = TokensFeature.create(identity, dataDir, BrokerUrls.fixed(BASE), audit, gate, Map.of(), clock);
        service = tokens.service();
    }

    AgentRegistry.Agent agent(String id) {
        return service.agents().find(id).orElseThrow();
    }

    String userToken(String user) {
        return tokens.devIdp().issue(user);
    }

    String actorToken(String agent) {
        return service.clientCredentials(agent(agent), null, List.of(), Optional.empty()).token();
    }

    /** {@code agent} (with its own actor token) exchanges a parent task token: a sub-agent hop. */
    TokenService.Issued hop(String agent, String parent, String scope, List<String> resources,
                            Optional<Duration> lifetime) {
        return service.exchange(agent(agent), new ExchangeParams(parent, ExchangeParams.ACCESS_TOKEN, actorToken(agent),
                ExchangeParams.ACCESS_TOKEN, scope, resources, lifetime));
    }

    TokenService.Issued hop(String agent, String parent, String scope) {
        return hop(agent, parent, scope, List.of(), Optional.empty());
    }

    /** {@code agent} acts for dev-IdP user {@code user}: the first hop. */
    TokenService.Issued forUser(String agent, String user, String scope) {
        return service.exchange(agent(agent), new ExchangeParams(userToken(user), ExchangeParams.JWT, actorToken(agent),
                ExchangeParams.ACCESS_TOKEN, scope, List.of(), Optional.empty()));
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void set(Instant instant) {
            now.set(instant);
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
