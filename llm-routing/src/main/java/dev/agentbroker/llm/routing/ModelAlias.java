package dev.agentbroker.llm.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A model name clients use (e.g. {@code gpt-4o}, {@code sandbox}) and the deployments that
 * serve it, ordered per call by the alias's {@link Strategy}. Immutable apart from the
 * deployments' live state.
 */
public record ModelAlias(String name, Strategy strategy, List<Deployment> deployments) {
    public ModelAlias {
        deployments = List.copyOf(deployments);
        if (deployments.isEmpty()) {
            throw new IllegalArgumentException("model alias " + name + " needs at least one deployment");
        }
    }

    /** The deployments in the order to try them for one call. */
    public List<Deployment> order(RandomGenerator random) {
        return switch (strategy) {
            case ORDERED -> deployments;
            case LEAST_BUSY -> deployments.stream().sorted(Comparator.comparingInt(Deployment::inFlight)).toList();
            case WEIGHTED -> weighted(random);
        };
    }

    private List<Deployment> weighted(RandomGenerator random) {
        List<Deployment> pool = new ArrayList<>(deployments);
        List<Deployment> out = new ArrayList<>(pool.size());
        while (!pool.isEmpty()) {
            int total = pool.stream().mapToInt(Deployment::weight).sum();
            int pick = random.nextInt(total);
            for (int i = 0; i < pool.size(); i++) {
                pick -= pool.get(i).weight();
                if (pick < 0) {
                    out.add(pool.remove(i));
                    break;
                }
            }
        }
        return out;
    }
}
