package dev.agentbroker.broker.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.agentbroker.broker.config.BrokerConfig;
import dev.agentbroker.broker.config.ConfigException;
import dev.agentbroker.broker.config.ConfigLoader;

/** The {@code audit} section: defaults under the data directory, values, and errors naming the key. */
class AuditConfigTest {
    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void defaultsFollowTheDataDirectory() {
        BrokerConfig config = loader.parse("test", "server:\n  port: 0\ndata-dir: /srv/broker\n");
        assertEquals(Path.of("/srv/broker/audit"), config.audit().directoryUnder(config.dataDir()));
        assertEquals(Path.of("/srv/broker/audit-keys"), config.audit().keyDirectoryUnder(config.dataDir()));
        assertEquals(Duration.ofSeconds(1), config.audit().checkpointInterval());
        assertEquals(10_000 + 1024, config.audit().maxGap());
    }

    @Test
    void readsEveryKey() {
        AuditConfig a = loader.parse("test", """
                server:
                  port: 0
                audit:
                  directory: /logs/audit
                  checkpoint-interval: 250ms
                  checkpoint-records: 500
                  roll-size: 1048576
                  batch-max-records: 64
                """).audit();
        assertEquals(Path.of("/logs/audit"), a.directoryUnder(Path.of("/ignored")));
        assertEquals(Duration.ofMillis(250), a.checkpointInterval());
        assertEquals(564, a.maxGap());
        assertEquals(1048576, a.rollSize());
    }

    @Test
    void badValuesAndUnknownKeysNameTheirPath() {
        ConfigException zero = assertThrows(ConfigException.class,
                () -> loader.parse("test", "server:\n  port: 0\naudit:\n  checkpoint-records: 0\n"));
        assertEquals("audit.checkpoint-records: must be between 1 and 10000000, got 0", zero.getMessage());
        ConfigException typo = assertThrows(ConfigException.class,
                () -> loader.parse("test", "server:\n  port: 0\naudit:\n  rol-size: 1048576\n"));
        assertEquals(true, typo.getMessage().startsWith("audit.rol-size: unknown key"), typo.getMessage());
        assertEquals(true, typo.getMessage().endsWith("did you mean 'roll-size'?"), typo.getMessage());
    }
}
