package pl.konwent.adapters.web.publication;

import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;

/** Where the portal's pages for people are: under {@code /portal/v1}, versioned apart from the JSON API. */
final class PortalPaths {
    static final String ROOT = "/portal/v1";
    static final String SCRIPT = "konwent-portal.js";

    private PortalPaths() {
    }

    static URI konwent(URI base, String konwentId) {
        return UriBuilder.fromUri(base).path(ROOT).path("konwents").path(konwentId).build();
    }

    static URI document(URI base, String konwentId, String documentId) {
        return UriBuilder.fromUri(konwent(base, konwentId)).path("documents").path(documentId).build();
    }

    static URI meeting(URI base, String konwentId, String meetingId) {
        return UriBuilder.fromUri(konwent(base, konwentId)).path("meetings").path(meetingId).build();
    }

    static URI script(URI base) {
        return UriBuilder.fromUri(base).path(ROOT).path(SCRIPT).build();
    }
}
