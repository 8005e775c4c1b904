package dev.agentbroker.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import dev.agentbroker.broker.config.BrokerConfig;
import dev.agentbroker.broker.config.ConfigLoader;

/** Start-up cost of reading and validating the embedded quickstart configuration. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ConfigParseBench {
    private final ConfigLoader loader = new ConfigLoader();

    @Benchmark
    public BrokerConfig loadEmbeddedQuickstart() {
        return loader.loadEmbedded();
    }
}
