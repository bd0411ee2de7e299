package pl.konwent.domain.shared;

import java.util.List;

/**
 * Everything the rules can refuse. The web adapter maps each kind to one problem type, in one place;
 * the domain itself knows nothing of HTTP.
 */
public abstract sealed class DomainException extends RuntimeException
        permits DomainException.NotFound, DomainException.Conflict, DomainException.RuleViolation,
                DomainException.Forbidden, DomainException.InvalidInput, DomainException.StaleVersion,
                DomainException.Unauthenticated, DomainException.TooManyAttempts,
                DomainException.TooLarge, DomainException.UnsupportedContent {

    private DomainException(String message) {
        super(message, null, false, false);
    }

    /** The thing asked for does not exist (or is not visible to the caller). */
    public static final class NotFound extends DomainException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The command clashes with the current state: a duplicate, a second ballot, a closed vote. */
    public static final class Conflict extends DomainException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** The command is well formed but one of the convention's rules forbids it; {@code rule} is its id. */
    public static final class RuleViolation extends DomainException {
        private final String rule;

        public RuleViolation(String rule, String message) {
            super(message);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    /** The caller is known but may not do this. */
    public static final class Forbidden extends DomainException {
        public Forbidden(String message) {
            super(message);
        }
    }

    /** The input is invalid; every field error found is listed at once. */
    public static final class InvalidInput extends DomainException {
        private final List<FieldError> errors;

        public InvalidInput(List<FieldError> errors) {
            super(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " fields are invalid");
            this.errors = List.copyOf(errors);
        }

        public static InvalidInput of(String field, String message) {
            return new InvalidInput(List.of(new FieldError(field, message)));
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    /** An update named a version of the resource that is no longer current (optimistic locking). */
    public static final class StaleVersion extends DomainException {
        public StaleVersion(String message) {
            super(message);
        }
    }

    /** The operation needs a known caller and none (or an unknown one) was given. */
    public static final class Unauthenticated extends DomainException {
        public Unauthenticated(String message) {
            super(message);
        }
    }

    /** Too many failed attempts in a short time; the caller may try again after {@code retryAfterSeconds}. */
    public static final class TooManyAttempts extends DomainException {
        private final long retryAfterSeconds;

        public TooManyAttempts(String message, long retryAfterSeconds) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** What was sent is larger than the rules allow (an archived file over the configured size). */
    public static final class TooLarge extends DomainException {
        public TooLarge(String message) {
            super(message);
        }
    }

    /** What was sent is not a kind of content the operation takes (a file that is not PDF, DOCX or ODT). */
    public static final class UnsupportedContent extends DomainException {
        public UnsupportedContent(String message) {
            super(message);
        }
    }
}
