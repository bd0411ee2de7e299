package pl.konwent.adapters.web.publication;

import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import pl.konwent.domain.publication.FeedEntry;

/**
 * The addresses a feed points to: each entry is identified by, and links to, the API resource it is about, and
 * links to a page people can read (a document's or a meeting's public page, else the konwent's portal page).
 */
record FeedLinks(URI base) {
    static final String KIND_SCHEME = "https://konwent-api/feed-kind";
    static final String KONWENT_SCHEME = "https://konwent-api/konwent";

    URI konwent(String konwentId) {
        return UriBuilder.fromUri(base).path("api/v1/konwents").path(konwentId).build();
    }

    URI of(FeedEntry entry) {
        String collection = switch (entry.kind()) {
            case DOCUMENT -> "documents";
            case MEETING -> "meetings";
            case COUNCIL -> "council-terms";
            case MEMBER -> "members";
            case TASK -> "calendar/tasks";
        };
        return UriBuilder.fromUri(konwent(entry.konwentId())).path(collection).path(entry.subjectId()).build();
    }

    /** The konwent's portal page: its members, meetings, documents and results for people to read. */
    URI portal(String konwentId) {
        return PortalPaths.konwent(base, konwentId);
    }

    /** The page for people of what the entry is about. */
    URI page(FeedEntry entry) {
        return switch (entry.kind()) {
            case DOCUMENT -> PortalPaths.document(base, entry.konwentId(), entry.subjectId());
            case MEETING -> PortalPaths.meeting(base, entry.konwentId(), entry.subjectId());
            case COUNCIL, MEMBER, TASK -> portal(entry.konwentId());
        };
    }

    /** The entry's kind as a reader sees it (Atom's category label). */
    static String label(FeedEntry.Kind kind) {
        return switch (kind) {
            case DOCUMENT -> "Dokument";
            case MEETING -> "Posiedzenie";
            case COUNCIL -> "Rada programowa";
            case MEMBER -> "Członkowie";
            case TASK -> "Kalendarz";
        };
    }
}
