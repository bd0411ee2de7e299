package pl.konwent.domain.audit;

import java.time.Instant;
import java.util.Objects;
import pl.konwent.domain.access.AccountId;
import pl.konwent.domain.konwent.KonwentId;

/**
 * One state-changing command as it happened: who ({@code actor}, null when anonymous), when, what
 * ({@code action}, the operation), on which resource (its path), in which konwent (null for installation-wide
 * resources such as accounts), and the outcome (the HTTP status and its class), with the reason the actor gave
 * where a rule asks for one (A2: an ADMIN granting REPRESENTATIVE to a person the member did not name), else null.
 * Never a request body, so nothing secret (a secret ballot's choice, a password) can end up here.
 */
public record AuditEntry(String id, Instant at, AccountId actorId, String actorName, KonwentId konwent,
                         String action, String resource, int status, Outcome outcome, String reason) {

    public enum Outcome {
        SUCCEEDED, REFUSED, FAILED;

        public static Outcome ofStatus(int status) {
            return status < 400 ? SUCCEEDED : status < 500 ? REFUSED : FAILED;
        }
    }

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(outcome, "outcome");
    }
}
