package pl.konwent.adapters.web;

import jakarta.ws.rs.core.Response;

/**
 * Every kind of problem the API answers with, its status and its {@code type} URI. The list in openapi.yaml
 * (components/schemas/Problem) names the same types.
 */
public enum ProblemType {
    MALFORMED_REQUEST(400, "malformed-request", "Malformed request",
            "The request could not be read: the body is not JSON, or a header or parameter is unusable."),
    UNAUTHENTICATED(401, "unauthenticated", "Authentication required",
            "Send credentials: Authorization: Bearer <token> from POST /api/v1/tokens, or HTTP Basic."),
    FORBIDDEN(403, "forbidden", "Not allowed",
            "Your roles in this konwent do not allow this operation on this resource."),
    NOT_FOUND(404, "not-found", "Not found",
            "Nothing exists at this address, or it is not visible to you."),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed",
            "The resource exists but does not take this HTTP method; the Allow header lists those it takes."),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable",
            "No representation of the resource matches the Accept header."),
    REQUEST_TIMEOUT(408, "request-timeout", "Request timeout",
            "The request's headers or body came too slowly, or stopped coming; the connection is closed."),
    CONFLICT(409, "conflict", "Conflict with the current state",
            "The command clashes with the current state: a duplicate, or a state that no longer allows it."),
    IDEMPOTENCY_KEY_IN_USE(409, "idempotency-key-in-use", "A request with this Idempotency-Key is in progress",
            "The first request sent with this Idempotency-Key is still running; retry it shortly."),
    PRECONDITION_FAILED(412, "precondition-failed", "The resource has changed",
            "If-Match named a version that is no longer current; read the resource again and retry."),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large",
            "The request body is larger than the server accepts."),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type",
            "The request body is not of a media type the operation takes: JSON, or for a file PDF, DOCX or ODT."),
    VALIDATION(422, "validation", "The request is invalid",
            "The request is well-formed JSON but invalid; errors lists each field and what is wrong with it."),
    RULE_VIOLATION(422, "rule-violation", "A rule of the konwent forbids this",
            "A rule of the konwent forbids this; detail names the rule (see DOMAIN.md)."),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused",
            "The Idempotency-Key was used for a different request",
            "An Idempotency-Key can only be repeated with the same request; use a new key."),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests",
            "Too many requests in a short time; wait as Retry-After says."),
    INTERNAL(500, "internal", "Internal server error",
            "An unexpected error; the detail carries an id to quote when reporting it."),
    UNAVAILABLE(503, "unavailable", "Service unavailable",
            "A service the API needs (the database) is not reachable; retry after Retry-After seconds.");

    private static final String BASE = "/problems/";

    private final int status;
    private final String slug;
    private final String title;
    private final String description;

    ProblemType(int status, String slug, String title, String description) {
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.description = description;
    }

    public String description() {
        return description;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return BASE + slug;
    }

    public String title() {
        return title;
    }

    /** The generic type for a status that has no more specific one. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED_REQUEST;
    }

    public ProblemView view(String detail) {
        return new ProblemView(uri(), title, status, detail, null);
    }

    public Response response(String detail) {
        return Problems.response(view(detail));
    }
}
