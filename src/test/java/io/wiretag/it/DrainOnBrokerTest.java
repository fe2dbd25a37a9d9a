package io.wiretag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.kafka.Drain;
import io.wiretag.kafka.EmbeddedBroker;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link Drain#lag} says of a group on a real broker, with transactions (whose markers take offsets but
 * are not records): committed records counted one by one where a partition is a little behind, a partition
 * far behind counted by its offsets without reading it all, and markers or an aborted transaction left at
 * the end never holding a drain up.
 */
class DrainOnBrokerTest {
    private static final String TOPIC = "drain-in";
    private static final TopicPartition FAR = new TopicPartition(TOPIC, 0);
    private static final TopicPartition NEAR = new TopicPartition(TOPIC, 1);

    @TempDir
    static Path dir;

    static EmbeddedBroker broker;
    static Map<String, Object> clients;
    static Admin admin;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedBroker.start(dir.resolve("broker"), 0);
        clients = Map.of("bootstrap.servers", broker.bootstrapServers());
        admin = Admin.create(clients);
        admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get();
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "drain-test"), new StringSerializer(), new StringSerializer())) {
            p.initTransactions();
            // 2,500 committed records on the far partition in 25 transactions (25 markers); 10 on the near one.
            for (int t = 0; t < 25; t++) {
                p.beginTransaction();
                for (int i = 0; i < 100; i++) {
                    p.send(new ProducerRecord<>(TOPIC, 0, "k", "far " + t + "/" + i));
                }
                p.commitTransaction();
            }
            p.beginTransaction();
            for (int i = 0; i < 10; i++) {
                p.send(new ProducerRecord<>(TOPIC, 1, "k", "near " + i));
            }
            p.commitTransaction();
            // Then an aborted transaction on the near partition: 5 records no read_committed reader sees.
            p.beginTransaction();
            for (int i = 0; i < 5; i++) {
                p.send(new ProducerRecord<>(TOPIC, 1, "k", "aborted " + i));
            }
            p.abortTransaction();
        }
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static void commit(String group, long far, long near) throws Exception {
        admin.alterConsumerGroupOffsets(group, Map.of(FAR, new OffsetAndMetadata(far), NEAR, new OffsetAndMetadata(near))).all().get();
    }

    @Test
    void aGroupThatReadNothingIsBehindByTheFarPartitionsOffsetsAndTheNearOnesRecords() throws Exception {
        commit("from-the-start", 0, 0);
        Drain.Lag lag = Drain.lag(admin, clients, "from-the-start", List.of(TOPIC));
        // Far: 2,500 records and 25 markers, more than are counted one by one, so its offsets. Near: its 10
        // committed records, counted; neither its marker nor the aborted transaction's 5 records and marker.
        assertEquals(2_525 + 10, lag.total(), lag.toString());
        assertFalse(lag.idle());
    }

    @Test
    void aGroupPastEveryCommittedRecordIsIdleThoughMarkersAndAnAbortedTransactionFollow() throws Exception {
        // The far partition read to its last record (offset 2,523, before the last marker at 2,524); the near
        // one to its last committed record (offset 9), before its marker and the aborted records.
        commit("read-all", 2_524, 10);
        Drain.Lag lag = Drain.lag(admin, clients, "read-all", List.of(TOPIC));
        assertEquals(0, lag.total(), lag.toString());
        assertTrue(lag.idle(), lag.toString());
    }

    @Test
    void aGroupAFewRecordsBehindIsCountedRecordByRecord() throws Exception {
        // 7 committed records left on the far partition (and the marker after them); all of the near one.
        commit("nearly", 2_517, 0);
        Drain.Lag lag = Drain.lag(admin, clients, "nearly", List.of(TOPIC));
        assertEquals(7 + 10, lag.total(), lag.toString());
    }
}
