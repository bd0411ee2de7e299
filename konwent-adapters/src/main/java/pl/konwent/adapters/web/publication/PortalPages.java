package pl.konwent.adapters.web.publication;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import jakarta.ws.rs.core.UriBuilder;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import pl.konwent.domain.documents.Document;
import pl.konwent.domain.documents.DocumentFile;
import pl.konwent.domain.documents.DocumentKind;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.meetings.Meeting;
import pl.konwent.domain.shared.PolishTime;

/**
 * The portal's HTML pages, in Polish, from Mustache templates (resources {@code portal/*.mustache}) whose
 * {@code {{…}}} escape every text for HTML: what members and secretariats wrote is shown, never run (XSS).
 */
final class PortalPages {
    private static final Locale POLISH = Locale.forLanguageTag("pl");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", POLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", POLISH)
            .withZone(PolishTime.ZONE);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(PolishTime.ZONE);

    private final MustacheFactory templates = new DefaultMustacheFactory("portal");
    private final Mustache konwentPage = templates.compile("konwent.mustache");
    private final Mustache documentPage = templates.compile("document.mustache");
    private final Mustache meetingPage = templates.compile("meeting.mustache");

    String konwent(Konwent konwent, URI base) {
        Map<String, Object> page = common(konwent, base, konwent.name());
        page.put("script", PortalPaths.script(base).toString());
        page.put("api", base.toString().replaceAll("/$", ""));
        return render(konwentPage, page);
    }

    String document(Konwent konwent, Document document, URI base) {
        Document.Content content = document.content();
        Map<String, Object> page = common(konwent, base, content.title());
        page.put("kind", kind(content.kind()));
        page.put("date", DAY.format(content.date()));
        page.put("dateIso", content.date().toString());
        page.put("language", content.language());
        page.put("paragraphs", Arrays.stream(content.body().strip().split("\\R\\s*\\R")).map(String::strip)
                .filter(paragraph -> !paragraph.isEmpty()).toList());
        page.put("files", document.files().stream().map(file -> file(konwent, document, file, base)).toList());
        page.put("hasFiles", !document.files().isEmpty());
        page.put("json", UriBuilder.fromUri(base).path("api/v1/konwents").path(konwent.id().value())
                .path("documents").path(document.id()).build().toString());
        return render(documentPage, page);
    }

    String meeting(Konwent konwent, Meeting meeting, URI base) {
        Meeting.Details details = meeting.details();
        Map<String, Object> page = common(konwent, base, details.title());
        boolean ahead = meeting.state() == Meeting.State.PLANNED || meeting.state() == Meeting.State.INVITED;
        page.put("state", state(meeting.state()));
        page.put("cancelled", meeting.state() == Meeting.State.CANCELLED);
        page.put("cancellationReason", meeting.cancellationReason());
        page.put("when", when(details.startsAt(), details.endsAt()));
        page.put("startsIso", details.startsAt().toString());
        page.put("venue", details.venue().name());
        page.put("venueAddress", details.venue().address());
        page.put("online", ahead ? details.onlineUrl() : null);
        page.put("scope", details.scope());
        page.put("hasAgenda", !details.agenda().isEmpty());
        page.put("agenda", details.agenda().stream().map(item -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("title", item.title());
            row.put("description", item.description());
            return row;
        }).toList());
        page.put("calendar", ahead ? UriBuilder.fromUri(base).path("api/v1/konwents").path(konwent.id().value())
                .path("meetings.ics").build().toString() : null);
        page.put("json", UriBuilder.fromUri(base).path("api/v1/konwents").path(konwent.id().value())
                .path("meetings").path(meeting.id()).build().toString());
        return render(meetingPage, page);
    }

    /** What every page shows: the konwent, the page's title, the way back and the feeds to subscribe to. */
    private static Map<String, Object> common(Konwent konwent, URI base, String title) {
        Map<String, Object> page = new LinkedHashMap<>();
        String id = konwent.id().value();
        page.put("title", title);
        page.put("konwentId", id);
        page.put("konwentName", konwent.name());
        page.put("konwentDescription", konwent.description());
        page.put("portal", PortalPaths.konwent(base, id).toString());
        URI konwentUri = UriBuilder.fromUri(base).path("api/v1/konwents").path(id).build();
        page.put("atom", UriBuilder.fromUri(konwentUri).path("feed.atom").build().toString());
        page.put("jsonFeed", UriBuilder.fromUri(konwentUri).path("feed.json").build().toString());
        return page;
    }

    private static Map<String, Object> file(Konwent konwent, Document document, DocumentFile file, URI base) {
        return Map.of("name", file.name(), "type", file.type().name(), "size", size(file.size()),
                "href", UriBuilder.fromUri(base).path("api/v1/konwents").path(konwent.id().value())
                        .path("documents").path(document.id()).path("files").path(file.id()).build().toString());
    }

    private static String size(long bytes) {
        return bytes < 1024 * 1024 ? Math.max(1, bytes / 1024) + " KB"
                : String.format(POLISH, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static String when(Instant starts, Instant ends) {
        boolean sameDay = starts.atZone(PolishTime.ZONE).toLocalDate().equals(ends.atZone(PolishTime.ZONE)
                .toLocalDate());
        return TIME.format(starts) + "–" + (sameDay ? HOUR.format(ends) : TIME.format(ends));
    }

    static String kind(DocumentKind kind) {
        return switch (kind) {
            case POSITION -> "Stanowisko";
            case MOTION -> "Wniosek";
            case POSTULATE -> "Postulat";
            case WORK_PLAN -> "Plan pracy";
            case COMMUNIQUE -> "Komunikat";
            case COUNCIL_REPORT -> "Sprawozdanie rady programowej";
            case OTHER -> "Dokument";
            case MINUTES -> "Protokół posiedzenia";
        };
    }

    private static String state(Meeting.State state) {
        return switch (state) {
            case PLANNED -> "Planowane";
            case INVITED -> "Zwołane";
            case HELD -> "Odbyło się";
            case CANCELLED -> "Odwołane";
        };
    }

    private static String render(Mustache template, Map<String, Object> page) {
        StringWriter out = new StringWriter();
        template.execute(out, page);
        return out.toString();
    }
}
