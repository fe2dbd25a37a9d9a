package io.wiretag.serve;

import static io.wiretag.serve.Dashboard.escape;

import io.wiretag.serve.WebServer.Response;
import io.wiretag.story.EntityTag;
import io.wiretag.story.Story;
import io.wiretag.story.Tags;
import io.wiretag.story.TopicTag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.KafkaException;

/**
 * {@code GET /story?id=...}: one story as tagged, rendered by the server (no script): headline and body with
 * every mention marked and linked to the dashboard filtered by its entity, the entities, the topics with
 * their evidence, and every record of the story on {@code news.tagged} (versions, duplicates, kills), read
 * by {@link StoryLookup} within its bound. Everything from the story is escaped.
 */
public final class StoryPage {
    private final StoryLookup lookup;

    public StoryPage(StoryLookup lookup) {
        this.lookup = lookup;
    }

    public void addTo(WebServer server) {
        server.route("GET", "/story", r -> page(ApiHttp.query(r).get("id")));
    }

    Response page(String id) {
        if (id == null || id.isBlank() || id.length() > 500) {
            return html(400, "no story", "<p class=\"error\">Give a story id: /story?id=... (1 to 500 characters).</p>");
        }
        StoryLookup.Found found;
        try {
            found = lookup.find(id);
        } catch (KafkaException | IllegalStateException e) {
            return html(503, "story " + id, "<p class=\"error\">Cannot read " + escape(String.valueOf(e.getMessage())) + "</p>");
        }
        if (found.latest().isEmpty()) {
            return html(404, "story " + id, "<p class=\"error\" id=\"not-found\">Story " + escape(id) + " is not among the newest "
                    + found.scanned() + " records of " + escape(found.topic()) + " partition " + found.partition()
                    + (found.wholePartition() ? " (the whole partition)" : " (the story view reads at most the newest " + found.bound()
                    + " records of a partition: wiretag.dashboard.story-scan)") + ".</p>");
        }
        Story s = found.newestText().get();
        Story killed = found.kill().orElse(null);
        Tags tags = s.tags() == null ? new Tags(List.of(), List.of(), null) : s.tags();
        StringBuilder h = new StringBuilder(8192);
        h.append("<article id=\"story\"><h2 class=\"headline\">").append(Highlight.html("headline", s.headline(), tags.entities())).append("</h2>");
        h.append("<p class=\"meta\">").append(escape(s.id())).append(" · ").append(escape(s.source() == null ? "" : String.valueOf(s.source().provider())))
                .append(" · version ").append(escape(String.valueOf(s.version()))).append(" · ").append(escape(String.valueOf(s.versionCreated())));
        if (s.urgency() != null) {
            h.append(" · urgency ").append(s.urgency());
        }
        h.append("</p>");
        if (killed != null) {
            h.append("<p class=\"kill\" id=\"killed\"><b>Killed</b> ").append(killed.kill() == null ? "(canceled)" : escape(String.valueOf(killed.kill().at()))
                    + ": " + escape(String.valueOf(killed.kill().reason()))).append(": the text below is the last version before the kill</p>");
        }
        if (s.duplicateOf() != null) {
            h.append("<p class=\"dup\">A duplicate of <a href=\"/story?id=").append(escape(ApiHttp.encode(s.duplicateOf()))).append("\">")
                    .append(escape(s.duplicateOf())).append("</a></p>");
        }
        h.append("<div class=\"body\" id=\"body\">").append(Highlight.html("body", s.body(), tags.entities())).append("</div></article>\n");
        h.append("<section><h2>Entities</h2><table id=\"entities\"><thead><tr><th>entity</th><th>type</th><th>relevance</th><th>mentions</th></tr></thead><tbody>");
        for (EntityTag e : tags.entities()) {
            h.append("<tr><td><a href=\"/?entity=").append(escape(ApiHttp.encode(e.id()))).append("\">").append(escape(String.valueOf(e.name())))
                    .append("</a>").append(Boolean.FALSE.equals(e.linked()) ? " <small>not in the gazetteer</small>" : "")
                    .append("</td><td>").append(escape(String.valueOf(e.type()))).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.2f", e.relevance())).append("</td><td>").append(e.mentions().size())
                    .append(e.demonyms().isEmpty() ? "" : " <small>+ " + e.demonyms().size()
                            + (e.demonyms().size() == 1 ? " demonym" : " demonyms") + "</small>")
                    .append(e.inside().isEmpty() ? "" : " <small>+ " + e.inside().size()
                            + (e.inside().size() == 1 ? " inside a longer name" : " inside longer names") + "</small>")
                    .append("</td></tr>");
        }
        if (tags.entities().isEmpty()) {
            h.append("<tr><td colspan=\"4\" class=\"none\">no entity found</td></tr>");
        }
        h.append("</tbody></table></section>\n<section><h2>Topics and why</h2><ul id=\"topics\">");
        if (tags.topics().isEmpty()) {
            h.append("<li class=\"none\">no topic</li>");
        }
        for (TopicTag t : tags.topics()) {
            h.append("<li><a href=\"/?topic=").append(escape(ApiHttp.encode(t.id()))).append("\">").append(escape(String.valueOf(t.name())))
                    .append("</a> <small>score ").append(String.format(Locale.ROOT, "%.2f", t.score())).append("</small><ul class=\"evidence\">");
            t.evidence().forEach(ev -> h.append("<li>").append(escape(ev)).append("</li>"));
            h.append("</ul></li>");
        }
        h.append("</ul></section>\n");
        versions(h, found);
        h.append("<p class=\"bound\"><small>Read the newest ").append(found.scanned()).append(" records of ").append(escape(found.topic()))
                .append(" partition ").append(found.partition()).append(found.wholePartition() ? " (the whole partition)" : " (bound " + found.bound() + ")")
                .append("; taxonomy ").append(escape(String.valueOf(tags.taxonomyVersion()))).append(".</small></p>");
        return html(200, s.headline() == null ? s.id() : s.headline(), h.toString());
    }

