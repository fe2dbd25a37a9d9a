package io.wiretag.formats.plain;

import io.wiretag.formats.Charsets;
import io.wiretag.formats.Dates;
import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.RawInput;
import io.wiretag.formats.Sniff;
import io.wiretag.formats.WireParser;
import io.wiretag.story.StoryDraft;
import io.wiretag.story.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain-text stories, the seed's shape: an optional header of {@code key value} tokens
 * ({@code date 2025-02-01}) that may run straight on into the body on the same line, then the body,
 * paragraphs separated by blank lines. Header keys with one-word values ({@code date}, {@code id},
 * {@code version}, {@code urgency}, {@code lang}) end at the value; text keys ({@code headline},
 * {@code byline}, {@code dateline}, {@code slug}, {@code provider}) take the rest of their line.
 * A closing credit such as "(With inputs from agencies)" is an editor's note, not body. Without a
 * {@code headline} key, a first line that stands alone above the body and reads as a title ({@link TitleLine}:
 * "Russland attackiert Kiew erneut", then a blank line) is the story's headline, not its first paragraph, so
 * the lead that topic rules and relevance read is the story's first paragraph, and the title's names are not
 * counted twice.
 */
public final class PlainTextParser implements WireParser {
    private static final Set<String> WORD_KEYS = Set.of("date", "id", "version", "urgency", "lang", "language");
    private static final Set<String> LINE_KEYS = Set.of("headline", "title", "byline", "by", "dateline", "slug", "provider");
    /** A first line with a blank line under it. */
    private static final Pattern FIRST_LINE = Pattern.compile("\\A([^\\n]{1," + TitleLine.MAX_CHARS + "})\\n[ \\t]*\\n");
    private static final Pattern CREDIT = Pattern.compile(
            "\\((?:with )?(?:inputs?|additional reporting|reporting|writing|editing|compiled|source)s?\\b[^()]*\\)",
            Pattern.CASE_INSENSITIVE);

    private final int maxBytes;

    public PlainTextParser() {
        this(FormatDetector.DEFAULT_MAX_BYTES);
    }

    /** Refuses an input over {@code maxBytes} (wiretag.max.input.bytes) before reading it. */
    public PlainTextParser(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public String format() {
        return "plain";
    }

    @Override
    public int sniff(Sniff sniff) {
        String head = sniff.head();
        if (head.isEmpty() || head.charAt(0) == '<' || head.charAt(0) == '{' || head.charAt(0) == '[') {
            return 0;
        }
        int control = 0;
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f) {
                control++;
            }
        }
        return control == 0 ? 10 : 0;
    }

    @Override
    public ParseResult parse(RawInput input) throws ParseException {
        io.wiretag.formats.anpa.WireText.checkSize(format(), input.bytes(), maxBytes);
        Charsets.Decoded decoded = Charsets.decode(input.bytes(), null);
        String text = decoded.text().replace("\r\n", "\n").replace('\r', '\n').strip();
        if (text.isEmpty()) {
            throw new ParseException("plain: only white space, no story text");
        }
        StoryDraft draft = new StoryDraft();
        String rest = readHeader(text, draft);
        if (draft.headline == null) {
            Matcher title = FIRST_LINE.matcher(rest);
            if (title.find() && TitleLine.isTitle(title.group(1)) && !rest.substring(title.end()).isBlank()) {
                draft.headline = title.group(1).strip();
                rest = rest.substring(title.end());
            }
        }
        List<String> paragraphs = splitParagraphs(rest);
        if (!paragraphs.isEmpty() && CREDIT.matcher(paragraphs.get(paragraphs.size() - 1)).matches()) {
            draft.editorNotes.add(paragraphs.remove(paragraphs.size() - 1));
        }
        if (paragraphs.isEmpty()) {
            throw new ParseException("plain: a header but no body text");
        }
        draft.paragraphs.addAll(paragraphs);
        return ParseResult.of(draft.build(input.delivery(format(), null, decoded.detected())));
    }

    /** Reads header tokens into the draft and returns the text after them. */
    private static String readHeader(String text, StoryDraft draft) {
        int pos = 0;
        while (pos < text.length()) {
            int keyEnd = wordEnd(text, pos);
            String key = text.substring(pos, keyEnd);
            int valueStart = skipSpaces(text, keyEnd);
            if (valueStart == keyEnd || valueStart >= text.length() || text.charAt(valueStart) == '\n') {
                break;
            }
            if (WORD_KEYS.contains(key)) {
                int valueEnd = wordEnd(text, valueStart);
                if (!applyWord(key, text.substring(valueStart, valueEnd), draft)) {
                    break;
                }
                pos = skipWhite(text, valueEnd);
            } else if (LINE_KEYS.contains(key)) {
                int lineEnd = text.indexOf('\n', valueStart);
                lineEnd = lineEnd < 0 ? text.length() : lineEnd;
                applyLine(key, text.substring(valueStart, lineEnd).strip(), draft);
                pos = skipWhite(text, lineEnd);
            } else {
                break;
            }
        }
        return text.substring(pos);
    }

    private static boolean applyWord(String key, String value, StoryDraft draft) {
        switch (key) {
            case "date" -> {
                var instant = Dates.parse(value);
                if (instant == null) {
                    return false; // not a header after all: "date" is the body's first word
                }
                draft.versionCreated = instant;
                draft.dateKey = value;
            }
            case "urgency" -> {
                if (!value.matches("[1-9]")) {
                    return false;
                }
                draft.urgency = Integer.parseInt(value);
            }
            case "lang", "language" -> {
                if (!value.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
                    return false;
                }
                draft.language = value;
            }
            case "id" -> draft.guid = value;
            case "version" -> draft.version = value;
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void applyLine(String key, String value, StoryDraft draft) {
        switch (key) {
            case "headline", "title" -> draft.headline = value;
            case "byline", "by" -> draft.byline = value;
            case "dateline" -> draft.dateline = value;
            case "slug" -> draft.slugline = value;
            case "provider" -> draft.provider = value.toLowerCase(Locale.ROOT);
            default -> throw new IllegalArgumentException(key);
        }
    }

    /**
     * Paragraphs are separated by blank lines; lines inside one are folded. Text with no blank line at all
     * but several lines has one paragraph per line, as many plain-text feeds send it.
     */
    static List<String> splitParagraphs(String body) {
        List<String> out = new ArrayList<>();
        boolean blankSeparated = body.matches("(?s).*\\n[ \\t]*\\n.*");
        String[] parts = blankSeparated ? body.split("\\n[ \\t]*\\n") : body.split("\\n");
        for (String part : parts) {
            String p = Text.cleanParagraph(part);
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    private static int wordEnd(String s, int from) {
        int i = from;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipSpaces(String s, int from) {
        int i = from;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static int skipWhite(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
