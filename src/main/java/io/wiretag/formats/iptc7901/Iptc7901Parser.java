package io.wiretag.formats.iptc7901;

import io.wiretag.formats.Charsets;
import io.wiretag.formats.Dates;
import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.RawInput;
import io.wiretag.formats.Sniff;
import io.wiretag.formats.WireParser;
import io.wiretag.formats.anpa.PriorityMap;
import io.wiretag.formats.anpa.WireText;
import io.wiretag.story.PubStatus;
import io.wiretag.story.Revision;
import io.wiretag.story.StoryDraft;
import io.wiretag.story.Text;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPTC 7901 wire stories read as bytes (dpa, SDA/ATS and other European agencies): SOH and the header
 * line (service id, priority digit, category, word count, source), slug lines, STX, the headline ending
 * in {@code =} (with kicker lines such as {@code EXTRA} before it), the text, a {@code #} notebook that is
 * not for publication, ETX and the footer ({@code 131137 GMT Nov 13}). DEL padding, Latin-1 bytes and
 * mixed line ends are expected.
 */
public final class Iptc7901Parser implements WireParser {
    private static final Pattern HEADER = Pattern.compile("^\\s*(\\S{2,12})\\s+(\\d)\\s+([a-z]{1,3})\\s+(\\d{1,5})\\b\\s*(.*)$");
    private static final Pattern FOOTER = Pattern.compile(
            "(\\d{2})(\\d{2})(\\d{2})\\s*(GMT|UTC|UT|MEZ|MESZ|CET|CEST)?\\s+(\\p{L}{3,4})\\.?\\s+(\\d{2}|\\d{4})\\b");
    private static final Pattern DATELINE = Pattern.compile(
            "^(\\p{Lu}[^()\\n]{1,60}?\\s\\((?:dpa|ats|sda|afp|apa|ap|epd|kna|reuters|ansa)\\b[^)]{0,30}\\))\\s*(?:[-\u2013\u2014]\\s*)?",
            Pattern.CASE_INSENSITIVE);
    /** A byline line in the heading block: "By Manuel Schwarz, dpa", "Von Erika Beispiel, dpa", "Par ..." (a whole line of capitalised words after the "by"); group 1 is the name part. */
    private static final Pattern BYLINE = Pattern.compile(
            "^(?:By|BY|Von|VON|Par|PAR|Por|POR)\\s+(\\p{Lu}[\\p{L}.'\\-]*(?:\\s+(?:\\p{Lu}[\\p{L}.'\\-]*|von|van|de|der|di|da|la|le)){0,5}"
                    + "(?:\\s*(?:,|and|und|et|y)\\s*[\\p{L}.' \\-]{2,40})?)\\s*=?$");
    /** The agency's closing line: {@code dpa wsz jln npr}, {@code (SDA\/sj)}. */
    private static final Pattern CLOSING = Pattern.compile(
            "^(?:dpa(?:\\s+[a-z]{1,4}){1,6}|\\((?:[A-Z]{2,5}\\s*)+(?:\\\\?/[A-Za-z/\\\\ ]{1,20})?\\))$");
    private static final Pattern NOT_FOR_PUBLICATION = Pattern.compile(
            "(?i)not for publication|nicht zur Ver\u00f6ffentlichung|pas pour publication|non destin\u00e9 \u00e0 la publication");
    private static final Pattern CORRECTION = Pattern.compile("(?i)^(?:correction|corrected|berichtigung|korrektur|rectificatif|correctif|rettifica)\\b");
    private static final Pattern UPDATE = Pattern.compile("(?i)^(?:update|updated|neu|new|mise \u00e0 jour|aktualisierung|zusammenfassung|roundup|wdh)\\b");
    private static final Pattern KILL = Pattern.compile("(?i)^(?:kill|annullierung|annulation|storno|withdrawn|zur\u00fcckgezogen)\\b");
    /** Zone of footers that name none, per provider (SDA/ATS writes Swiss local time). */
    private static final Map<String, ZoneId> LOCAL_ZONES = Map.of("sda", ZoneId.of("Europe/Zurich"));

    private final PriorityMap priorities;
    private final int maxBytes;

    public Iptc7901Parser() {
        this(PriorityMap.standard());
    }

    public Iptc7901Parser(PriorityMap priorities) {
        this(priorities, FormatDetector.DEFAULT_MAX_BYTES);
    }

    /** Refuses an input over {@code maxBytes} (wiretag.max.input.bytes) before reading it. */
    public Iptc7901Parser(PriorityMap priorities, int maxBytes) {
        this.priorities = priorities;
        this.maxBytes = maxBytes;
    }

    @Override
    public String format() {
        return "iptc7901";
    }

    /** An SOH (after at most DEL and line-end padding) with a header of the 7901 shape and an STX after it. */
    @Override
    public int sniff(Sniff sniff) {
        byte[] b = sniff.bytes();
        int i = 0;
        while (i < b.length && i < 64 && (b[i] == WireText.DEL || b[i] == '\r' || b[i] == '\n' || b[i] == ' ')) {
            i++;
        }
        if (i >= b.length || b[i] != WireText.SOH) {
            return 0;
        }
        int end = i + 1;
        while (end < b.length && end < i + 120 && b[end] != '\r' && b[end] != '\n') {
            if (b[end] == WireText.US || b[end] >= 0x11 && b[end] <= 0x14) {
                return 0; // ANPA's selector markers
            }
            end++;
        }
        String header = new String(b, i + 1, end - i - 1, java.nio.charset.StandardCharsets.ISO_8859_1);
        boolean stx = false;
        for (int k = end; k < Math.min(b.length, end + 400); k++) {
            if (b[k] == WireText.STX) {
                stx = true;
                break;
            }
        }
        return HEADER.matcher(header).matches() ? (stx ? 90 : 60) : stx ? 40 : 0;
    }

    @Override
    public ParseResult parse(RawInput input) throws ParseException {
        byte[] bytes = input.bytes();
        WireText.checkSize(format(), bytes, maxBytes);
        Charsets.Decoded decoded = Charsets.decode(bytes, null);
        String all = decoded.text();
        int soh = all.indexOf(WireText.SOH);
        if (soh < 0) {
            throw new ParseException("iptc7901: no SOH (start of header) in the input: not an IPTC 7901 transmission");
        }
        int stx = all.indexOf(WireText.STX, soh);
        if (stx < 0) {
            throw new ParseException("iptc7901: header without STX (start of text): a service message or a cut-off transmission");
        }
        int etx = all.indexOf(WireText.ETX, stx);
        int eot = all.indexOf(WireText.EOT, Math.max(stx, etx));
        String header = all.substring(soh + 1, stx);
        String text = all.substring(stx + 1, etx >= 0 ? etx : eot >= 0 ? eot : all.length());
        String footer = etx < 0 ? "" : all.substring(etx + 1, eot >= 0 ? eot : all.length());

        StoryDraft d = new StoryDraft();
        List<String> headerLines = WireText.lines(header);
        Matcher h = HEADER.matcher(headerLines.isEmpty() ? "" : WireText.printable(headerLines.get(0)));
        String priority = null;
        String source = "";
        if (h.matches()) {
            priority = h.group(2);
            source = h.group(5);
        } else {
            d.warnings.add("iptc7901: header line not in the 7901 shape, priority unknown");
        }
        for (String line : headerLines.subList(Math.min(1, headerLines.size()), headerLines.size())) {
            String s = WireText.printable(line).strip();
            if (!s.isEmpty()) {
                d.slugline = s.replaceFirst("/+$", "");
                break;
            }
        }

        List<String> lines = WireText.lines(text);
        int i = headline(lines, d);
        body(lines, i, d);
        if (d.paragraphs.isEmpty() && (d.headline == null || d.headline.isBlank())) {
            throw new ParseException("iptc7901: no headline and no text between STX and ETX: a service message, not a story");
        }
        d.provider = provider(source, d, input.provider());
        dateline(d);
        footer(footer, d);
        Integer u = priorities.urgency("iptc7901", d.provider, priority);
        d.urgency = u;
        if (priority != null && u == null) {
            d.warnings.add("iptc7901: unknown priority '" + priority + "', urgency left empty");
        }
        return ParseResult.of(d.build(input.delivery(format(), null, decoded.detected())));
    }

    /**
     * The heading block, read as a desk editor reads it: the lines after STX up to the first blank line (or
     * up to the dateline that opens the text). A byline line ({@code By Manuel Schwarz, dpa}) is the byline
     * wherever it stands, even above the headline and even with a blank line after it. The line ending in
     * {@code =} is the headline; lines before it are kickers ({@code EXTRA}, a topic), which may say the story
     * is a correction, an update or a kill. Returns the index of the first line after the block.
     */
    private static int headline(List<String> lines, StoryDraft d) {
        List<String> block = new ArrayList<>();
        int i = 0;
        int blockStart = -1;
        while (i < lines.size() && block.size() < 8) {
            if (WireText.isBlank(lines.get(i))) {
                if (!block.isEmpty()) {
                    break;
                }
                i++; // blank lines before the block, or between a byline and the headline
                continue;
            }
            String s = WireText.printable(lines.get(i)).strip();
            Matcher by = BYLINE.matcher(s);
            if (by.matches() && d.byline == null) {
                d.byline = by.group(1).strip();
                i++;
                continue;
            }
            if (!block.isEmpty() && DATELINE.matcher(s).find()) {
                break; // the dateline opens the text: the block ended without a blank line
            }
            if (blockStart < 0) {
                blockStart = i;
            }
            block.add(s);
            i++;
            if (s.endsWith("=")) {
                break;
            }
        }
        int marked = -1;
        for (int k = 0; k < block.size(); k++) {
            if (block.get(k).endsWith("=")) {
                marked = k;
                break;
            }
        }
        if (marked < 0) {
            if (block.size() > 3 || !block.isEmpty() && DATELINE.matcher(block.get(0)).find()) {
                // no '=' line and a long block (or the dateline itself): that is text, there is no headline
                return blockStart < 0 ? i : blockStart;
            }
            d.headline = block.isEmpty() ? null : String.join(" ", block);
            return i;
        }
        d.headline = block.get(marked).replaceFirst("\\s*=$", "").strip();
        for (String kicker : block.subList(0, marked)) {
            if (KILL.matcher(kicker).find()) {
                d.revision = Revision.KILL;
                d.pubStatus = PubStatus.CANCELED;
            } else if (CORRECTION.matcher(kicker).find() && d.revision == null) {
                d.revision = Revision.CORRECTION;
            } else if (UPDATE.matcher(kicker).find() && d.revision == null) {
                d.revision = Revision.UPDATE;
            }
        }
        return i;
    }

    /** Paragraphs until a {@code #} notebook or a not-for-publication line; those and the closing line go to editorNotes. */
    private static void body(List<String> lines, int from, StoryDraft d) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        boolean notes = false;
        for (int i = from; i < lines.size(); i++) {
            String s = WireText.printable(lines.get(i)).strip();
            if (s.isEmpty()) {
                add(para, notes ? d.editorNotes : paragraphs);
                continue;
            }
            if (!notes && (s.startsWith("#") || NOT_FOR_PUBLICATION.matcher(s).find())) {
                add(para, paragraphs);
                notes = true;
            }
            if (notes) {
                s = s.replaceFirst("^#+\\s*", "").replaceFirst("^[-*]\\s+", "");
                if (s.matches("[*\\s]*")) {
                    continue;
                }
                // a notebook keeps its lines: contacts and links are one per line
                add(para, d.editorNotes);
                para.append(s);
                add(para, d.editorNotes);
                continue;
            }
            if (!para.isEmpty()) {
                para.append(' ');
            }
            para.append(s);
        }
        add(para, notes ? d.editorNotes : paragraphs);
        while (!paragraphs.isEmpty() && CLOSING.matcher(paragraphs.get(paragraphs.size() - 1)).matches()) {
            d.editorNotes.add(paragraphs.remove(paragraphs.size() - 1));
        }
        d.paragraphs.addAll(paragraphs);
    }

    private static void add(StringBuilder para, List<String> to) {
        String p = para.toString().strip();
        para.setLength(0);
        if (!p.isEmpty()) {
            to.add(p);
        }
    }

    /** The agency named in the header's source field or in the dateline; else the delivery's provider. */
    private static String provider(String source, StoryDraft d, String inputProvider) {
        String first = d.paragraphs.isEmpty() ? "" : d.paragraphs.get(0).toLowerCase(Locale.ROOT);
        String src = " " + source.toLowerCase(Locale.ROOT) + " ";
        String closing = String.join(" ", d.editorNotes).toLowerCase(Locale.ROOT);
        if (first.matches("(?s)^[^()]{1,60}\\((?:ats|sda)\\b.*") || closing.contains("(sda") || closing.contains("(ats")) {
            return "sda";
        }
        if (src.contains(" dpa ") || first.matches("(?s)^[^()]{1,60}\\(dpa\\).*")) {
            return "dpa";
        }
        Matcher m = Pattern.compile("^[^()]{1,60}\\((afp|apa|epd|kna|ansa|reuters|ap)\\)").matcher(first);
        if (m.find()) {
            return m.group(1);
        }
        return inputProvider;
    }

    private static void dateline(StoryDraft d) {
        if (d.paragraphs.isEmpty()) {
            return;
        }
        Matcher m = DATELINE.matcher(d.paragraphs.get(0));
        if (m.find()) {
            d.dateline = m.group(1).strip();
            d.located = d.dateline.replaceFirst("\\s*\\(.*$", "").strip();
        }
    }

    /** {@code 131137 GMT Nov 13}: day 13, 11:37 GMT, November 2013. A footer without zone is local time. */
    private static void footer(String footer, StoryDraft d) {
        String f = WireText.printable(footer).strip();
        Matcher m = FOOTER.matcher(f);
        Instant t = null;
        if (m.find()) {
            int year = m.group(6).length() == 2 ? WireText.year(Integer.parseInt(m.group(6))) : Integer.parseInt(m.group(6));
            String zone = m.group(4) == null ? "" : " " + m.group(4);
            String date = m.group(1) + " " + m.group(5) + " " + year + " " + m.group(2) + ":" + m.group(3) + zone;
            t = Dates.parse(date, LOCAL_ZONES.getOrDefault(String.valueOf(d.provider), ZoneOffset.UTC));
        }
        if (t == null) {
            d.warnings.add("iptc7901: no readable date in the footer" + (f.isEmpty() ? "" : " \"" + Text.cleanParagraph(f) + "\"")
                    + ", versionCreated left empty");
            return;
        }
        d.versionCreated = t;
        d.dateKey = t.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
