package pl.konwent.adapters.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eclipse.jetty.io.EofException;
import org.jdbi.v3.core.ConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pl.konwent.adapters.web.ProblemView.FieldErrorView;
import pl.konwent.adapters.web.access.CallerAuthentication;
import pl.konwent.adapters.web.http.BodyLimitFilter;
import pl.konwent.domain.shared.DomainException;

/**
 * The one place where anything thrown while serving a request becomes an RFC 7807 problem: the domain's
 * refusals, Jersey's own HTTP errors (404, 405, 406, 415), Jackson's parse and binding errors, database
 * outages and conflicts that outlasted their retries (503), and everything unexpected (500, logged with an id, never a stack trace in the body).
 */
@Provider
public final class ProblemMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);
    private static final int MYSQL_DEADLOCK = 1213;
    private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;

    @Override
    public Response toResponse(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyLimitFilter.TooLarge tooLarge) {
                return BodyLimitFilter.tooLarge(tooLarge.limit());
            }
            if (cause instanceof BodyLimitFilter.TooSlow || cause instanceof java.util.concurrent.TimeoutException) {
                // a body that came too slowly, or stopped coming until the connection's idle timeout
                return ProblemType.REQUEST_TIMEOUT.response("The request body did not arrive in time");
            }
            if (cause instanceof org.eclipse.jetty.http.HttpException framing && framing.getCode() >= 400
                    && framing.getCode() < 500) {
                // Jetty's parser refused the body's framing (a chunk size that overflows, a bad chunk): the client's
                // fault, answered without a stack trace in the log
                return ProblemType.forStatus(framing.getCode()).response("The request body's framing is malformed");
            }
        }
        if (thrown instanceof DomainException domain) {
            return fromDomain(domain);
        }
        if (thrown instanceof WebApplicationException web) {
            return fromWeb(web);
        }
        if (thrown instanceof JsonProcessingException json) {
            return Problems.response(fromJson(json));
        }
        if (thrown instanceof EofException) {
            return ProblemType.MALFORMED_REQUEST.response("The request body ended early");
        }
        if (anyCause(thrown, ProblemMapper::isConstraintViolation)) {
            // a repository that names its conflicts turns them into the domain's Conflict; this is the net below it
            return ProblemType.CONFLICT.response("The request conflicts with data already stored");
        }
        if (anyCause(thrown, ProblemMapper::isConnectionFailure)) {
            LOG.warn("Database unavailable: {}", thrown.toString());
            return Response.fromResponse(ProblemType.UNAVAILABLE.response(
                    "The database is not reachable; try again shortly")).header("Retry-After", "5").build();
        }
        if (anyCause(thrown, ProblemMapper::isTransientConflict)) {
            // still deadlocked after the unit of work's retries, or a lock wait timed out: nothing was changed
            LOG.warn("Database conflict persisted: {}", thrown.toString());
            return Response.fromResponse(ProblemType.UNAVAILABLE.response(
                    "The database is busy with conflicting changes; try again shortly")).header("Retry-After", "1")
                    .build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.error("Unexpected error {}", errorId, thrown);
        return ProblemType.INTERNAL.response("Unexpected error; quote " + errorId + " when reporting it");
    }

    private static Response fromDomain(DomainException thrown) {
        if (thrown instanceof DomainException.InvalidInput invalid) {
            return Problems.response(validation(invalid.getMessage(), invalid.errors().stream()
                    .map(error -> new FieldErrorView(error.field(), error.message())).toList()));
        }
        if (thrown instanceof DomainException.RuleViolation violation) {
            return ProblemType.RULE_VIOLATION.response(violation.rule() + ": " + violation.getMessage());
        }
        if (thrown instanceof DomainException.Unauthenticated) {
            return CallerAuthentication.unauthorized(thrown.getMessage());
        }
        if (thrown instanceof DomainException.TooManyAttempts tooMany) {
            return Response.fromResponse(ProblemType.TOO_MANY_REQUESTS.response(tooMany.getMessage()))
                    .header(HttpHeaders.RETRY_AFTER, tooMany.retryAfterSeconds()).build();
        }
        ProblemType type = thrown instanceof DomainException.NotFound ? ProblemType.NOT_FOUND
                : thrown instanceof DomainException.TooLarge ? ProblemType.PAYLOAD_TOO_LARGE
                : thrown instanceof DomainException.UnsupportedContent ? ProblemType.UNSUPPORTED_MEDIA_TYPE
                : thrown instanceof DomainException.Conflict ? ProblemType.CONFLICT
                : thrown instanceof DomainException.Forbidden ? ProblemType.FORBIDDEN
                : ProblemType.PRECONDITION_FAILED;
        return type.response(thrown.getMessage());
    }

    private static ProblemView validation(String detail, List<FieldErrorView> errors) {
        ProblemType type = ProblemType.VALIDATION;
        return new ProblemView(type.uri(), type.title(), type.status(), detail, errors);
    }

    private static Response fromWeb(WebApplicationException thrown) {
        Response original = thrown.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.error("Server error", thrown);
        }
        String detail = switch (status) {
            case 404 -> "No resource at this address";
            case 405 -> "Method not allowed here; allowed: " + String.join(", ", original.getAllowedMethods());
            case 406 -> "No representation matches the Accept header";
            case 415 -> "Unsupported Content-Type; send application/json";
            case 400 -> thrown.getCause() != null ? "The request body is missing or unreadable" : "Bad request";
            default -> original.getStatusInfo().getReasonPhrase();
        };
        ProblemType type = ProblemType.forStatus(status);
        ProblemView problem = new ProblemView(type.uri(), type.title(), status, detail, null);
        Response.ResponseBuilder builder = Response.status(status).type(ProblemView.MEDIA_TYPE).entity(problem);
        for (String header : List.of(HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER)) {
            Object value = original.getHeaders().getFirst(header);
            if (value != null) {
                builder.header(header, value);
            }
        }
        return builder.build();
    }

    private static ProblemView fromJson(JsonProcessingException thrown) {
        if (thrown instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return validation("Unknown field '" + field + "'",
                    List.of(new FieldErrorView(field, "is not a field of this resource")));
        }
        if (thrown instanceof InvalidFormatException invalid) {
            return validation("Field '" + path(invalid) + "' has the wrong type or format",
                    List.of(new FieldErrorView(path(invalid), "must be " + describe(invalid.getTargetType()))));
        }
        if (thrown instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return validation("Field '" + path(mismatched) + "' has the wrong type",
                    List.of(new FieldErrorView(path(mismatched), "must be " + describe(mismatched.getTargetType()))));
        }
        if (thrown instanceof JsonParseException parse && parse.getOriginalMessage() != null
                && parse.getOriginalMessage().startsWith("Duplicate field")) {
            return validation("The JSON object repeats a field",
                    List.of(new FieldErrorView(duplicateName(parse.getOriginalMessage()), "appears more than once")));
        }
        if (thrown instanceof StreamConstraintsException) {
            return ProblemType.MALFORMED_REQUEST.view("The JSON document exceeds the allowed size or nesting");
        }
        if (thrown instanceof MismatchedInputException) {
            return ProblemType.MALFORMED_REQUEST.view("The request body is not the JSON object this operation takes");
        }
        return ProblemType.MALFORMED_REQUEST.view("The request body is not valid JSON");
    }

    private static String path(JsonMappingException thrown) {
        return thrown.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String describe(Class<?> target) {
        if (target == null) {
            return "of another type";
        }
        if (target.isEnum()) {
            return "one of " + java.util.Arrays.stream(target.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
            return "a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (target == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String duplicateName(String message) {
        int open = message.indexOf('\'');
        int close = message.indexOf('\'', open + 1);
        return open >= 0 && close > open ? message.substring(open + 1, close) : "";
    }

    private static boolean anyCause(Throwable thrown, Predicate<Throwable> test) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConstraintViolation(Throwable cause) {
        return cause instanceof SQLIntegrityConstraintViolationException || sqlState(cause).startsWith("23");
    }

    /**
     * The database is unreachable, or the connection broke under a statement: Connector/J reports a connection lost
     * in the middle of a result (a Galera node killed while answering) as a plain SQLException over an EOFException,
     * with no SQLSTATE.
     */
    private static boolean isConnectionFailure(Throwable cause) {
        return cause instanceof ConnectionException || cause instanceof SQLTransientConnectionException
                || sqlState(cause).startsWith("08")
                || cause instanceof SQLException && cause.getCause() instanceof java.io.IOException;
    }

    /** A deadlock (MySQL 1213), a lock wait timeout (1205) or a serialization failure (SQLSTATE 40001). */
    private static boolean isTransientConflict(Throwable cause) {
        return cause instanceof SQLException sql && (sql.getErrorCode() == MYSQL_DEADLOCK
                || sql.getErrorCode() == MYSQL_LOCK_WAIT_TIMEOUT || "40001".equals(sql.getSQLState()));
    }

    private static String sqlState(Throwable cause) {
        return cause instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
    }
}
