package pl.konwent.adapters.web;

import jakarta.ws.rs.core.Response;

/** Builds problem+json responses. */
public final class Problems {
    private Problems() {
    }

    public static Response response(ProblemView problem) {
        return Response.status(problem.status())
                .type(ProblemView.MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}
