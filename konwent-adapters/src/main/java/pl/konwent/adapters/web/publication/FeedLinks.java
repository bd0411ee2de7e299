package pl.konwent.adapters.web.publication;

import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import pl.konwent.domain.publication.FeedEntry;

/** The API addresses a feed points to: each entry links to the resource it is about, which also serves as its id. */
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
        };
        return UriBuilder.fromUri(konwent(entry.konwentId())).path(collection).path(entry.subjectId()).build();
    }
}
