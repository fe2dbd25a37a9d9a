package io.wiretag.alerts;

import io.wiretag.story.Story;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The saved watches of {@code config/watches.properties} ({@code wiretag.alerts.watches.file}): one line
 * {@code watch.<name>=<condition>} each, and optionally {@code watch.<name>.min-relevance=0.5}. A story
 * version that meets a watch raises one {@code watch} alert, whose id names the watch, the story and the
 * version, so a replay writes the same alert again.
 */
public final class Watches {
    private static final String PREFIX = "watch.";
    private static final String MIN_RELEVANCE = ".min-relevance";

    private final List<Watch> watches;

    public Watches(List<Watch> watches) {
        this.watches = List.copyOf(watches);
    }

    public List<Watch> all() {
        return watches;
    }

    /** No watches: a missing file is none. */
    public static Watches none() {
        return new Watches(List.of());
    }

    /** Reads the file; a missing file is no watches, a bad line is one clear error naming the file and the key. */
    public static Watches load(Path file) {
        if (!Files.isRegularFile(file)) {
            return none();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read watches " + file + ": " + e.getMessage(), e);
        }
        return parse(p, file.toString());
    }

    static Watches parse(Properties p, String where) {
        List<Watch> out = new ArrayList<>();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (!key.startsWith(PREFIX)) {
                throw new IllegalArgumentException(where + ": " + key + ": every key starts with watch.");
            }
            if (key.endsWith(MIN_RELEVANCE)) {
                String name = key.substring(PREFIX.length(), key.length() - MIN_RELEVANCE.length());
                if (!p.containsKey(PREFIX + name)) {
                    throw new IllegalArgumentException(where + ": " + key + ": no watch." + name + " for it");
                }
                continue;
            }
            String name = key.substring(PREFIX.length());
            if (!name.matches("[a-z0-9][a-z0-9-]*")) {
                throw new IllegalArgumentException(where + ": " + key + ": a watch name is lower-case letters, digits and dashes");
            }
            double min = 0;
            String m = p.getProperty(key + MIN_RELEVANCE);
            if (m != null) {
                try {
                    min = Double.parseDouble(m.strip());
                } catch (NumberFormatException e) {
                    min = -1;
                }
                if (!(min >= 0 && min <= 1)) {
                    throw new IllegalArgumentException(where + ": " + key + MIN_RELEVANCE + ": a number from 0 to 1, not '" + m + "'");
                }
            }
            try {
                out.add(new Watch(name, Watch.parse(p.getProperty(key).strip()), min));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + key + ": " + e.getMessage(), e);
            }
        }
        return new Watches(out);
    }

    /**
     * The alerts for one published story version: one per watch it meets. None for a kill or a story without
     * tags; a duplicate is the caller's to leave out, as for the other alerts.
     */
    public List<WatchAlert> alertsFor(Story story, java.time.Instant at) {
        if (story.isKill() || story.tags() == null) {
            return List.of();
        }
        List<WatchAlert> out = new ArrayList<>();
        for (Watch w : watches) {
            if (w.matches(story.tags())) {
                out.add(WatchAlert.of(w.name(), story, w.matched(story.tags()), at));
            }
        }
        return out;
    }
}
