package io.wiretag.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wiretag.formats.FormatDetector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replay sends its files in the order their stories were filed, whatever their names say. */
class ReplayOrderTest {
    @TempDir
    Path dir;

    Path ninjs(String name, String filed) throws Exception {
        return ninjs(name, name, "1", filed);
    }

    Path ninjs(String name, String uri, String version, String filed) throws Exception {
        String date = filed == null ? "" : ",\"versioncreated\":\"" + filed + "\"";
        return Files.writeString(dir.resolve(name), "{\"uri\":\"urn:t:" + uri + "\",\"version\":\"" + version + "\"" + date
                + ",\"headline\":\"Story " + name + "\",\"body_text\":\"Text of story " + name + ".\"}");
    }

    @Test
    void filesGoInTheOrderTheirStoriesWereFiledAndUndatedOrUnreadableOnesLastInTheirOwnOrder() throws Exception {
        Path trump = ninjs("a-trump.json", "2026-11-20T06:00:00Z");
        Path fire = ninjs("b-fire.json", "2026-11-20T18:05:00Z");
        Path undated = ninjs("c-undated.json", null);
        Path hourly = ninjs("d-hourly.json", "2026-11-20T07:00:00Z");
        Path garbage = Files.write(dir.resolve("e-garbage.bin"), new byte[] {0, 1, 2, 3});
        Path first = ninjs("f-first.json", "2026-11-20T05:00:00Z");
        List<Path> sorted = ReplayOrder.byFiledTime(FileIngest.expand(List.of(dir)), FormatDetector.standard(), 1_000_000);
        assertEquals(List.of(first, trump, hourly, fire, undated, garbage), sorted);
    }

    @Test
    void theFilesOfOneStoryKeepTheirFolderOrderWhereverItsEarliestDateIs() throws Exception {
        Path v2 = ninjs("1-talks-v2.json", "talks", "2", "2026-11-20T09:00:00Z");
        Path other = ninjs("2-other.json", "other", "1", "2026-11-20T08:00:00Z");
        Path v1 = ninjs("3-talks-v1.json", "talks", "1", "2026-11-20T07:00:00Z");
        List<Path> sorted = ReplayOrder.byFiledTime(FileIngest.expand(List.of(dir)), FormatDetector.standard(), 1_000_000);
        assertEquals(List.of(v2, v1, other), sorted, "the talks were first filed at 07:00; their files keep the folder's order");
    }
}
