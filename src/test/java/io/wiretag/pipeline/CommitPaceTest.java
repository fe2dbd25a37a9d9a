package io.wiretag.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.config.WiretagConfig;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class CommitPaceTest {
    private static final long NOW = 1_780_000_000_000L;
    private final MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
    private final CommitPace<String, String> pace = new CommitPace<>(new CommitPace.Settings(Duration.ofMillis(20), Duration.ofSeconds(1)));

    CommitPaceTest() {
        context.setCurrentSystemTimeMs(NOW);
        pace.init(context);
    }

    private void tick() {
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(NOW);
    }

    @Test
    void asksForACommitEveryIntervalWhileRecordsAreFresh() {
        MockProcessorContext.CapturedPunctuator p = context.scheduledPunctuators().get(0);
        assertEquals(Duration.ofMillis(20), p.getInterval());
        assertEquals(PunctuationType.WALL_CLOCK_TIME, p.getType());

        pace.process(new Record<>("k", "v", NOW - 300));
        tick();
        assertTrue(context.committed());
    }

    @Test
    void asksNothingWhenNothingCameOrOnlyABacklogOfOldRecords() {
        tick();
        assertFalse(context.committed(), "nothing processed: nothing to commit sooner");

        pace.process(new Record<>("k", "v", NOW - 5_000));
        pace.process(new Record<>("k", "v", NOW - 1_000));
        tick();
        assertFalse(context.committed(), "records a second old or more: a backlog, commit.interval.ms applies");
    }

    @Test
    void oneFreshRecordAsksOnceNotAtEveryTickAfter() {
        pace.process(new Record<>("k", "v", NOW));
        tick();
        assertTrue(context.committed());
        context.resetCommit();
        tick();
        assertFalse(context.committed());
    }

    @Test
    void onUnderExactlyOnceWithDefaultsOffAtLeastOnceOrWhenSetToZero() {
        CommitPace.Settings defaults = CommitPace.Settings.from(WiretagConfig.defaultsOnly());
        assertEquals(new CommitPace.Settings(Duration.ofMillis(20), Duration.ofSeconds(1)), defaults);
        Properties eos = new Properties();
        eos.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        Properties alos = new Properties();
        alos.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        assertTrue(defaults.under(eos).on());
        assertFalse(defaults.under(alos).on());
        for (String off : new String[] {"0", "0ms", "off"}) {
            assertFalse(CommitPace.Settings.from(WiretagConfig.defaultsOnly().with(WiretagConfig.COMMIT_FAST_INTERVAL, off)).under(eos).on(), off);
        }
    }

    @Test
    void anIdleStreamThreadPollsNoLongerThanTheFastIntervalUnderExactlyOnce() {
        Properties eos = StreamsSettings.properties(WiretagConfig.defaultsOnly(), "localhost:9092");
        assertEquals("20", eos.getProperty(StreamsConfig.POLL_MS_CONFIG));
        Properties alos = StreamsSettings.properties(WiretagConfig.defaultsOnly()
                .with(WiretagConfig.PROCESSING_GUARANTEE, StreamsConfig.AT_LEAST_ONCE), "localhost:9092");
        assertEquals(null, alos.getProperty(StreamsConfig.POLL_MS_CONFIG), "Kafka's default, 100 ms");
        Properties set = StreamsSettings.properties(WiretagConfig.defaultsOnly().with("kafka.poll.ms", "50"), "localhost:9092");
        assertEquals("50", set.getProperty(StreamsConfig.POLL_MS_CONFIG), "a user's own setting stays");
    }
}
