package io.wiretag.formats.anpa;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Maps a wire's priority code (ANPA letters, IPTC 7901 digits) to wiretag's urgency 1..9, per provider.
 * Defaults are in code; {@code config/formats/priorities.properties} (or the file named by the system
 * property {@code wiretag.formats.priorities}) overrides them. Keys:
 * <ul>
 *   <li>{@code <format>.<provider>.<code>=<urgency>}, e.g. {@code anpa.ap.f=1}, {@code iptc7901.dpa.4=4};</li>
 *   <li>{@code <format>.default.<code>=<urgency>} for providers without their own line;</li>
 *   <li>{@code anpa.flash.max-words=<n>}: a flash or bulletin code (urgency 1 or 2) on a story longer than
 *       n words is not believed (AP sends {@code f} on features too) and read as the provider's {@code r}.</li>
 * </ul>
 */
public final class PriorityMap {
    /** Where the override file is looked for, relative to the working directory. */
    public static final Path DEFAULT_FILE = Path.of("config", "formats", "priorities.properties");

    private final Map<String, Integer> codes;
    private final int flashMaxWords;

    private PriorityMap(Map<String, Integer> codes, int flashMaxWords) {
        this.codes = Map.copyOf(codes);
        this.flashMaxWords = flashMaxWords;
    }

    /** The defaults in code. */
    public static PriorityMap defaults() {
        Map<String, Integer> m = new HashMap<>();
        // ANPA-1312 priority letters: flash, bulletin, urgent, regular/routine, deferred, advance, (s)pecial.
        for (String p : new String[] {"default", "ap", "kyodo"}) {
            m.put("anpa." + p + ".f", 1);
            m.put("anpa." + p + ".b", 2);
            m.put("anpa." + p + ".u", 3);
            m.put("anpa." + p + ".s", 4);
            m.put("anpa." + p + ".r", 5);
            m.put("anpa." + p + ".d", 6);
            m.put("anpa." + p + ".a", 6);
        }
        // IPTC 7901 priority digits: 1 flash .. 6 low; wiretag's scale reads them as they are.
        for (int i = 1; i <= 8; i++) {
            m.put("iptc7901.default." + i, i);
        }
        return new PriorityMap(m, 150);
    }

    /** The defaults, overridden by the configured file when there is one. */
    public static PriorityMap standard() {
        String named = System.getProperty("wiretag.formats.priorities");
        Path file = named == null || named.isBlank() ? DEFAULT_FILE : Path.of(named);
        if (!Files.isRegularFile(file)) {
            return defaults();
        }
        try {
            return load(file);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read priority map " + file + ": " + e.getMessage(), e);
        }
    }

    /** The defaults overridden by the keys of one properties file. */
    public static PriorityMap load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return defaults().with(p);
    }

    /** The map with these properties' keys overriding it; a value that is not 1..9 is refused. */
    public PriorityMap with(Properties p) {
        Map<String, Integer> m = new HashMap<>(codes);
        int max = flashMaxWords;
        for (String key : p.stringPropertyNames()) {
            String v = p.getProperty(key).strip();
            if (key.equals("anpa.flash.max-words")) {
                max = Integer.parseInt(v);
                continue;
            }
            int u = Integer.parseInt(v);
            if (u < 1 || u > 9) {
                throw new IllegalArgumentException(key + "=" + v + ": urgency must be 1..9");
            }
            m.put(key.toLowerCase(Locale.ROOT), u);
        }
        return new PriorityMap(m, max);
    }

    /** The urgency for a code, the provider's own mapping first, then the format's default; null if unmapped. */
    public Integer urgency(String format, String provider, String code) {
        if (code == null) {
            return null;
        }
        String c = code.toLowerCase(Locale.ROOT);
        Integer u = provider == null ? null : codes.get(format + "." + provider.toLowerCase(Locale.ROOT) + "." + c);
        return u != null ? u : codes.get(format + ".default." + c);
    }

    public int flashMaxWords() {
        return flashMaxWords;
    }
}
