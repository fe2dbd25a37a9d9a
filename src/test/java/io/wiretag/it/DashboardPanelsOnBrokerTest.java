package io.wiretag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.wiretag.config.WiretagConfig;
import io.wiretag.ingest.RawSender;
import io.wiretag.kafka.Drain;
import io.wiretag.kafka.EmbeddedBroker;
import io.wiretag.kafka.TopicReader;
import io.wiretag.kafka.Topics;
import io.wiretag.pipeline.Pipeline;
import io.wiretag.serve.AppServer;
import io.wiretag.story.Json;
import io.wiretag.tagging.Taxonomy;
import io.wiretag.testing.Seed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's charts, filters, story view, DLQ and health panels in a real headless Chromium, against the
 * whole pipeline on a real broker: the seed, a hostile flash story in two versions, and a file of garbage bytes
 * go in. One broker for the class. With {@code -Dwiretag.shots=DIR} the pages are also saved as screenshots.
 */
class DashboardPanelsOnBrokerTest {
    static final String STORY_ID = "wire:urn:test:hostile-2";
    static final String HOSTILE = "<script>document.title='owned'</script> Putin and Trump talk about the war in Ukraine";
    static final String BODY = "Russian President Vladimir Putin and U.S. President Donald Trump spoke by phone on Tuesday about ending"
            + " the war in Ukraine, the Kremlin said. <img src=x onerror=alert(1)> Russian forces kept up their offensive in eastern"
            + " Ukraine while Ukrainian President Volodymyr Zelenskyy asked for more air defences. The White House said the two"
            + " leaders agreed that negotiating teams would meet in Riyadh to discuss a ceasefire and relations between Washington"
            + " and Moscow.";
    static final Path REUTERS = Path.of("../shared/fixtures/wire/superdesk-core");
    static final String CORRECTION = "tag_reuters.com_2016_newsml_L1N14N0FF_version_978556838";
    static final String KILL = "tag_reuters.com_2016_newsml_L1N14N0FF_version_1542761538";
    static final String REUTERS_ID = "reuters:tag:reuters.com,0000:newsml_L1N14N0FF";
    static int filesSent;
    static final byte[] GARBAGE = {0x00, (byte) 0xff, 0x13, 0x37, (byte) 0xfe, 0x00, 0x01, 0x02, (byte) 0x80, 0x7f};

    static String flash(String version, String created, String body) {
        return "{\"uri\":\"urn:test:hostile-2\",\"version\":\"" + version + "\",\"versioncreated\":\"" + created + "\",\"headline\":"
                + Json.write(HOSTILE) + ",\"urgency\":1,\"language\":\"en\",\"body_text\":" + Json.write(body) + "}";
    }

    @TempDir
    static Path dir;
    static EmbeddedBroker broker;
    static Pipeline pipeline;
    static AppServer http;
    static String base;
    static Map<String, Object> clients;
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedBroker.start(dir.resolve("broker"), 0);
        WiretagConfig config = WiretagConfig.defaultsOnly()
                .with(WiretagConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                .with(WiretagConfig.DATA_DIR, dir.resolve("app").toString())
                .with(WiretagConfig.APPLICATION_ID, "wiretag-dashboard-panels-it")
                .with(WiretagConfig.HTTP_PORT, "0");
        clients = new HashMap<>(config.kafkaClientSettings());
        pipeline = Pipeline.start(config, broker.bootstrapServers(), Taxonomy.load(Path.of("config/taxonomy")));
        http = AppServer.start(config, clients, pipeline.streams());
        base = "http://" + http.address();
        try (RawSender sender = new RawSender(clients, pipeline.topics().raw().name())) {
            sender.send(Seed.bytes(), "desk", "seed.txt", "desk-folder", null, Instant.now()).get();
            sender.send(flash("1", "2025-02-01T12:00:00Z", BODY).getBytes(StandardCharsets.UTF_8), "wire", "flash-1.json", "wire-feed", "ninjs",
                    Instant.now()).get();
            sender.send(flash("2", "2025-02-01T12:05:00Z", BODY + " Ukraine said talks without it would fail.").getBytes(StandardCharsets.UTF_8),
                    "wire", "flash-2.json", "wire-feed", "ninjs", Instant.now()).get();
            sender.send(GARBAGE, "desk", "garbage.bin", "desk-folder", null, Instant.now()).get();
            filesSent = 4;
            if (Files.isDirectory(REUTERS)) {
                // A real correction, then its kill: the story view lists both and says it was killed.
                for (String f : List.of(CORRECTION, KILL)) {
                    sender.send(Files.readAllBytes(REUTERS.resolve(f)), "reuters", f, "reuters-feed", null, Instant.now()).get();
                    filesSent++;
                }
            }
        }
        Drain.awaitIdle(pipeline.admin(), clients, pipeline.applicationId(), pipeline.inputTopics(), Duration.ofSeconds(60), lag -> { });
    }

