package pl.konwent.adapters.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 7807 problem document; {@code errors} lists field errors of a validation problem. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemView(String type, String title, int status, String detail, List<FieldErrorView> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldErrorView(String field, String message) {
    }
}
