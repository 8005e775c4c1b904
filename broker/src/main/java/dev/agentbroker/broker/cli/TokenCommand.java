package dev.agentbroker.broker.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

import dev.agentbroker.broker.config.BrokerConfig;
import dev.agentbroker.broker.config.ServerConfig;

/**
 * {@code bin/broker token --user U --agent A}: prints a task token for agent A acting for
 * development-IdP user U, so a newcomer can call the broker with curl in one step. A thin
 * client of the running broker's {@code POST /dev-idp/task-token}: the broker issues the
 * token with its own keys, its Cedar {@code exchange_token} decision and its durable audit
 * log. The broker is {@code --url}, or else {@code http://server.host:server.port} of the
 * configuration ({@code --config}, {@code --port}).
 */
final class TokenCommand implements Command {
    @Override
    public String name() {
        return "token";
    }

    @Override
    public String synopsis() {
        return "token --user U --agent A [--scope S] [--resource URL] [--url URL]";
    }

    @Override
    public String summary() {
        return "Ask the running broker's development IdP for a task token of a user and an agent (for curl)";
    }

    @Override
    public List<Option> options() {
        return List.of(new Option("user", "U", "a dev-idp.users name, e.g. alice"),
                new Option("agent", "A", "a registered agent id, e.g. research-agent"),
                new Option("scope", "S", "space-separated scopes to ask for (default: all the agent may have)"),
                new Option("resource", "URL", "audience; repeatable (default: the broker's /v1 and /mcp)"),
                new Option("lifetime", "SECONDS", "a shorter lifetime than tokens.lifetime"),
                new Option("url", "URL", "the running broker (default: http://server.host:server.port of the config)"),
                ConfigOptions.CONFIG, ConfigOptions.PORT);
    }

    @Override
    public int run(Arguments arguments, Terminal terminal) {
        String user = arguments.value("user").orElseThrow(() -> new UsageException("--user is required"));
        String agent = arguments.value("agent").orElseThrow(() -> new UsageException("--agent is required"));
        Optional<URI> broker = arguments.value("url").map(TokenCommand::parseUrl)
                .or(() -> ConfigOptions.loadOrReport(arguments, terminal).map(TokenCommand::listenerUrl));
        if (broker.isEmpty()) {
            return Cli.USAGE;
        }
        DevIdpClient.Answer answer = new DevIdpClient(broker.get()).taskToken(form(arguments, user, agent));
        if (answer.token() == null) {
            terminal.err().println("error: " + answer.error());
            return Cli.FAILED;
        }
        terminal.out().println(answer.token());
        return Cli.OK;
    }

    private static String form(Arguments arguments, String user, String agent) {
        StringJoiner form = new StringJoiner("&");
        add(form, "username", user);
        add(form, "agent", agent);
        arguments.value("scope").ifPresent(scope -> add(form, "scope", scope));
        arguments.values("resource").forEach(resource -> add(form, "resource", resource));
        arguments.integer("lifetime", 1, 9_999_999).ifPresent(seconds -> add(form, "lifetime", seconds.toString()));
        return form.toString();
    }

    private static void add(StringJoiner form, String name, String value) {
        form.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    /** Where the broker of {@code config} listens (not {@code server.public-url}: that may be a proxy). */
    static URI listenerUrl(BrokerConfig config) {
        ServerConfig server = config.server();
        String host = server.host().contains(":") ? "[" + server.host() + "]" : server.host();
        return URI.create("http://" + host + ":" + server.port());
    }

    private static URI parseUrl(String text) {
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new UsageException("--url must be the broker's base URL, e.g. http://127.0.0.1:8080");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException("--url is not a URL: " + e.getMessage());
        }
    }
}
