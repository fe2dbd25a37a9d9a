package io.wiretag.pipeline;

import io.wiretag.config.WiretagConfig;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Commits sooner while the pipeline is caught up. Under exactly-once a stage's output is visible downstream
 * only when its transaction commits, every {@code commit.interval.ms}, and a story crosses four such commits:
 * the interval is most of its latency. A short interval costs throughput (more transactions, changelog
 * updates folded over less time), which a backlog needs most.
 * <p>So each sub-topology's sources also feed this processor, which looks at how old each record is (its
 * timestamp is when the story reached {@code news.raw}, kept through every stage). While records are fresh,
 * younger than {@link Settings#freshness}, it asks Kafka Streams for a commit every {@link Settings#interval};
 * once they are older, there is a backlog, and it asks nothing: the stage commits every
 * {@code commit.interval.ms}, in larger transactions, until it has caught up. It forwards nothing.
 */
public final class CommitPace<K, V> implements Processor<K, V, Void, Void> {
    /**
     * @param interval  how often a caught-up stage commits; zero: never sooner than {@code commit.interval.ms}
     * @param freshness records younger than this mean the stage is caught up
     */
    public record Settings(Duration interval, Duration freshness) {
        public static final Settings OFF = new Settings(Duration.ZERO, Duration.ZERO);

        public Settings {
            if (interval.isNegative() || freshness.isNegative()) {
                throw new IllegalArgumentException("commit pace durations cannot be negative");
            }
        }

        public static Settings from(WiretagConfig c) {
            return new Settings(c.getDurationOrZero(WiretagConfig.COMMIT_FAST_INTERVAL), c.getDurationOrZero(WiretagConfig.COMMIT_FAST_FRESHNESS));
        }

        public boolean on() {
            return !interval.isZero() && !freshness.isZero();
        }

        /**
         * Off but under exactly-once: at least once, records are visible as soon as they are sent, and a commit
         * only saves the consumer's position.
         */
        public Settings under(Properties streamsProps) {
            return StreamsConfig.EXACTLY_ONCE_V2.equals(streamsProps.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)) ? this : OFF;
        }
    }

    private final Settings settings;
    private ProcessorContext<Void, Void> context;
    private boolean fresh;

    public CommitPace(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        context.schedule(settings.interval(), PunctuationType.WALL_CLOCK_TIME, now -> {
            if (fresh) {
                fresh = false;
                context.commit();
            }
        });
    }

    @Override
    public void process(Record<K, V> record) {
        if (context.currentSystemTimeMs() - record.timestamp() < settings.freshness().toMillis()) {
            fresh = true;
        }
    }
}
