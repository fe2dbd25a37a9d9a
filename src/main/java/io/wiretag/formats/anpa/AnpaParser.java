package io.wiretag.formats.anpa;

import io.wiretag.formats.Charsets;
import io.wiretag.formats.Dates;
import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.Items;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.RawInput;
import io.wiretag.formats.Sniff;
import io.wiretag.formats.WireParser;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ANPA-1312 wire stories read as bytes: SYN SYN SOH, the service line and selector, the priority and
 * category letters, STX, the text with its {@code ^...<} header lines and TAB paragraphs, ETX and the
 * footer ({@code AP-WF-11-13-13 1509GMT}), EOT. Also Kyodo's variant (no SYN, 5-space indents, a plain
 * keyword and headline line). Several messages in one input become several stories.
 */
public final class AnpaParser implements WireParser {
    /** Priority letter, category letters, then (after the DC codes) keyword, take key, date, word count. */
    private static final Pattern SELECTOR = Pattern.compile("^\\s*([a-z])\\s+([a-z]{1,2})\\s*(.*?)\\s+(\\d{2})-(\\d{2})(?:\\s+(\\d{1,5}))?\\s*$");
    private static final Pattern AP_FOOTER = Pattern.compile("([A-Z]{2,6})-[A-Z]{2}-(\\d{2})-(\\d{2})-(\\d{2})\\s+(\\d{2})(\\d{2})\\s*GMT");
    private static final Pattern KYODO_FOOTER = Pattern.compile("([A-Z]{2,6})-(\\d{2}):(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})");
    private static final Pattern LEAD = Pattern.compile("(?i)\\b(\\d{1,2})\\s*(?:st|nd|rd|th)\\s*Ld\\b");
    private static final Pattern UPDATE = Pattern.compile("(?i)\\b(?:\\d{1,2}\\s*(?:st|nd|rd|th)\\s*Ld|Writethru|Write-thru|Update|Sub)\\b");
    private static final Pattern CORRECTION = Pattern.compile("(?i)\\b(?:Correction|Corrects|Corrected|Corrective)\\b");
    private static final Pattern KILL = Pattern.compile("(?i)\\b(?:Kill|Killed|Elimination|Eliminate|Withdrawal|Withdraw)\\b");
    private static final Pattern DATELINE = Pattern.compile("^(\\p{Lu}[^()]{1,80}?\\((?:AP|Kyodo|KYODO)\\))\\s+[_\u2014]\\s+"
            + "|^(\\p{Lu}[\\p{L} .,'-]{1,80}?\\d{1,2}\\s+Kyodo)\\s+-\\s+");

    /** Messages read from one input; one more is split off, so that what is not read is reported, never dropped silently. */
    static final int MAX_MESSAGES = 10_000;
    /** Per line or paragraph of a story, so compiled once: a 1,000,000-line file spent most of its time compiling them. */
    private static final Pattern END_MARK = Pattern.compile("\\^?END\\s*<?");
    private static final Pattern SEPARATOR = Pattern.compile("[_\\-=*\\s]+");

    /** What a keyword line keeps of the transmission's control codes: {@code *9006< ^AP-Top-...}. */
    private static final Pattern CONTROL_RESIDUE = Pattern.compile("^(?:\\*?\\d*<\\s*\\^\\s*)+");
    private static final Pattern AGENCY_OR_TITLE = Pattern.compile(
            "(?i)^(?:the\\s+)?associated press\\b|^AP$|\\b(?:writer|correspondent|editor|reporter|columnist|critic)s?$");

    private final PriorityMap priorities;
    private final int maxBytes;

    public AnpaParser() {
        this(PriorityMap.standard());
    }

    public AnpaParser(PriorityMap priorities) {
        this(priorities, FormatDetector.DEFAULT_MAX_BYTES);
    }

    /** Refuses an input over {@code maxBytes} (wiretag.max.input.bytes) before reading it. */
    public AnpaParser(PriorityMap priorities, int maxBytes) {
        this.priorities = priorities;
        this.maxBytes = maxBytes;
    }

    @Override
    public String format() {
        return "anpa";
    }

