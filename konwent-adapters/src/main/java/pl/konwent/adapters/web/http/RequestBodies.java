package pl.konwent.adapters.web.http;

import pl.konwent.domain.shared.DomainException;

/** Checks every JSON body needs before it reaches a use case. */
public final class RequestBodies {
    private RequestBodies() {
    }

    /** An empty body reaches a resource as null; it is as invalid as a body that misses every field. */
    public static <T> T required(T body) {
        if (body == null) {
            throw DomainException.InvalidInput.of("body", "a JSON object is required");
        }
        return body;
    }

    /** An id repeated in the body of a PUT must be the id in the path. */
    public static void requireSameId(String field, String bodyId, String pathId) {
        if (bodyId != null && !bodyId.equals(pathId)) {
            throw DomainException.InvalidInput.of(field, "must be '" + pathId + "', the id in the path, or left out");
        }
    }
}