    private static void versions(StringBuilder h, StoryLookup.Found found) {
        h.append("<section class=\"wide\"><h2>Versions on ").append(escape(found.topic())).append("</h2><table id=\"versions\"><thead><tr>")
                .append("<th>offset</th><th>written</th><th>version</th><th>created</th><th>revision</th><th>status</th><th>headline</th><th>note</th>")
                .append("</tr></thead><tbody>");
        for (int i = found.versions().size() - 1; i >= 0; i--) {
            StoryLookup.Version v = found.versions().get(i);
            Story s = v.story();
            h.append("<tr><td>").append(v.offset()).append("</td><td>").append(escape(v.timestamp().toString())).append("</td>");
            if (s == null) {
                h.append("<td colspan=\"6\">deleted (tombstone)</td></tr>");
                continue;
            }
            String note = s.kill() != null ? "killed: " + s.kill().reason() : s.duplicateOf() != null ? "duplicate of " + s.duplicateOf() : "";
            h.append("<td>").append(escape(String.valueOf(s.version()))).append("</td><td>").append(escape(String.valueOf(s.versionCreated())))
                    .append("</td><td>").append(escape(s.revision() == null ? "" : s.revision().json())).append("</td><td>")
                    .append(escape(s.pubStatus() == null ? "" : s.pubStatus().json())).append("</td><td>")
                    .append(escape(String.valueOf(s.headline()))).append("</td><td>").append(escape(note)).append("</td></tr>");
        }
        h.append("</tbody></table></section>\n");
    }

    private static Response html(int status, String title, String main) {
        String page = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " · wiretag</title><link rel=\"stylesheet\" href=\"/dashboard.css\"></head>\n<body class=\"story-view\">"
                + "<header><h1><a href=\"/\">wiretag</a></h1><span id=\"status\">story view</span></header>\n<main>" + main + "</main></body></html>\n";
        return Dashboard.secured(new Response(status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8), Map.of()));
    }
}