    @AfterAll
    static void stop() {
        if (http != null) {
            http.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(15)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return Json.read(r.body(), JsonNode.class);
    }

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    static List<String> chromium(String... args) {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + dir.resolve("chromium-profile")));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** The DOM a real Chromium ends with after running the page's script for a few (virtual) seconds. */
    static String dom(String path) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at /usr/bin/chromium (apt-get install chromium): the browser check is skipped");
        Process p = new ProcessBuilder(chromium("--virtual-time-budget=8000", "--dump-dom", base + path))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
        screenshot(path);
        return dom;
    }

    static void screenshot(String path) throws Exception {
        String shots = System.getProperty("wiretag.shots");
        if (shots == null || shots.isBlank()) {
            return;
        }
        Path out = Path.of(shots).resolve((path.startsWith("/story") ? "story" : "dashboard")
                + path.replaceAll("^/(story)?", "").replaceAll("[^A-Za-z0-9-]+", "_") + ".png");
        Files.createDirectories(out.getParent());
        Process p = new ProcessBuilder(chromium("--virtual-time-budget=8000", "--window-size=1400,1800", "--screenshot=" + out, base + path))
                .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor(90, TimeUnit.SECONDS);
    }

    static String status(String dom) {
        Matcher status = Pattern.compile("id=\"status\"[^>]*>([^<]*)<").matcher(dom);
        assertTrue(status.find(), dom);
        return status.group(1);
    }

    /** The inner markup of the element with this id (the first element closing with {@code </tag>} after it). */
    static String element(String dom, String id, String tag) {
        int at = dom.indexOf("id=\"" + id + "\"");
        assertTrue(at >= 0, "no #" + id + " in " + dom);
        int end = dom.indexOf("</" + tag + ">", at);
        return dom.substring(at, end);
    }

    @Test
    void theChosenEntityIsChartedPerMinuteFromItsRealCountsAndTheListsAreFiltered() throws Exception {
        JsonNode whiteHouse = json("/api/trends/entity/white-house?minutes=60");
        long total = whiteHouse.path("total").asLong();
        assertTrue(total >= 1, "the flash names the White House: " + whiteHouse);
        String dom = dom("/?entity=white-house");
        assertTrue(status(dom).startsWith("updated "), "every API call answered: " + status(dom));

        Matcher chart = Pattern.compile("<svg class=\"chart\"[^>]*data-total=\"(\\d+)\"").matcher(dom);
        assertTrue(chart.find(), "a large chart is drawn");
        assertEquals(total, Long.parseLong(chart.group(1)), "the chart adds up to the API's per-minute series");
        long dots = 0;
        Matcher dot = Pattern.compile("<circle [^>]*data-count=\"(\\d+)\"").matcher(dom);
        while (dot.find()) {
            dots += Long.parseLong(dot.group(1));
        }
        assertEquals(total, dots, "one point per minute with stories, with that minute's count");
        Matcher line = Pattern.compile("<path d=\"M([^\"]+)\" class=\"line\"").matcher(dom);
        assertTrue(line.find(), "the chart has a line");
        String[] pts = line.group(1).split(" L");
        assertEquals(60, pts.length, "one point per minute of the last hour");
        assertTrue(java.util.Arrays.stream(pts).anyMatch(pt -> Double.parseDouble(pt.split(",")[1]) < 192 - 1),
                "at least one point above the baseline (y = 220 - 28): " + line.group(1));
        assertTrue(dom.contains("White House (entity): " + total + (total == 1 ? " story" : " stories") + " in the last 1 h, per minute"),
                "the chart is titled with the entity's name and its total");

        JsonNode entities = json("/api/trends?kind=entity&minutes=60&limit=10");
        Matcher sparks = Pattern.compile("<svg class=\"spark\"[^>]*data-total=\"(\\d+)\"").matcher(dom);
        int n = 0;
        while (sparks.find()) {
            n++;
        }
        JsonNode topics = json("/api/trends?kind=topic&minutes=60&limit=10");
        assertEquals(entities.path("items").size() + topics.path("items").size(), n, "a sparkline per trending entity and topic");
        assertTrue(Pattern.compile("<polyline points=\"[^\"]*\"").matcher(dom).find());

        String stories = element(dom, "stories", "div");
        assertTrue(stories.contains("&lt;script&gt;document.title='owned'&lt;/script&gt; Putin and Trump"), stories);
        assertFalse(stories.contains("US President Donald Trump revealed"), "the seed does not name the White House: " + stories);
        assertTrue(dom.contains("entity <b class=\"chip\">White House</b>"), "the filter is shown by name");
        String alerts = element(dom, "alerts", "ul");
        assertTrue(alerts.contains("<b>breaking</b> <a href=\"/story?id=wire%3Aurn%3Atest%3Ahostile-2\">&lt;script&gt;"),
                "the breaking alert on the flash, which names the White House, is kept: " + alerts);
        assertFalse(dom.contains("<title>owned") || dom.contains("<script>document"), "no story text became markup");
    }

    @Test
    void theStoryViewMarksEveryMentionLinksItToItsEntityAndListsTheVersions() throws Exception {
        JsonNode found = json("/api/story?id=" + STORY_ID);
        assertEquals(2, found.path("versions").size(), "both versions are on news.tagged: " + found);
        JsonNode latest = found.path("versions").get(1).path("story");
        assertEquals("2", latest.path("version").asText());
        String body = latest.path("body").asText();
        JsonNode putin = null;
        for (JsonNode e : latest.path("tags").path("entities")) {
            if (e.path("id").asText().equals("vladimir-putin")) {
                putin = e;
            }
        }
        assertTrue(putin != null, "the story is tagged with Vladimir Putin");
        List<String> marked = new ArrayList<>();
        for (JsonNode m : putin.path("mentions")) {
            if (m.path("field").asText().equals("body")) {
                marked.add(body.substring(m.path("start").asInt(), m.path("end").asInt()));
            }
        }
        assertTrue(marked.contains("Vladimir Putin"), "the tagger found the full name: " + marked);

        HttpResponse<String> page = get("/story?id=" + STORY_ID);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        String dom = dom("/story?id=" + STORY_ID);
        String article = element(dom, "body", "div");
        Matcher mark = Pattern.compile("<a class=\"mention\" href=\"/\\?entity=vladimir-putin\"[^>]*><mark>([^<]*)</mark></a>").matcher(article);
        List<String> shown = new ArrayList<>();
        while (mark.find()) {
            shown.add(mark.group(1));
        }
        assertEquals(marked, shown, "each body mention of Putin is marked, at its offsets, linked to the dashboard filtered by him");
        // "Russian" is Russia's demonym: marked as one, linked to Russia.
        assertTrue(article.startsWith("id=\"body\"><a class=\"mention demonym\" href=\"/?entity=russia\" title=\"Russia (demonym)\""
                + " data-entity=\"russia\"><mark>Russian</mark></a> President <a class=\"mention\" href=\"/?entity=vladimir-putin\""),
                "marks sit at their offsets: " + article);
        assertTrue(article.contains("&lt;img src=x onerror=alert(1)&gt;"), "the body's markup shows as text");
        assertTrue(dom.contains("&lt;script&gt;document.title='owned'&lt;/script&gt;"), "the headline shows as text");
        assertFalse(dom.contains("<title>owned") || dom.contains("<img src=\"x\""), "nothing from the story became markup");
        assertEquals(0, Pattern.compile("<script").matcher(dom).results().count(), "the story view has no script at all");

        String versions = element(dom, "versions", "table");
        assertEquals(2, Pattern.compile("<tr><td>\\d+</td>").matcher(versions).results().count(), versions);
        String topics = element(dom, "topics", "ul></li></ul");
        assertTrue(topics.contains("href=\"/?topic=ukraine-war\""), topics);
        assertTrue(Pattern.compile("<ul class=\"evidence\"><li>[^<]+</li>").matcher(topics).find(), "the topic's evidence is listed: " + topics);

        HttpResponse<String> missing = get("/story?id=wire:urn:test:no-such-story");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("is not among the newest") && missing.body().contains("news.tagged partition"), missing.body());
    }

    @Test
    void theDlqPanelShowsTheReasonTheGarbageFileWasRefused() throws Exception {
        List<ConsumerRecord<byte[], byte[]>> dlq = TopicReader.readAll(clients, pipeline.topics().dlq().name(), Duration.ofSeconds(20));
        assertEquals(1, dlq.size(), "the garbage file is the one refusal");
        String reason = new String(dlq.get(0).headers().lastHeader(Topics.H_DLQ_REASON).value(), StandardCharsets.UTF_8);
        assertFalse(reason.isBlank());

        String dom = dom("/");
        assertTrue(status(dom).startsWith("updated "), status(dom));
        String panel = element(dom, "dlq", "ul></div");
        String escaped = reason.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        assertTrue(reason.startsWith("unrecognised format: not one of [") && reason.contains("]; input starts with"), reason);
        String kind = escaped.substring(0, escaped.indexOf("; input starts with")) + "; input starts with \"...\"";
        assertTrue(panel.contains("<td class=\"reason\">" + kind + "</td><td>1</td>"), "counted by reason kind, the file's bytes left out: " + panel);
        assertTrue(panel.contains("<b>normalise</b> <span class=\"reason\">" + escaped + "</span>"), "listed with its stage: " + panel);
        assertTrue(panel.contains("garbage.bin from desk · 10 bytes · news.raw/"), "with its source, size and origin: " + panel);
    }

    @Test
    void theHealthPanelShowsStateAndLagPerInputTopicFromOffsets() throws Exception {
        JsonNode p = json("/api/pipeline");
        assertEquals("RUNNING", p.path("streams").asText());
        assertTrue(p.path("ready").asBoolean() && p.path("brokerReachable").asBoolean(), p.toString());
        assertTrue(p.path("commitsTotal").asLong() > 0, "the pipeline has committed: " + p);
        JsonNode raw = null;
        for (JsonNode l : p.path("lag")) {
            if (l.path("topic").asText().equals("news.raw")) {
                raw = l;
            }
        }
        assertTrue(raw != null, p.toString());
        assertEquals(filesSent, raw.path("end").asLong(), "every file that went in");
        assertEquals(0, raw.path("lag").asLong(), "all processed");

        String dom = dom("/");
        String health = element(dom, "health", "table");
        assertTrue(health.contains("<b>ready</b> · Kafka Streams RUNNING · broker reachable"), health);
        assertTrue(dom.contains("<tr><td title=\"news.raw\">news.raw</td><td class=\"lag-value\">0</td><td>" + filesSent + "</td><td>4</td></tr>"),
                element(dom, "health", "div"));
    }

    @Test
    void aKilledStoryShowsTheKillAndEveryVersion() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(REUTERS), "shared fixtures not found at " + REUTERS.toAbsolutePath() + "; skipping");
        String dom = dom("/story?id=" + java.net.URLEncoder.encode(REUTERS_ID, StandardCharsets.UTF_8));
        String killed = element(dom, "killed", "p");
        assertTrue(killed.contains("<b>Killed</b> 2016-01-04T16:34:45Z: withdrawn by reuters"), killed);
        assertTrue(dom.contains("CORRECTED-S. Illinois battles flooding"), "the text of the last version before the kill is shown");
        String versions = element(dom, "versions", "table");
        assertTrue(Pattern.compile("<td>1542761538</td><td>[^<]*</td><td>kill</td><td>canceled</td><td>[^<]*</td><td>killed: withdrawn by reuters</td>")
                .matcher(versions).find(), versions);
        assertTrue(Pattern.compile("<td>978556838</td><td>[^<]*</td><td>correction</td><td>usable</td><td>CORRECTED-S. Illinois battles flooding")
                .matcher(versions).find(), versions);
    }
}
