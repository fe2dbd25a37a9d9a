package io.wiretag.bench;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a generated stream holds: records by kind, their average value size, and their average payload on
 * the raw topic (key, value and headers, as {@link LatencyProbe#raw} sends them).
 */
public record StreamStats(int records, Map<StoryStream.Kind, Integer> byKind, double averageBytes, double averagePayloadBytes) {
    public static StreamStats of(List<StoryStream.Item> items) {
        Map<StoryStream.Kind, Integer> kinds = new EnumMap<>(StoryStream.Kind.class);
        for (StoryStream.Kind k : StoryStream.Kind.values()) {
            kinds.put(k, 0);
        }
        long bytes = 0;
        long keys = 0;
        for (StoryStream.Item i : items) {
            kinds.merge(i.kind(), 1, Integer::sum);
            bytes += i.bytes().length;
            keys += i.storyId().getBytes(StandardCharsets.UTF_8).length;
            for (var h : LatencyProbe.raw("raw", i).headers()) {
                keys += h.key().getBytes(StandardCharsets.UTF_8).length + h.value().length;
            }
        }
        int n = Math.max(1, items.size());
        return new StreamStats(items.size(), kinds, bytes / (double) n, (bytes + keys) / (double) n);
    }

    public String line() {
        return String.format(Locale.ROOT, "%,d records (ninjs JSON, %.1f KB on average): %,d new stories, %,d updates, %,d kills, "
                        + "%,d redistributed copies", records, averageBytes / 1000, byKind.get(StoryStream.Kind.NEW),
                byKind.get(StoryStream.Kind.UPDATE), byKind.get(StoryStream.Kind.KILL), byKind.get(StoryStream.Kind.COPY));
    }
}
