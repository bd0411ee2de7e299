package pl.konwent.domain.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import pl.konwent.domain.access.Access;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.access.Role;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.konwent.KonwentService;
import pl.konwent.domain.shared.FieldErrors;
import pl.konwent.domain.shared.IdSource;
import pl.konwent.domain.shared.InvalidValue;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/** Records every state-changing command and lets ADMIN and the konwent's DEPARTMENT read the trail. */
public final class AuditService {
    private final AuditTrail trail;
    private final KonwentService konwents;
    private final IdSource ids;
    private final Clock clock;

    public AuditService(AuditTrail trail, KonwentService konwents, IdSource ids, Clock clock) {
        this.trail = trail;
        this.konwents = konwents;
        this.ids = ids;
        this.clock = clock;
    }

    public void record(Optional<Caller> actor, String konwentId, String action, String resource, int status,
                       String reason) {
        KonwentId konwent = null;
        if (konwentId != null) {
            try {
                konwent = new KonwentId(konwentId);
            } catch (InvalidValue e) {
                konwent = null;
            }
        }
        trail.record(new AuditEntry(ids.newId().toString(), clock.instant().truncatedTo(ChronoUnit.MILLIS),
                actor.map(Caller::id).orElse(null), actor.map(Caller::username).orElse(null), konwent, action,
                resource, status, AuditEntry.Outcome.ofStatus(status), reason));
    }

    /** Raw filters as a client sends them: RFC 3339 times, a username, a path prefix. */
    public Page<AuditEntry> list(Optional<Caller> caller, String konwentId, String from, String to, String actor,
                                 String resourcePrefix, PageRequest page) {
        Access.authenticated(caller);
        KonwentId konwent = konwents.get(konwentId).id();
        Access.requireRole(caller, konwent, Role.DEPARTMENT);
        FieldErrors errors = new FieldErrors();
        Instant since = errors.parseOptional("from", from, () -> instant(from));
        Instant until = errors.parseOptional("to", to, () -> instant(to));
        errors.throwIfAny();
        return trail.list(konwent, new AuditTrail.Query(since, until, actor, resourcePrefix), page);
    }

    private static Instant instant(String raw) {
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValue("must be an RFC 3339 time with offset, such as 2026-11-25T10:00:00Z");
        }
    }
}
