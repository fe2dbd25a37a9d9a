package io.wiretag.ingest;

import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.RawInput;
import io.wiretag.story.Story;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order a replay sends its files in: story by story, by when each story was first filed, so that trends
 * and surges counted by filed time see each key's minutes in order (a story filed more than the trends'
 * grace before its key's newest minute is not counted). The files of one story (its versions, corrections,
 * kills, even a kill that comes before the story) keep their order in the folder, and go where the story's
 * earliest dated file goes; stories without a date, and files that cannot be read, keep their order after
 * the rest.
 */
public final class ReplayOrder {
    private ReplayOrder() {
    }

    /** What a file holds: its first story's id (null when unreadable) and its earliest versionCreated. */
    private record Look(String storyId, Instant filed) {
    }

    private record Placed(Path file, Instant storyFiled, int storyPosition, int position) {
    }

    public static List<Path> byFiledTime(List<Path> files, FormatDetector detector, long maxBytes) {
        List<Look> looks = new ArrayList<>();
        Map<String, Instant> storyFiled = new HashMap<>();
        Map<String, Integer> storyPosition = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            Look l = look(files.get(i), detector, maxBytes);
            looks.add(l);
            if (l.storyId() != null) {
                storyPosition.putIfAbsent(l.storyId(), i);
                if (l.filed() != null) {
                    storyFiled.merge(l.storyId(), l.filed(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String id = looks.get(i).storyId();
            placed.add(new Placed(files.get(i), id == null ? null : storyFiled.get(id), id == null ? i : storyPosition.get(id), i));
        }
        placed.sort(Comparator.comparing(Placed::storyFiled, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingInt(Placed::storyPosition).thenComparingInt(Placed::position));
        return placed.stream().map(Placed::file).toList();
    }

    private static Look look(Path file, FormatDetector detector, long maxBytes) {
        try {
            if (Files.size(file) > maxBytes) {
                return new Look(null, null);
            }
            String[] id = {null};
            Instant[] min = {null};
            detector.stream(new RawInput(Files.readAllBytes(file), null, null, file.toString(), Instant.EPOCH), (Story s) -> {
                id[0] = id[0] == null ? s.id() : id[0];
                if (s.versionCreated() != null && (min[0] == null || s.versionCreated().isBefore(min[0]))) {
                    min[0] = s.versionCreated();
                }
            });
            return new Look(id[0], min[0]);
        } catch (IOException | ParseException e) {
            return new Look(null, null); // the pipeline will say why, when the file is sent
        }
    }
}
