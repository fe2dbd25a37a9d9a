package io.wiretag.formats.anpa;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.wiretag.formats.Charsets;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.WireParser;
import io.wiretag.formats.iptc7901.Iptc7901Parser;
import io.wiretag.formats.samples.Samples;
import io.wiretag.formats.zczc.ZczcParser;
import io.wiretag.story.Story;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * For arbitrary and mutated byte inputs the byte-level parsers end quickly, throw nothing but
 * ParseException, and never put control characters in a body; Charsets never fails on any bytes.
 */
class ByteParsersProperties {
    private static final List<WireParser> PARSERS = List.of(
            new AnpaParser(PriorityMap.defaults()), new Iptc7901Parser(PriorityMap.defaults()), new ZczcParser());
    private static final List<byte[]> SAMPLES = List.of(Samples.bytes("anpa/ap_update.tst"), Samples.bytes("anpa/ap_table.tst"),
            Samples.bytes("anpa/kyodo_chess.txt"), Samples.bytes("iptc7901/dpa_storm.txt"), Samples.bytes("zczc/two_messages.tst"));

    @Property(tries = 300)
    void arbitraryBytesEndInStoriesOrAParseException(@ForAll @Size(max = 3000) byte[] bytes) {
        for (WireParser p : PARSERS) {
            check(p, bytes);
        }
    }

    @Property(tries = 300)
    void mutatedSamplesEndInStoriesOrAParseException(@ForAll("mutatedSamples") byte[] bytes) {
        for (WireParser p : PARSERS) {
            check(p, bytes);
        }
    }

    @Property(tries = 300)
    void charsetsDecodesAnyBytesWithoutReplacementWhereSingleBytesFit(@ForAll @Size(max = 2000) byte[] bytes) {
        Charsets.Decoded d = Charsets.decode(bytes, null);
        // every byte sequence is readable as UTF-8, or as single bytes; only cp1252's five holes could be lost
        assertFalse(d.text().contains("\uFFFD"), d.detected());
    }

    /** A sample with bytes flipped, control characters sprinkled in, a piece cut out, or its end cut off. */
    @Provide
    Arbitrary<byte[]> mutatedSamples() {
        Arbitrary<byte[]> sample = Arbitraries.of(SAMPLES);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 4000);
        Arbitrary<Byte> value = Arbitraries.oneOf(Arbitraries.bytes(), Arbitraries.of((byte) 1, (byte) 2, (byte) 3, (byte) 4,
                (byte) 0x16, (byte) 0x1f, (byte) 0x7f, (byte) '^', (byte) '<', (byte) '\n', (byte) '#', (byte) '='));
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 3);
        return net.jqwik.api.Combinators.combine(sample, position.list().ofMaxSize(8), value.list().ofMaxSize(8), kind)
                .as((s, positions, values, k) -> mutate(s, positions, values, k));
    }

    private static byte[] mutate(byte[] sample, List<Integer> positions, List<Byte> values, int kind) {
        byte[] b = sample.clone();
        if (b.length == 0) {
            return b;
        }
        switch (kind) {
            case 0 -> {
                for (int i = 0; i < Math.min(positions.size(), values.size()); i++) {
                    b[positions.get(i) % b.length] = values.get(i);
                }
            }
            case 1 -> {
                int cut = positions.isEmpty() ? b.length / 2 : positions.get(0) % b.length;
                b = java.util.Arrays.copyOf(b, cut);
            }
            case 2 -> {
                int from = positions.isEmpty() ? 0 : positions.get(0) % b.length;
                int len = Math.min(b.length - from, 40);
                byte[] out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, from);
                System.arraycopy(b, from + len, out, from, b.length - from - len);
                b = out;
            }
            default -> {
                byte[] twice = new byte[b.length * 2];
                System.arraycopy(b, 0, twice, 0, b.length);
                System.arraycopy(b, 0, twice, b.length, b.length);
                b = twice;
            }
        }
        return b;
    }

    private static void check(WireParser p, byte[] bytes) {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            try {
                ParseResult r = p.parse(Samples.input(bytes));
                for (Story s : r.stories()) {
                    assertFalse(Samples.hasControl(s.body()), p.format() + " body with a control character");
                    assertFalse(s.headline() != null && Samples.hasControl(s.headline()), p.format() + " headline with a control character");
                }
            } catch (ParseException expected) {
                // the one way a parser may refuse an input
            }
        }, () -> p.format() + " took longer than 2 s");
    }
}
