package io.wiretag.formats.apmedia;

import com.fasterxml.jackson.databind.JsonNode;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.ninjs.JsonInput;
import io.wiretag.story.Story;
import io.wiretag.story.Text;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An AP Media API item and its NITF rendition read as one story: which item names a rendition, the file
 * names a rendition has beside its item, and the merge of the two stories (pure; used by the pipeline's
 * join and by {@code parse}).
 */
public final class ApRendition {
    /** The story id an item's rendition takes: the item's own id. */
    public static final String ID_PREFIX = "ap:";
    /** Starts the warning of an item whose text is in a NITF rendition still to come; the merge removes it. */
    static final String AWAITS_NITF = "ap-media: metadata only; the story text is in the NITF rendition";

    private ApRendition() {
    }

    /**
     * What an item says about its NITF rendition: the item id both share, and the rendition's content id,
     * file extension and download address (each may be null but the item id).
     */
    public record NitfRef(String itemId, String contentId, String fileExtension, String href) {
    }

    /**
     * The NITF rendition an AP Media API content answer ({@code data.item}) or bare item names, if it is one
     * and names one; empty for anything else, a feed page included (its items have no file beside them).
     */
    public static Optional<NitfRef> nitfOf(byte[] bytes) {
        JsonNode root;
        try {
            root = JsonInput.read("ap-media", bytes).root();
        } catch (ParseException e) {
            return Optional.empty();
        }
        JsonNode item = root.path("data").path("item");
        if (!item.isObject()) {
            item = root;
        }
        String itemId = JsonInput.text(item.path("altids"), "itemid");
        JsonNode nitf = item.path("renditions").path("nitf");
        if (itemId == null || !nitf.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new NitfRef(itemId, JsonInput.text(nitf, "contentid"), JsonInput.text(nitf, "fileextension"),
                JsonInput.text(nitf, "href")));
    }

    /**
     * The names the rendition may have beside an item file, in the order they are tried: {@code <itemid>.xml},
     * {@code <itemid>.nitf.xml}, {@code <contentid>.xml}, and the item file's name with {@code item} replaced
     * by {@code nitf} and the rendition's extension ({@code x_item.json} -> {@code x_nitf.xml}).
     */
    public static List<String> namesBeside(String itemFileName, NitfRef ref) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        names.add(ref.itemId() + ".xml");
        names.add(ref.itemId() + ".nitf.xml");
        if (ref.contentId() != null) {
            names.add(ref.contentId() + ".xml");
        }
        int dot = itemFileName.lastIndexOf('.');
        String stem = dot > 0 ? itemFileName.substring(0, dot) : itemFileName;
        int at = stem.toLowerCase(Locale.ROOT).lastIndexOf("item");
        if (at >= 0) {
            String ext = ref.fileExtension() == null ? "xml" : ref.fileExtension().replaceFirst("^\\.", "");
            names.add(stem.substring(0, at) + "nitf" + stem.substring(at + "item".length()) + "." + ext);
        }
        names.remove(itemFileName);
        return List.copyOf(names);
    }

    /** True for an item story that waits for its NITF rendition: metadata only, not a kill. */
    public static boolean awaitsRendition(Story s) {
        return s != null && !s.isKill() && s.body().isEmpty() && s.source() != null && "ap-media".equals(s.source().format())
                && s.warnings().stream().anyMatch(w -> w.startsWith(AWAITS_NITF));
    }

    /** The story a NITF rendition of item {@code itemId} becomes: the item's id and guid, the rest as parsed. */
    public static Story asRenditionOf(Story nitf, String itemId) {
        String id = itemId.strip();
        return new Story(ID_PREFIX + id, id, nitf.version(), nitf.versionCreated(), nitf.firstCreated(), nitf.embargoedUntil(),
                nitf.pubStatus(), nitf.revision(), nitf.urgency(), nitf.language(), nitf.headline(), nitf.slugline(), nitf.byline(),
                nitf.dateline(), nitf.located(), nitf.body(), nitf.editorNotes(), nitf.subjects(), nitf.source(), nitf.raw(),
                nitf.warnings(), nitf.duplicateOf(), nitf.kill(), nitf.tags());
    }

    /** A rendition released without its item: as parsed, with a warning that says so. */
    public static Story withoutItem(Story rendition, Duration waited) {
        List<String> warnings = new ArrayList<>(rendition.warnings());
        warnings.add("ap-media: NITF rendition of " + rendition.id() + " without its item's metadata (none came within "
                + waited.toSeconds() + " s)");
        return new Story(rendition.id(), rendition.guid(), rendition.version(), rendition.versionCreated(), rendition.firstCreated(),
                rendition.embargoedUntil(), rendition.pubStatus(), rendition.revision(), rendition.urgency(), rendition.language(),
                rendition.headline(), rendition.slugline(), rendition.byline(), rendition.dateline(), rendition.located(),
                rendition.body(), rendition.editorNotes(), rendition.subjects(), rendition.source(), rendition.raw(), warnings,
                rendition.duplicateOf(), rendition.kill(), rendition.tags());
    }

    /**
     * One story from an item and its rendition. The item's id, guid, version, versionCreated, pubStatus,
     * revision, urgency, subjects and headline win, as do its source and raw (the item is the story of record);
     * the rendition gives body (less a first paragraph that only repeats the headline), byline and dateline,
     * and every field the item lacks. Editor notes and warnings of both are kept, but the item's warning that
     * its body is missing.
     */
    public static Story merge(Story item, Story rendition) {
        String body = rendition.body() == null ? "" : rendition.body();
        List<String> paragraphs = Text.paragraphs(body);
        if (paragraphs.size() > 1 && item.headline() != null && paragraphs.get(0).strip().equalsIgnoreCase(item.headline().strip())) {
            body = Text.body(paragraphs.subList(1, paragraphs.size()));
        }
        List<String> notes = new ArrayList<>(item.editorNotes());
        rendition.editorNotes().stream().filter(n -> !notes.contains(n)).forEach(notes::add);
        List<String> warnings = new ArrayList<>();
        item.warnings().stream().filter(w -> !w.startsWith(AWAITS_NITF)).forEach(warnings::add);
        rendition.warnings().stream().filter(w -> !warnings.contains(w)).forEach(warnings::add);
        return new Story(item.id(), or(item.guid(), rendition.guid()), or(item.version(), rendition.version()),
                or(item.versionCreated(), rendition.versionCreated()), or(item.firstCreated(), rendition.firstCreated()),
                or(item.embargoedUntil(), rendition.embargoedUntil()), or(item.pubStatus(), rendition.pubStatus()),
                or(item.revision(), rendition.revision()), or(item.urgency(), rendition.urgency()),
                or(item.language(), rendition.language()), or(item.headline(), rendition.headline()),
                or(item.slugline(), rendition.slugline()), or(rendition.byline(), item.byline()),
                or(rendition.dateline(), item.dateline()), or(item.located(), rendition.located()),
                body.isEmpty() ? item.body() : body, notes, item.subjects().isEmpty() ? rendition.subjects() : item.subjects(),
                or(item.source(), rendition.source()), or(item.raw(), rendition.raw()), warnings, item.duplicateOf(), item.kill(),
                item.tags());
    }

    private static <T> T or(T first, T second) {
        return first != null ? first : second;
    }
}
