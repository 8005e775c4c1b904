package dev.agentbroker.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.agentbroker.broker.config.BrokerConfig;
import dev.agentbroker.broker.config.ConfigLoader;

class ConfigTemplateTest {
    static final Map<String, String> VALUES = Map.of("PROVIDER_URL", "http://127.0.0.1:1111/v1",
            "MCP_URL", "http://127.0.0.1:2222/mcp", "DATA_DIR", "/tmp/bench-data", "AGENT_ID", "bench-agent",
            "AGENT_SECRET", "env:BENCH_AGENT_SECRET");

    @Test
    void fillsEveryPlaceholder() {
        assertEquals("a: http://x\nb: y", ConfigTemplate.render("a: ${PROVIDER_URL}\nb: ${AGENT_ID}",
                Map.of("PROVIDER_URL", "http://x", "AGENT_ID", "y")));
    }

    @Test
    void aPlaceholderWithoutAValueFailsNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigTemplate.render("token: ${TOKEN_ISSUER}", VALUES));
        assertTrue(e.getMessage().contains("${TOKEN_ISSUER}"), e.getMessage());
    }

    @Test
    void theBenchTemplateIsAValidBrokerConfiguration() throws Exception {
        String template = Files.readString(Path.of("broker.yaml.template"));
        BrokerConfig config = new ConfigLoader().parse("bench/broker.yaml.template", ConfigTemplate.render(template, VALUES));
        assertEquals(0, config.server().port());
        assertEquals("http://127.0.0.1:1111/v1", config.providers().get("standin").baseUrl().toString());
        assertTrue(config.models().aliases().containsKey(LocalStack.MODEL_ALIAS));
    }
}
