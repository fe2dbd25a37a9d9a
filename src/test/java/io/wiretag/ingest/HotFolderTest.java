package io.wiretag.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.kafka.EmbeddedBroker;
import io.wiretag.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hot folder against a real broker: exactly once on {@code news.raw}, moved after the ack, crash-safe. */
class HotFolderTest {
    private static final AtomicInteger TOPICS = new AtomicInteger();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path tmp;
    static EmbeddedBroker broker;
    static RawSender sender;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(tmp.resolve("broker"), 0);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    /** Each test its own topic and sender, so counts are this test's alone. */
    private static RawSender newSender(String topic) throws Exception {
        RawTopic.create(broker, topic, 2);
        return new RawSender(Map.of("bootstrap.servers", broker.bootstrapServers()), topic);
    }

    private static HotFolder.Settings fast(long maxBytes) {
        return new HotFolder.Settings(maxBytes, Duration.ofMillis(150), Duration.ofMillis(100), "ap", null);
    }

    /** Runs a watcher on its own thread until closed. */
    private static HotFolder watch(Path dir, RawSender sender, HotFolder.Settings settings, List<String> lines) throws Exception {
        HotFolder folder = new HotFolder(dir, sender, settings, lines::add);
        Thread t = new Thread(() -> {
            try {
                folder.run();
            } catch (Exception e) {
                lines.add("watcher died: " + e);
            }
        }, "hot-folder-test");
        t.setDaemon(true);
        t.start();
        return folder;
    }

    private static Path newFolder(String name) throws Exception {
        return Files.createDirectories(tmp.resolve(name));
    }

    private static boolean isFile(Path p) {
        return Files.isRegularFile(p);
    }

    @Test
    void anApItemsRenditionDroppedAfterItIsSentMarkedAsTheItemsWithTheSameKey() throws Exception {
        String topic = "hot.raw." + TOPICS.incrementAndGet();
        Path in = newFolder("ap-rendition");
        Path samples = Path.of("src/test/resources/apmedia");
        List<String> lines = new CopyOnWriteArrayList<>();
        try (RawSender s = newSender(topic); HotFolder folder = watch(in, s, fast(100_000), lines)) {
            Files.copy(samples.resolve("ferry_item.json"), in.resolve("ferry_item.json"));
            RawTopic.await(WAIT, "the item is sent", () -> isFile(in.resolve("processed/ferry_item.json")));
            Files.copy(samples.resolve("ferry_nitf.xml"), in.resolve("f3a1c0de5ee9b4b40ea5fe9c9ca60f89.nitf.xml"));
            Files.copy(samples.resolve("tide_item_no_nitf.json"), in.resolve("tide.json"));
            RawTopic.await(WAIT, "the rendition is sent",
                    () -> isFile(in.resolve("processed/f3a1c0de5ee9b4b40ea5fe9c9ca60f89.nitf.xml")) && isFile(in.resolve("processed/tide.json")));

            List<ConsumerRecord<byte[], byte[]>> records = RawTopic.readAll(broker, topic);
            assertEquals(3, records.size());
            ConsumerRecord<byte[], byte[]> item = records.stream().filter(r -> RawTopic.value(r).contains("Island ferry")).findFirst().orElseThrow();
            ConsumerRecord<byte[], byte[]> nitf = records.stream().filter(r -> RawTopic.value(r).contains("<nitf")).findFirst().orElseThrow();
            ConsumerRecord<byte[], byte[]> tide = records.stream().filter(r -> RawTopic.value(r).contains("High tide")).findFirst().orElseThrow();
            assertEquals("f3a1c0de5ee9b4b40ea5fe9c9ca60f89", RawTopic.header(nitf, Topics.H_RENDITION_OF));
            assertEquals(null, RawTopic.header(item, Topics.H_RENDITION_OF));
            assertEquals(null, RawTopic.header(tide, Topics.H_RENDITION_OF));
            assertEquals(new String(item.key(), StandardCharsets.UTF_8), new String(nitf.key(), StandardCharsets.UTF_8));
            assertEquals(item.partition(), nitf.partition());
            assertTrue(item.offset() < nitf.offset());
            assertEquals(3, folder.summary().sent());
        }
    }

