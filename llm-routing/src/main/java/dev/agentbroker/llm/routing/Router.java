package dev.agentbroker.llm.routing;

import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

import dev.agentbroker.llm.LlmException;
import dev.agentbroker.llm.provider.UpstreamCall;

/**
 * The routing table and the attempt loop: tries an alias's deployments in strategy order,
 * skipping open breakers and deployments inside a {@code Retry-After}, falls back on
 * connection errors, timeouts, 5xx and 429, and after each round over the deployments waits
 * an exponential backoff with jitter. Immutable table; live state sits in the deployments.
 * Thread-safe.
 */
public final class Router {
    private static final Logger LOG = Logger.getLogger(Router.class.getName());

    private final Map<String, ModelAlias> aliases;
    private final RetryPolicy retry;
    private final Clock clock;
    private final RandomGenerator random;

    /** One attempt on one deployment: returns once the status is known. */
    @FunctionalInterface
    public interface Attempt {
        UpstreamCall call(Deployment deployment) throws IOException;
    }

    public Router(Map<String, ModelAlias> aliases, RetryPolicy retry, Clock clock, RandomGenerator random) {
        this.aliases = Map.copyOf(aliases);
        this.retry = retry;
        this.clock = clock;
        this.random = random;
    }

    public ModelAlias alias(String name) {
        return name == null ? null : aliases.get(name);
    }

    public Collection<ModelAlias> aliases() {
        return aliases.values();
    }

    /**
     * Runs {@code attempt} until a deployment answers with a 2xx or a caller-fault 4xx.
     *
     * @throws LlmException 504 when the last failure was a timeout, 503 when no deployment was
     *                      available or the last answer was 429/503, 502 otherwise
     */
    public Routed route(ModelAlias alias, Predicate<Deployment> usable, Attempt attempt) {
        Failure last = Failure.NONE;
        int attempts = 0;
        for (int round = 0; attempts < retry.maxAttempts() && round <= 2 * retry.maxAttempts(); round++) {
            List<Deployment> order = alias.order(random).stream().filter(usable).toList();
            if (order.isEmpty()) {
                throw new LlmException(LlmException.Kind.INVALID_REQUEST, "unsupported_endpoint",
                        "model " + alias.name() + " is not served on this endpoint");
            }
            for (Deployment d : order) {
                if (attempts >= retry.maxAttempts() || !d.breaker().tryAcquire(clock.instant())) {
                    continue;
                }
                attempts++;
                Outcome outcome = tryOne(d, attempt, attempts);
                if (outcome.routed() != null) {
                    return outcome.routed();
                }
                last = outcome.failure();
            }
            if (attempts >= retry.maxAttempts() || !waitBeforeRound(order, round)) {
                break;
            }
        }
        throw last.exception(alias.name());
    }

    private Outcome tryOne(Deployment d, Attempt attempt, int attempts) {
        d.enter();
        UpstreamCall call;
        try {
            call = attempt.call(d);
        } catch (HttpConnectTimeoutException e) {
            return failed(d, Failure.CONNECT, null, e);
        } catch (HttpTimeoutException e) {
            return failed(d, Failure.TIMEOUT, null, e);
        } catch (IOException e) {
            return failed(d, Failure.CONNECT, null, e);
        }
        int status = call.status();
        if (status == 429 || status >= 500 || status == 401 || status == 403) {
            Duration after = RetryAfter.parse(call.header("retry-after"), call.header("retry-after-ms"), clock.instant());
            call.close();
            return failed(d, status == 429 || status == 503 ? Failure.OVERLOADED : Failure.BAD_STATUS, after,
                    new IOException("HTTP " + status));
        }
        return new Outcome(new Routed(d, call, attempts), null);
    }

    private Outcome failed(Deployment d, Failure failure, Duration retryAfter, IOException cause) {
        d.leave();
        d.breaker().failure(clock.instant(), retryAfter);
        LOG.log(Level.INFO, () -> "deployment " + d.id() + " failed (" + failure + "): " + cause.getMessage());
        return new Outcome(null, failure);
    }

    /** Sleeps before the next round; false when nothing will be available within the backoff cap. */
    private boolean waitBeforeRound(List<Deployment> order, int round) {
        Instant now = clock.instant();
        Instant soonest = order.stream().map(d -> d.breaker().availableAt()).min(Instant::compareTo).orElse(now);
        Duration untilAvailable = soonest.isAfter(now) ? Duration.between(now, soonest) : Duration.ZERO;
        if (untilAvailable.compareTo(retry.maxBackoff()) > 0) {
            return false;
        }
        Duration backoff = retry.backoff(round, random.nextDouble());
        Duration wait = untilAvailable.compareTo(backoff) > 0 ? untilAvailable : backoff;
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Outcome(Routed routed, Failure failure) {
    }

    /** Why the last attempt failed, mapped to the status the caller gets. */
    private enum Failure {
        NONE, CONNECT, TIMEOUT, OVERLOADED, BAD_STATUS;

        LlmException exception(String model) {
            return switch (this) {
                case TIMEOUT -> new LlmException(LlmException.Kind.TIMEOUT, "upstream_timeout",
                        "no provider of model " + model + " answered in time");
                case NONE, OVERLOADED -> new LlmException(LlmException.Kind.UNAVAILABLE, "upstream_unavailable",
                        "every provider of model " + model + " is unavailable or overloaded; retry later");
                case CONNECT, BAD_STATUS -> new LlmException(LlmException.Kind.UPSTREAM_ERROR, "upstream_error",
                        "no provider of model " + model + " gave a usable answer");
            };
        }
    }
}
