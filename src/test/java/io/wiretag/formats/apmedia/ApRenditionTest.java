package io.wiretag.formats.apmedia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.RawInput;
import io.wiretag.story.PubStatus;
import io.wiretag.story.Revision;
import io.wiretag.story.Story;
import io.wiretag.story.Subject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The item + NITF rendition merge and the names a rendition may have beside its item. */
class ApRenditionTest {
    static final Path SAMPLES = Path.of("src/test/resources/apmedia");
    static final String ITEM_ID = "f3a1c0de5ee9b4b40ea5fe9c9ca60f89";

    static Story parse(String name) throws Exception {
        byte[] bytes = Files.readAllBytes(SAMPLES.resolve(name));
        List<Story> stories = FormatDetector.standard().parse(new RawInput(bytes, null, null, name, Instant.EPOCH)).stories();
        assertEquals(1, stories.size(), name);
        return stories.get(0);
    }

    @Test
    void theItemsMetadataWinsAndTheRenditionGivesTheText() throws Exception {
        Story item = parse("ferry_item.json");
        Story nitf = parse("ferry_nitf.xml");
        assertTrue(ApRendition.awaitsRendition(item));
        Story merged = ApRendition.merge(item, ApRendition.asRenditionOf(nitf, ITEM_ID));

        assertEquals("ap:" + ITEM_ID, merged.id());
        assertEquals(ITEM_ID, merged.guid());
        assertEquals("1", merged.version());
        assertEquals(Instant.parse("2025-02-01T10:00:00Z"), merged.versionCreated());
        assertEquals(Instant.parse("2025-02-01T09:30:00Z"), merged.firstCreated());
        assertEquals(PubStatus.USABLE, merged.pubStatus());
        assertEquals(Revision.UPDATE, merged.revision());
        assertEquals(3, merged.urgency());
        assertEquals("Island ferry returns after storm repairs", merged.headline(), "the item's headline, not the NITF's");
        assertEquals(List.of(new Subject("apcv:c1", "Ferries")), merged.subjects());
        assertEquals("ap-media", merged.source().format(), "the item is the story of record");
        assertEquals(item.raw(), merged.raw());

        assertTrue(merged.body().startsWith("The island ferry sailed again on Saturday"), merged.body());
        assertTrue(merged.body().endsWith("while the ferry was in dry dock."), merged.body());
        assertEquals("By JANE ROE", merged.byline());
        assertEquals("PORTOVILLE", merged.dateline());
        assertTrue(merged.warnings().stream().noneMatch(w -> w.contains("body is empty")), merged.warnings().toString());
        assertFalse(ApRendition.awaitsRendition(merged));
    }

    @Test
    void theRenditionFillsWhatTheItemLacksAndAHeadlineRepeatIsDropped() throws Exception {
        Story item = parse("ferry_item.json");
        Story bare = new Story(item.id(), item.guid(), item.version(), item.versionCreated(), null, null, item.pubStatus(),
                item.revision(), null, item.language(), item.headline(), null, "Item Byline", null, null, "", List.of(), List.of(),
                item.source(), item.raw(), item.warnings(), null, null);
        Story nitf = parse("ferry_nitf.xml");
        Story rendition = new Story(nitf.id(), nitf.guid(), nitf.version(), nitf.versionCreated(), Instant.parse("2025-02-01T09:00:00Z"),
                null, nitf.pubStatus(), nitf.revision(), 2, nitf.language(), nitf.headline(), "FERRY", null, null, "Portoville",
                item.headline() + "\n\n" + nitf.body(), List.of("Corrects spelling"), List.of(new Subject("x", "Harbours")),
                nitf.source(), nitf.raw(), List.of(), null, null);
        Story merged = ApRendition.merge(bare, ApRendition.asRenditionOf(rendition, ITEM_ID));
        assertEquals(Instant.parse("2025-02-01T09:00:00Z"), merged.firstCreated());
        assertEquals(2, merged.urgency());
        assertEquals("FERRY", merged.slugline());
        assertEquals("Portoville", merged.located());
        assertEquals("Item Byline", merged.byline(), "the rendition has no byline here, so the item's stays");
        assertEquals(List.of(new Subject("x", "Harbours")), merged.subjects());
        assertEquals(List.of("Corrects spelling"), merged.editorNotes());
        assertTrue(merged.body().startsWith("The island ferry sailed"), "the headline repeated atop the text goes: " + merged.body());
    }

    @Test
    void anItemWithoutANitfRenditionDoesNotWait() throws Exception {
        Story tide = parse("tide_item_no_nitf.json");
        assertFalse(ApRendition.awaitsRendition(tide));
        assertEquals("", tide.body());
        assertTrue(ApRendition.nitfOf(Files.readAllBytes(SAMPLES.resolve("tide_item_no_nitf.json"))).isEmpty());
    }

    @Test
    void aRenditionWithoutItsItemSaysSo() throws Exception {
        Story alone = ApRendition.withoutItem(ApRendition.asRenditionOf(parse("ferry_nitf.xml"), ITEM_ID), Duration.ofSeconds(30));
        assertEquals("ap:" + ITEM_ID, alone.id());
        assertEquals("nitf", alone.source().format());
        assertTrue(alone.warnings().get(alone.warnings().size() - 1).contains("without its item's metadata (none came within 30 s)"));
    }

    @Test
    void theItemNamesItsRenditionAndTheNamesItMayHaveBesideIt() throws Exception {
        ApRendition.NitfRef ref = ApRendition.nitfOf(Files.readAllBytes(SAMPLES.resolve("ferry_item.json"))).orElseThrow();
        assertEquals(ITEM_ID, ref.itemId());
        assertEquals("9b0c77aa12ab4cd0b1e2f3a4b5c6d7e8", ref.contentId());
        assertEquals("xml", ref.fileExtension());
        assertEquals(List.of(ITEM_ID + ".xml", ITEM_ID + ".nitf.xml", "9b0c77aa12ab4cd0b1e2f3a4b5c6d7e8.xml", "ferry_nitf.xml"),
                ApRendition.namesBeside("ferry_item.json", ref));
        assertEquals(List.of(ITEM_ID + ".xml", ITEM_ID + ".nitf.xml", "9b0c77aa12ab4cd0b1e2f3a4b5c6d7e8.xml"),
                ApRendition.namesBeside("ferry.json", ref), "no 'item' in the name, no name derived from it");
        assertTrue(ApRendition.nitfOf("<nitf/>".getBytes(StandardCharsets.UTF_8)).isEmpty());
        assertTrue(ApRendition.nitfOf("{\"api_version\": \"1.1\", \"data\": {\"items\": []}}".getBytes(StandardCharsets.UTF_8)).isEmpty(),
                "a feed page has no file beside it");
    }
}