    @Test
    void droppedFilesAreOnRawExactlyOnceAndMovedToProcessed() throws Exception {
        String topic = "hot.raw." + TOPICS.incrementAndGet();
        Path in = newFolder("drop");
        List<String> lines = new CopyOnWriteArrayList<>();
        try (RawSender s = newSender(topic); HotFolder folder = watch(in, s, fast(10_000), lines)) {
            Files.writeString(in.resolve("a.txt"), "Story A: Kyiv talks resume.");
            Files.writeString(in.resolve("b.txt"), "Story B: Putin and Trump speak.");
            RawTopic.await(WAIT, "both files are in processed/",
                    () -> isFile(in.resolve("processed/a.txt")) && isFile(in.resolve("processed/b.txt")));
            // a third file later, while the first two are long done: they must not be sent again
            Files.writeString(in.resolve("c.txt"), "Story C: NATO ministers meet.");
            RawTopic.await(WAIT, "c.txt is in processed/", () -> isFile(in.resolve("processed/c.txt")));

            List<ConsumerRecord<byte[], byte[]>> records = RawTopic.readAll(broker, topic);
            assertEquals(List.of("Story A: Kyiv talks resume.", "Story B: Putin and Trump speak.", "Story C: NATO ministers meet."),
                    records.stream().map(RawTopic::value).sorted().toList());
            ConsumerRecord<byte[], byte[]> a = records.stream().filter(r -> RawTopic.value(r).startsWith("Story A")).findFirst().orElseThrow();
            assertEquals("ap", RawTopic.header(a, Topics.H_PROVIDER));
            assertEquals(in.resolve("a.txt").toString(), RawTopic.header(a, Topics.H_SOURCE));
            assertFalse(Files.exists(in.resolve("a.txt")), "a.txt left the hot folder");
            assertEquals(3, folder.summary().sent());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("watch: sent a.txt -> " + topic + "/")), lines.toString());
        }
    }

    @Test
    void filesStillBeingUploadedAreLeftAloneUntilComplete() throws Exception {
        String topic = "hot.raw." + TOPICS.incrementAndGet();
        Path in = newFolder("uploads");
        List<String> lines = new CopyOnWriteArrayList<>();
        try (RawSender s = newSender(topic); HotFolder folder = watch(in, s, fast(10_000), lines)) {
            Files.writeString(in.resolve("story.xml.part"), "<half");
            Files.writeString(in.resolve(".pureftpd-upload.story2.xml"), "<half");
            Files.writeString(in.resolve("marker.txt"), "a complete file, so we know a scan has run");
            RawTopic.await(WAIT, "marker.txt is processed", () -> isFile(in.resolve("processed/marker.txt")));
            assertTrue(isFile(in.resolve("story.xml.part")), ".part file left in place");
            assertTrue(isFile(in.resolve(".pureftpd-upload.story2.xml")), "hidden upload left in place");

            // the upload finishes: the FTP server renames it to its final name
            Files.writeString(in.resolve("story.xml.part"), "<story>complete</story>");
            Files.move(in.resolve("story.xml.part"), in.resolve("story.xml"));
            RawTopic.await(WAIT, "story.xml is processed", () -> isFile(in.resolve("processed/story.xml")));
            assertEquals(2, folder.summary().sent());
        }
        assertEquals(List.of("<story>complete</story>", "a complete file, so we know a scan has run"),
                RawTopic.readAll(broker, topic).stream().map(RawTopic::value).sorted().toList());
    }

    @Test
    void fileStillGrowingIsNotSentUntilItsSizeSettles() throws Exception {
        String topic = "hot.raw." + TOPICS.incrementAndGet();
        Path in = newFolder("growing");
        List<String> lines = new CopyOnWriteArrayList<>();
        // a long settle, so the file can grow for a while in plain sight under its final name
        HotFolder.Settings slow = new HotFolder.Settings(10_000, Duration.ofSeconds(2), Duration.ofMillis(100), null, null);
        try (RawSender s = newSender(topic); HotFolder folder = watch(in, s, slow, lines)) {
            Path f = in.resolve("growing.txt");
            Files.writeString(f, "line 1\n");
            for (int n = 2; n <= 12; n++) {
                Thread.sleep(250); // the pace of a slow upload, over 2.5 s: longer than the settle time in total
                assertTrue(isFile(f), "a file still growing was taken after " + (n - 1) + " lines");
                Files.writeString(f, "line " + n + "\n", java.nio.file.StandardOpenOption.APPEND);
            }
            String complete = Files.readString(f);
            RawTopic.await(WAIT, "growing.txt is processed once it stopped growing", () -> isFile(in.resolve("processed/growing.txt")));
            assertEquals(1, folder.summary().sent());
            assertEquals(List.of(complete), RawTopic.readAll(broker, topic).stream().map(RawTopic::value).toList());
        }
    }

    @Test
    void oversizeFileLandsInFailedWithItsReason() throws Exception {
        String topic = "hot.raw." + TOPICS.incrementAndGet();
        Path in = newFolder("oversize");
        List<String> lines = new CopyOnWriteArrayList<>();
        try (RawSender s = newSender(topic); HotFolder folder = watch(in, s, fast(100), lines)) {
            Files.writeString(in.resolve("huge.xml"), "x".repeat(101));
            Files.writeString(in.resolve("fine.xml"), "y".repeat(100));
            RawTopic.await(WAIT, "huge.xml is in failed/ and fine.xml in processed/",
                    () -> isFile(in.resolve("failed/huge.xml")) && isFile(in.resolve("processed/fine.xml")));
            assertEquals("101 bytes is over the limit of 100 bytes (wiretag.max.input.bytes)\n",
                    Files.readString(in.resolve("failed/huge.xml.reason")));
            assertEquals(1, folder.summary().failed());
        }
        assertEquals(List.of("y".repeat(100)), RawTopic.readAll(broker, topic).stream().map(RawTopic::value).toList());
    }

    @Test
    void fileAckedButNotMovedIsNeitherResentNorSkippedAfterRestart() throws Exception {
        String topic = "hot.raw." + TOPICS.incrementAndGet();
        Path in = newFolder("crash");
        // What a crash between the ack and the move leaves: the file still in the folder, its ack in the journal.
        byte[] acked = "Story sent before the crash".getBytes(StandardCharsets.UTF_8);
        Files.write(in.resolve("acked.txt"), acked);
        Files.writeString(in.resolve("new.txt"), "Story that arrived while we were down");
        try (HotFolderJournal j = HotFolderJournal.open(in, name -> true)) {
            j.recordAcked("acked.txt", sha256(acked), topic + "/0@0");
            j.sync();
        }
        List<String> lines = new CopyOnWriteArrayList<>();
        try (RawSender s = newSender(topic); HotFolder folder = watch(in, s, fast(10_000), lines)) {
            RawTopic.await(WAIT, "both files are in processed/",
                    () -> isFile(in.resolve("processed/acked.txt")) && isFile(in.resolve("processed/new.txt")));
            assertEquals(1, folder.summary().sent());
            assertEquals(1, folder.summary().skipped());
        }
        assertEquals(List.of("Story that arrived while we were down"),
                RawTopic.readAll(broker, topic).stream().map(RawTopic::value).toList());
    }

    @Test
    void sameNameAndBytesDeliveredAgainAfterTheMoveIsSentAgain() throws Exception {
        String topic = "hot.raw." + TOPICS.incrementAndGet();
        Path in = newFolder("redelivery");
        byte[] story = "Story delivered twice".getBytes(StandardCharsets.UTF_8);
        // A crash after the move but before the journal said so: the entry is stale, the file is gone.
        try (HotFolderJournal j = HotFolderJournal.open(in, name -> true)) {
            j.recordAcked("again.txt", sha256(story), topic + "/0@0");
            j.sync();
        }
        Files.write(Files.createDirectories(in.resolve("processed")).resolve("again.txt"), story);
        List<String> lines = new CopyOnWriteArrayList<>();
        try (RawSender s = newSender(topic); HotFolder folder = watch(in, s, fast(10_000), lines)) {
            Files.write(in.resolve("again.txt"), story);
            RawTopic.await(WAIT, "the redelivery is processed as again~2.txt", () -> isFile(in.resolve("processed/again~2.txt")));
            assertEquals(0, folder.summary().skipped());
        }
        assertEquals(List.of("Story delivered twice"), RawTopic.readAll(broker, topic).stream().map(RawTopic::value).toList());
    }

    @Test
    void secondWatcherOnTheSameFolderIsRefused() throws Exception {
        Path in = newFolder("twice");
        try (RawSender s = newSender("hot.raw." + TOPICS.incrementAndGet());
             HotFolder first = new HotFolder(in, s, fast(100), l -> { })) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new HotFolder(in, s, fast(100), l -> { }));
            assertEquals(in, first.directory());
            assertTrue(e.getMessage().startsWith("another wiretag is already watching"), e.getMessage());
        }
    }

    @Test
    void closingTwiceFromTwoThreadsIsQuietAndReleasesTheFolder() throws Exception {
        Path in = newFolder("closetwice");
        List<String> lines = new CopyOnWriteArrayList<>();
        try (RawSender s = newSender("hot.raw." + TOPICS.incrementAndGet())) {
            HotFolder folder = watch(in, s, fast(100), lines);
            List<Throwable> errors = new CopyOnWriteArrayList<>();
            Thread hook = new Thread(() -> { // as the CLI's shutdown hook does, while the main thread closes too
                try {
                    folder.close();
                } catch (RuntimeException e) {
                    errors.add(e);
                }
            });
            hook.start();
            try {
                folder.close();
            } catch (RuntimeException e) {
                errors.add(e);
            }
            hook.join(10_000);
            assertFalse(hook.isAlive());
            assertEquals(List.of(), errors);
            // released: a new watcher may take the folder
            try (HotFolder again = new HotFolder(in, s, fast(100), lines::add)) {
                assertEquals(in, again.directory());
            }
        }
        assertEquals(List.of(), lines.stream().filter(l -> l.startsWith("watcher died")).toList());
    }

    @Test
    void uploadNamesAreRecognised() {
        assertTrue(HotFolder.inProgress("story.xml.part"));
        assertTrue(HotFolder.inProgress("STORY.XML.TMP"));
        assertTrue(HotFolder.inProgress(".in.story.xml."));
        assertTrue(HotFolder.inProgress(".wiretag-journal"));
        assertFalse(HotFolder.inProgress("story.xml"));
        assertFalse(HotFolder.inProgress("partners.txt"));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
