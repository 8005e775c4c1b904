package dev.agentbroker.broker.cli;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import dev.agentbroker.broker.audit.LogOnlyAuditSink;
import dev.agentbroker.broker.config.BrokerConfig;
import dev.agentbroker.broker.token.AgentRegistry;
import dev.agentbroker.broker.token.BrokerUrls;
import dev.agentbroker.broker.token.ExchangeGate;
import dev.agentbroker.broker.token.ExchangeParams;
import dev.agentbroker.broker.token.OAuthException;
import dev.agentbroker.broker.token.TokenService;
import dev.agentbroker.broker.token.TokensFeature;

/**
 * {@code bin/broker token --user U --agent A}: prints a task token for agent A acting for
 * development-IdP user U, so a newcomer can call the broker with curl in one step. It runs
 * the same exchange as {@code /oauth2/token} in-process, without a running broker: the keys
 * are in the data dir, and the issuer is the configured base URL, so a broker started from
 * the same configuration and data dir accepts the token.
 */
final class TokenCommand implements Command {
    @Override
    public String name() {
        return "token";
    }

    @Override
    public String synopsis() {
        return "token --user U --agent A [--scope S] [--resource URL]";
    }

    @Override
    public String summary() {
        return "Print a task token for a development-IdP user and an agent (for curl)";
    }

    @Override
    public List<Option> options() {
        return List.of(new Option("user", "U", "a dev-idp.users name, e.g. alice"),
                new Option("agent", "A", "a registered agent id, e.g. research-agent"),
                new Option("scope", "S", "space-separated scopes to ask for (default: all the agent may have)"),
                new Option("resource", "URL", "audience; repeatable (default: the broker's /v1 and /mcp)"),
                ConfigOptions.CONFIG, ConfigOptions.PORT, ConfigOptions.DATA_DIR);
    }

    @Override
    public int run(Arguments arguments, Terminal terminal) {
        String user = arguments.value("user").orElseThrow(() -> new UsageException("--user is required"));
        String agentId = arguments.value("agent").orElseThrow(() -> new UsageException("--agent is required"));
        Optional<BrokerConfig> loaded = ConfigOptions.loadOrReport(arguments, terminal);
        if (loaded.isEmpty()) {
            return Cli.USAGE;
        }
        BrokerConfig config = loaded.get();
        try {
            terminal.out().println(issue(config, user, agentId, arguments.value("scope").orElse(null),
                    arguments.values("resource"), terminal));
            return Cli.OK;
        } catch (OAuthException e) {
            terminal.err().println("error: " + e.error() + ": " + e.getMessage());
            return Cli.FAILED;
        }
    }

    private static String issue(BrokerConfig config, String user, String agentId, String scope, List<String> resources,
                                Terminal terminal) {
        URI base = config.server().publicUrl().orElseGet(() ->
                URI.create("http://" + config.server().host() + ":" + config.server().port()));
        TokensFeature tokens = TokensFeature.create(config.identity(), config.dataDir().toAbsolutePath().normalize(),
                new BrokerUrls(() -> base, config.identity().tokens().issuer()), new LogOnlyAuditSink(),
                ExchangeGate.CEILINGS_ONLY, terminal.environment(), Clock.systemUTC());
        TokenService service = tokens.service();
        AgentRegistry.Agent agent = service.agents().find(agentId)
                .orElseThrow(() -> OAuthException.invalidRequest("unknown agent \"" + agentId + "\" (agents[].id)"));
        String userToken = tokens.devIdp().issue(user);
        String actorToken = service.clientCredentials(agent, null, List.of(), Optional.empty()).token();
        return service.exchange(agent, new ExchangeParams(userToken, ExchangeParams.JWT, actorToken,
                ExchangeParams.ACCESS_TOKEN, scope, resources, Optional.empty())).token();
    }
}