    /** Certain for SYN SYN SOH; for a bare SOH only with ANPA's US after the service id or its DC codes. */
    @Override
    public int sniff(Sniff sniff) {
        byte[] b = sniff.bytes();
        int i = 0;
        while (i < b.length && i < 8 && (b[i] == WireText.SYN || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        if (i >= b.length || b[i] != WireText.SOH) {
            return 0;
        }
        boolean syn = i > 0 && b[i - 1] == WireText.SYN;
        boolean us = false;
        boolean dc = false;
        for (int k = i + 1; k < Math.min(b.length, i + 200); k++) {
            if (b[k] == WireText.STX) {
                break;
            }
            us |= b[k] == WireText.US;
            dc |= b[k] >= 0x11 && b[k] <= 0x14;
        }
        if (syn && (us || dc)) {
            return 100;
        }
        return us && dc ? 95 : us || dc ? 60 : 0;
    }

    @Override
    public ParseResult parse(RawInput input) throws ParseException {
        byte[] bytes = input.bytes();
        WireText.checkSize(format(), bytes, maxBytes);
        Charsets.Decoded decoded = Charsets.decode(bytes, null);
        String all = decoded.text();
        List<String> messages = split(all);
        if (messages.isEmpty()) {
            throw new ParseException("anpa: no SOH (start of header) in the input: not an ANPA-1312 transmission");
        }
        StoryDraft.Delivery delivery = input.delivery(format(), null, decoded.detected());
        return Items.read(messages, MAX_MESSAGES,
                "anpa: more than " + MAX_MESSAGES + " messages in one input; messages from here on were not read",
                (message, i) -> read(message, input.provider()).build(delivery),
                failures -> "anpa: none of the " + failures.size() + " messages is a story; first: " + failures.get(0).reason());
    }

    /** The messages of a transmission: each runs from an SOH to the next SOH (or the end). */
    static List<String> split(String all) {
        List<String> out = new ArrayList<>();
        int soh = all.indexOf(WireText.SOH);
        while (soh >= 0 && out.size() <= MAX_MESSAGES) {
            int next = nextMessage(all, soh);
            out.add(all.substring(soh + 1, next < 0 ? all.length() : next));
            soh = next;
        }
        return out;
    }

    /** The next SOH that starts a message: after an EOT, not an SOH inside the text. */
    private static int nextMessage(String all, int soh) {
        int eot = all.indexOf(WireText.EOT, soh);
        return eot < 0 ? -1 : all.indexOf(WireText.SOH, eot);
    }

    private StoryDraft read(String msg, String inputProvider) throws ParseException {
        int stx = msg.indexOf(WireText.STX);
        if (stx < 0) {
            throw new ParseException("anpa: header without STX (start of text): a service message or a cut-off "
                    + "transmission, no story text");
        }
        int etx = msg.indexOf(WireText.ETX, stx);
        int eot = msg.indexOf(WireText.EOT, Math.max(stx, etx));
        String header = msg.substring(0, stx);
        String text = msg.substring(stx + 1, etx >= 0 ? etx : eot >= 0 ? eot : msg.length());
        String footer = etx < 0 ? "" : msg.substring(etx + 1, eot >= 0 ? eot : msg.length());

        StoryDraft d = new StoryDraft();
        List<String> headerLines = WireText.lines(header);
        String service = headerLines.isEmpty() ? "" : headerLines.get(0);
        String priority = null;
        String keyword = null;
        String headerDate = null;
        for (String line : headerLines.subList(Math.min(1, headerLines.size()), headerLines.size())) {
            Matcher m = SELECTOR.matcher(WireText.printable(line));
            if (m.matches()) {
                priority = m.group(1);
                keyword = m.group(3).strip();
                headerDate = m.group(4) + "-" + m.group(5);
                break;
            }
        }
        if (priority == null) {
            d.warnings.add("anpa: no priority/category line in the header, urgency left empty");
        }

        Footer f = footer(footer + "\n" + tail(text));
        d.provider = provider(service, f, text, inputProvider);
        if (f.time != null) {
            d.versionCreated = f.time;
            d.dateKey = f.time.atZone(ZoneOffset.UTC).toLocalDate().toString();
        } else {
            d.warnings.add("anpa: no readable date in the footer" + (footer.isBlank() ? "" : " \"" + Text.cleanParagraph(footer) + "\"")
                    + ", versionCreated left empty");
            d.dateKey = headerDate;
        }

        Body body = body(WireText.lines(text), d);
        String takeKey = body.takeKey != null ? body.takeKey : takeKeyOf(keyword);
        d.slugline = body.slug != null ? body.slug : keyword == null ? null : keyword.replaceFirst("\\s.*$", "");
        d.paragraphs.addAll(body.paragraphs);
        if (d.paragraphs.isEmpty() && (d.headline == null || d.headline.isBlank())) {
            throw new ParseException("anpa: message " + Text.cleanParagraph(service) + " has no headline and no text: a service message, not a story");
        }
        dateline(d);
        revision(d, takeKey, keyword);
        urgency(d, priority);
        return d;
    }

    /** The last lines of the text: AP puts the footer before ETX's line end, Kyodo after it. */
    private static String tail(String text) {
        return text.length() > 200 ? text.substring(text.length() - 200) : text;
    }

    private record Footer(String agency, Instant time) {
    }

    private static Footer footer(String s) {
        String p = WireText.printable(s);
        Matcher ap = AP_FOOTER.matcher(p);
        if (ap.find()) {
            Instant t = Dates.parse(String.format(Locale.ROOT, "%04d-%s-%sT%s:%s:00Z", WireText.year(Integer.parseInt(ap.group(4))),
                    ap.group(2), ap.group(3), ap.group(5), ap.group(6)));
            return new Footer(ap.group(1), t);
        }
        Matcher ky = KYODO_FOOTER.matcher(p);
        if (ky.find()) {
            // Kyodo writes hh:mm-dd-mm-yy in Tokyo time (the footer of a 9 December story reads 09-12-18).
            Instant t = Dates.parse(String.format(Locale.ROOT, "%04d-%s-%sT%s:%s:00", WireText.year(Integer.parseInt(ky.group(6))),
                    ky.group(5), ky.group(4), ky.group(2), ky.group(3)), ZoneId.of("Asia/Tokyo"));
            return new Footer(ky.group(1), t);
        }
        return new Footer(null, null);
    }

    private static String provider(String service, Footer f, String text, String inputProvider) {
        if (service.toUpperCase(Locale.ROOT).contains("KYODO") || text.contains(" Kyodo - ") || text.contains("==Kyodo")) {
            return "kyodo";
        }
        if ("AP".equals(f.agency) || text.contains("(AP) _") || text.contains("(AP) --")) {
            return "ap";
        }
        if (f.agency != null && !f.agency.startsWith("KWS")) {
            return f.agency.toLowerCase(Locale.ROOT);
        }
        return inputProvider;
    }

    private static final class Body {
        final List<String> paragraphs = new ArrayList<>();
        /** Agate: rows keep their own lines. */
        boolean table;
        String slug;
        String takeKey;
    }

    /**
     * The text: {@code ^} header lines (keyword, headline, Eds:, byline) until the first paragraph, then
     * paragraphs. A paragraph starts at an indent (TAB or 3+ spaces) and ends at a blank line or at a
     * line ending in {@code <} (quad left: a table row or a header line keeps its own line).
     */
    private static Body body(List<String> lines, StoryDraft d) {
        Body b = new Body();
        int i = 0;
        boolean keywordSeen = false;
        // header lines
        for (; i < lines.size(); i++) {
            String raw = WireText.printable(lines.get(i));
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("^") && !isIndented(raw)) {
                String content = line.substring(1).replaceFirst("[<=]\\s*$", "").strip();
                boolean agencyLine = line.endsWith("=");
                boolean bare = !agencyLine && !line.endsWith("<");
                if (!keywordSeen) {
                    keywordSeen = true;
                    keywordLine(CONTROL_RESIDUE.matcher(content).replaceFirst(""), b);
                } else if (isColumnHeader(content)) {
                    // agate: the column header row opens the table; it is the table's first line, never a headline
                    b.table = true;
                    break;
                } else if (content.regionMatches(true, 0, "Eds:", 0, 4) || content.toUpperCase(Locale.ROOT).startsWith("EDITOR'S NOTE")
                        || content.startsWith("AP Photo") || content.startsWith("AP Video") || content.startsWith("With AP")) {
                    d.editorNotes.add(content);
                } else if (agencyLine) {
                    if (content.regionMatches(true, 0, "By ", 0, 3)) {
                        d.byline = d.byline == null ? content.substring(3).strip() : d.byline;
                    } else if (content.regionMatches(true, 0, "All Times", 0, 9)) {
                        d.editorNotes.add(content);
                    } else if (d.headline == null && !isAgencyOrTitle(content)) {
                        // tables and agate title their copy with '=': "Wild Card Glance="
                        d.headline = content;
                    } else if (d.headline != null && isSectionName(content)) {
                        // "AMERICAN LEAGUE=": a table's first section; the text starts here
                        b.table = true;
                        break;
                    }
                    // other '=' lines name the agency or the writer's title: not text
                } else if (bare && d.headline != null) {
                    // a digest ("AP Top Entertainment News"): one headline per bare '^' line, each a paragraph
                    b.paragraphs.add(typography(content));
                } else if (d.headline == null) {
                    d.headline = content;
                } else {
                    d.editorNotes.add(content);
                }
                continue;
            }
            if (!keywordSeen && !isIndented(raw) && line.matches("BC-\\S.*")) {
                // Kyodo: the keyword without '^', then the headline up to the first indented paragraph
                keywordSeen = true;
                keywordLine(line, b);
                StringBuilder head = new StringBuilder();
                int k = i + 1;
                while (k < lines.size() && !isIndented(WireText.printable(lines.get(k))) && !WireText.isBlank(lines.get(k))) {
                    head.append(' ').append(WireText.printable(lines.get(k)).strip());
                    k++;
                }
                String h = head.toString().strip().replaceFirst("\\+$", "").strip();
                if (!h.isEmpty()) {
                    d.headline = h;
                }
                i = k;
            }
            break;
        }
        // paragraphs
        StringBuilder para = new StringBuilder();
        for (; i < lines.size(); i++) {
            String raw = WireText.printable(lines.get(i));
            String line = raw.strip();
            if (line.isEmpty()) {
                flush(para, b);
                continue;
            }
            if (line.startsWith("==") || line.equals("^END<") || line.contains("END") && END_MARK.matcher(line).matches()) {
                flush(para, b); // Kyodo's agency signature, AP's end-of-table marker
                continue;
            }
            if (AP_FOOTER.matcher(line).find() && line.length() < 40) {
                continue;
            }
            if (isIndented(raw) || b.table) {
                flush(para, b); // a table keeps one row per line
            }
            boolean hardEnd = line.endsWith("<") || line.startsWith("^") && line.endsWith("=");
            if (hardEnd) {
                line = line.substring(0, line.length() - 1).stripTrailing();
            }
            if (line.startsWith("^")) {
                line = line.substring(1);
            }
            if (!para.isEmpty()) {
                para.append(' ');
            }
            para.append(line);
            if (hardEnd) {
                flush(para, b);
            }
        }
        flush(para, b);
        return b;
    }

    /**
     * A table's column header row: at least three short cells (spaces or ';' between them), two of them
     * one or two characters ({@code W L Pct WCGB}, {@code ;W;L;Pct;GB;WCGB;L10}).
     */
    static boolean isColumnHeader(String content) {
        String[] cells = content.strip().split("[\\s;]+");
        int cells1or2 = 0;
        int n = 0;
        for (String c : cells) {
            if (c.isEmpty()) {
                continue;
            }
            if (c.length() > 5 || !c.matches("[\\p{L}\\d%+/.-]+")) {
                return false;
            }
            n++;
            cells1or2 += c.length() <= 2 ? 1 : 0;
        }
        return n >= 3 && cells1or2 >= 2;
    }

    /** "AMERICAN LEAGUE", "EAST DIVISION": an upper-case name that is not an agency or a writer's title. */
    private static boolean isSectionName(String content) {
        return content.matches("[\\p{Lu}\\d][\\p{Lu}\\d .,'&-]{2,60}") && !isAgencyOrTitle(content);
    }

    /** The '=' lines that are never a headline: the agency's name, a writer's title. */
    private static boolean isAgencyOrTitle(String content) {
        return AGENCY_OR_TITLE.matcher(content).find();
    }

    private static boolean isIndented(String raw) {
        return raw.startsWith("\t") || raw.startsWith("   ");
    }

    /** {@code BC-US--Ethanol-Losing Grassland, 1st Ld-Writethru,1140}: slug, take key, word count. */
    private static void keywordLine(String content, Body b) {
        String k = content.replaceFirst(",\\s*\\d*\\s*$", "").strip();
        int comma = k.indexOf(',');
        b.slug = (comma < 0 ? k : k.substring(0, comma)).strip();
        if (comma >= 0) {
            String take = k.substring(comma + 1).strip();
            b.takeKey = take.isEmpty() ? null : take;
        }
    }

    private static void flush(StringBuilder para, Body b) {
        String p = typography(para.toString().strip());
        para.setLength(0);
        if (p.isEmpty() || SEPARATOR.matcher(p).matches()) {
            return; // separators such as AP's "___"
        }
        b.paragraphs.add(p);
    }

    /** AP's ANPA typewriter conventions: {@code ``...''} are quotes, a spaced underscore is a dash. */
    static String typography(String s) {
        String t = s.replace("``", "\u201C").replace("''", "\u201D").replace('`', '\u2018').replace(" _ ", " \u2014 ");
        return t.startsWith("_ ") ? "\u2014 " + t.substring(2) : t;
    }

    /** The take key after the keyword in the selector line: {@code BC-US--Ethanol-LosingGra 1stLd-Writethru}. */
    private static String takeKeyOf(String keyword) {
        if (keyword == null) {
            return null;
        }
        String[] parts = keyword.strip().split("\\s+", 2);
        return parts.length > 1 ? parts[1].strip() : null;
    }

    private static void dateline(StoryDraft d) {
        if (d.paragraphs.isEmpty()) {
            return;
        }
        Matcher m = DATELINE.matcher(d.paragraphs.get(0));
        if (m.find()) {
            d.dateline = m.group(1) != null ? m.group(1) : m.group(2);
            d.located = d.dateline.replaceFirst("\\s*\\(.*$", "").replaceFirst(",.*$", "").strip();
            if (d.headline == null || d.headline.isBlank()) {
                // APNewsAlert and tables have no headline line: the lead's first sentence, without the dateline
                String rest = d.paragraphs.get(0).substring(m.end()).strip();
                d.headline = rest.isEmpty() ? null : Text.firstSentence(rest);
            }
        }
    }

    /** Take keys say what a version is: {@code 1stLd-Writethru} an update, {@code Correction}, {@code Kill}. */
    private static void revision(StoryDraft d, String takeKey, String keyword) {
        String keys = (takeKey == null ? "" : takeKey) + " " + (keyword == null ? "" : keyword);
        Matcher lead = LEAD.matcher(keys);
        boolean eds = d.editorNotes.stream().anyMatch(n -> n.matches("(?is)^Eds:\\s*(Corrects|Correction).*"));
        if (KILL.matcher(keys).find()) {
            d.revision = Revision.KILL;
            d.pubStatus = PubStatus.CANCELED;
        } else if (CORRECTION.matcher(keys).find() || eds) {
            d.revision = Revision.CORRECTION;
        } else if (UPDATE.matcher(keys).find()) {
            d.revision = Revision.UPDATE;
        } else {
            d.revision = Revision.NEW;
        }
        // The n-th lead is the (n+1)-th version of the story; a story without a take key is the first.
        if (lead.find()) {
            d.version = String.valueOf(Integer.parseInt(lead.group(1)) + 1);
        } else if (d.revision == Revision.NEW) {
            d.version = "1";
        }
    }

    private void urgency(StoryDraft d, String priority) {
        Integer u = priorities.urgency("anpa", d.provider, priority);
        if (priority != null && u == null) {
            d.warnings.add("anpa: unknown priority letter '" + priority + "', urgency left empty");
        }
        int words = WireText.words(d.paragraphs);
        if (u != null && u <= 2 && words > priorities.flashMaxWords()) {
            Integer routine = priorities.urgency("anpa", d.provider, "r");
            d.warnings.add("anpa: priority '" + priority + "' (urgency " + u + ") on a " + words
                    + "-word story is not a flash or bulletin; read as routine");
            u = routine;
        }
        d.urgency = u;
    }
}
