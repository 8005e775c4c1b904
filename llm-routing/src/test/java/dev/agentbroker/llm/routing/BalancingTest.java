package dev.agentbroker.llm.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.agentbroker.llm.provider.Provider;
import dev.agentbroker.llm.provider.ProviderKind;
import dev.agentbroker.llm.provider.ProviderSpec;
import dev.agentbroker.llm.provider.Timeouts;
import dev.agentbroker.llm.provider.UpstreamCall;
import dev.agentbroker.llm.provider.UpstreamRequest;

class BalancingTest {
    static Deployment deployment(String name, int weight) {
        ProviderSpec spec = new ProviderSpec(name, ProviderKind.OPENAI_COMPATIBLE, URI.create("http://127.0.0.1:1"), null, null);
        Provider provider = new Provider() {
            @Override
            public ProviderSpec spec() {
                return spec;
            }

            @Override
            public UpstreamCall send(UpstreamRequest request) {
                throw new UnsupportedOperationException("not sent in this test");
            }
        };
        return new Deployment(provider, "m", weight, Timeouts.DEFAULT, BreakerSettings.DEFAULT);
    }

    @Test
    void orderedKeepsConfigurationOrder() {
        Deployment a = deployment("a", 1);
        Deployment b = deployment("b", 1);
        assertEquals(List.of(a, b), new ModelAlias("m", Strategy.ORDERED, List.of(a, b)).order(new Random(1)));
    }

    @Test
    void weightedPicksFirstInProportionToWeight() {
        Deployment heavy = deployment("heavy", 3);
        Deployment light = deployment("light", 1);
        ModelAlias alias = new ModelAlias("m", Strategy.WEIGHTED, List.of(light, heavy));
        Map<Deployment, Integer> firsts = new HashMap<>();
        Random random = new Random(42);
        for (int i = 0; i < 4000; i++) {
            List<Deployment> order = alias.order(random);
            assertEquals(2, order.size());
            firsts.merge(order.getFirst(), 1, Integer::sum);
        }
        double share = firsts.get(heavy) / 4000.0;
        assertTrue(share > 0.72 && share < 0.78, "heavy first in " + share);
    }

    @Test
    void leastBusyPrefersTheDeploymentWithFewestCallsInFlight() {
        Deployment a = deployment("a", 1);
        Deployment b = deployment("b", 1);
        ModelAlias alias = new ModelAlias("m", Strategy.LEAST_BUSY, List.of(a, b));
        a.enter();
        assertEquals(List.of(b, a), alias.order(new Random(1)));
        b.enter();
        b.enter();
        assertEquals(List.of(a, b), alias.order(new Random(1)));
        a.leave();
        b.leave();
        b.leave();
        assertEquals(List.of(a, b), alias.order(new Random(1)));
    }
}
