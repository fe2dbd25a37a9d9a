package io.wiretag.serve;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Whether this instance does its work, for {@code GET /health/ready}: the cluster answers, and Kafka Streams
 * is RUNNING, or REBALANCING after having run, for no longer than a grace (a rebalance is routine; one that
 * does not end is not). Kafka Streams stays RUNNING while the brokers are gone, so the cluster is asked too.
 */
public final class Readiness {
    /** What a probe found; {@code reason} says why not, in words an operator can act on. */
    public record Verdict(boolean ready, String streams, String reason) {
    }

    private final Supplier<KafkaStreams.State> state;
    private final Supplier<Optional<String>> clusterProblem;
    private final Duration rebalanceGrace;
    private final Clock clock;
    private boolean ranBefore;
    private Instant rebalancingSince;

    /** {@code clusterProblem} answers empty while the cluster is reachable, else why it is not. */
    public Readiness(Supplier<KafkaStreams.State> state, Supplier<Optional<String>> clusterProblem, Duration rebalanceGrace, Clock clock) {
        this.state = state;
        this.clusterProblem = clusterProblem;
        this.rebalanceGrace = rebalanceGrace;
        this.clock = clock;
    }

    public synchronized Verdict check() {
        KafkaStreams.State s = state.get();
        Instant now = clock.instant();
        if (s == KafkaStreams.State.RUNNING) {
            ranBefore = true;
        }
        rebalancingSince = s == KafkaStreams.State.REBALANCING ? (rebalancingSince == null ? now : rebalancingSince) : null;
        String streams = String.valueOf(s);
        Optional<String> cluster = clusterProblem.get();
        if (cluster.isPresent()) {
            return new Verdict(false, streams, cluster.get());
        }
        if (s == KafkaStreams.State.RUNNING) {
            return new Verdict(true, streams, null);
        }
        if (s == KafkaStreams.State.REBALANCING) {
            if (!ranBefore) {
                return new Verdict(false, streams, "Kafka Streams is starting: rebalancing, no partition processed yet");
            }
            Duration took = Duration.between(rebalancingSince, now);
            if (took.compareTo(rebalanceGrace) <= 0) {
                return new Verdict(true, streams, null);
            }
            return new Verdict(false, streams, "Kafka Streams has been rebalancing for " + took.toSeconds() + " s, longer than "
                    + rebalanceGrace.toSeconds() + " s (wiretag.health.rebalance-grace)");
        }
        return new Verdict(false, streams, "Kafka Streams is " + streams + ", not processing");
    }

    /**
     * A cluster probe for {@link Readiness}: asks for the cluster id with a short timeout, and remembers the
     * answer for {@code cacheFor}, so a probe every second costs one request every few seconds.
     */
    public static Supplier<Optional<String>> clusterProbe(Admin admin, String where, Duration timeout, Duration cacheFor, Clock clock) {
        return new Supplier<>() {
            private Instant checkedAt;
            private Optional<String> last = Optional.empty();

            @Override
            public synchronized Optional<String> get() {
                Instant now = clock.instant();
                if (checkedAt != null && Duration.between(checkedAt, now).compareTo(cacheFor) < 0) {
                    return last;
                }
                last = ask();
                checkedAt = clock.instant();
                return last;
            }

            private Optional<String> ask() {
                try {
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                            .clusterId().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
                    return Optional.empty();
                } catch (ExecutionException e) {
                    return Optional.of("cannot reach the Kafka cluster at " + where + ": " + e.getCause().getMessage());
                } catch (TimeoutException e) {
                    return Optional.of("cannot reach the Kafka cluster at " + where + ": no answer within " + timeout.toMillis() + " ms");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.of("interrupted while asking the Kafka cluster at " + where);
                }
            }
        };
    }
}
