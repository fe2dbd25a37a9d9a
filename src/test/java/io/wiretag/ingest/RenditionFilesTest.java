package io.wiretag.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which file is the NITF rendition "beside" an AP Media API item, and where it goes in a list of files. */
class RenditionFilesTest {
    static final Path SAMPLES = Path.of("src/test/resources/apmedia");
    static final String ITEM_ID = "f3a1c0de5ee9b4b40ea5fe9c9ca60f89";
    static final String CONTENT_ID = "9b0c77aa12ab4cd0b1e2f3a4b5c6d7e8";

    @TempDir
    Path dir;

    private Path put(String sample, String as) throws Exception {
        return Files.copy(SAMPLES.resolve(sample), dir.resolve(as));
    }

    @ParameterizedTest
    @ValueSource(strings = {ITEM_ID + ".xml", ITEM_ID + ".nitf.xml", CONTENT_ID + ".xml"})
    void aRenditionNamedByTheItemsIdsIsBesideIt(String name) throws Exception {
        Path item = put("ferry_item.json", "answer.json");
        Path nitf = put("ferry_nitf.xml", name);
        Files.writeString(dir.resolve("other.xml"), "<nitf/>");
        List<RenditionFiles.Entry> entries = RenditionFiles.pair(FileIngest.expand(List.of(dir)));
        assertEquals(List.of(item, nitf, dir.resolve("other.xml")), entries.stream().map(RenditionFiles.Entry::file).toList(),
                "the rendition follows its item, whatever their names' order");
        assertNull(entries.get(0).renditionOf());
        assertEquals(ITEM_ID, entries.get(1).renditionOf());
        assertNull(entries.get(2).renditionOf());
        assertNull(entries.get(0).unpaired());
    }

    @Test
    void theItemFilesNameWithNitfForItemAndTheRenditionsExtension() throws Exception {
        Path item = put("ferry_item.json", "ferry_item.json");
        Path nitf = put("ferry_nitf.xml", "ferry_nitf.xml");
        List<RenditionFiles.Entry> entries = RenditionFiles.pair(List.of(nitf, item));
        assertEquals(List.of(item, nitf), entries.stream().map(RenditionFiles.Entry::file).toList());
        assertEquals(ITEM_ID, entries.get(1).renditionOf());
    }

    @Test
    void aRenditionElsewhereOrUnlistedIsNotPaired() throws Exception {
        Path item = put("ferry_item.json", "ferry_item.json");
        Path elsewhere = Files.createDirectories(dir.resolve("sub"));
        Path away = Files.copy(SAMPLES.resolve("ferry_nitf.xml"), elsewhere.resolve(ITEM_ID + ".xml"));
        Path otherName = put("ferry_nitf.xml", "ferry-text.xml");

        List<RenditionFiles.Entry> entries = RenditionFiles.pair(List.of(item, away, otherName));
        assertEquals(List.of(item, away, otherName), entries.stream().map(RenditionFiles.Entry::file).toList());
        entries.forEach(e -> assertNull(e.renditionOf(), e.file().toString()));
        assertEquals(ITEM_ID, entries.get(0).unpaired().itemId(), "an item whose rendition has not come says so");

        Path beside = put("ferry_nitf.xml", "ferry_nitf.xml");
        assertEquals(List.of(item), RenditionFiles.pair(List.of(item)).stream().map(RenditionFiles.Entry::file).toList(),
                "only the files given are paired: a rendition on disk but not listed is not pulled in");
        assertEquals(beside, RenditionFiles.beside(item, entries.get(0).unpaired()).orElseThrow());
    }

    @Test
    void anItemWithoutANitfRenditionAndOtherFilesKeepTheirOrder() throws Exception {
        Path tide = put("tide_item_no_nitf.json", "tide_item.json");
        Path nitf = put("ferry_nitf.xml", "tide_nitf.xml");
        Path text = Files.writeString(dir.resolve("a.txt"), "{ not json at all");
        List<RenditionFiles.Entry> entries = RenditionFiles.pair(List.of(text, tide, nitf));
        assertEquals(List.of(text, tide, nitf), entries.stream().map(RenditionFiles.Entry::file).toList());
        entries.forEach(e -> {
            assertNull(e.renditionOf());
            assertNull(e.unpaired());
        });
    }
}
