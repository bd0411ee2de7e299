package pl.konwent.domain.audit;

import java.time.Instant;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/** The audit trail (outgoing port). */
public interface AuditTrail {
    /** Filters of a reading; null means no filter. {@code resourcePrefix} matches the start of the path. */
    record Query(Instant from, Instant to, String actorName, String resourcePrefix) {
    }

    void record(AuditEntry entry);

    /** The konwent's entries, newest first. */
    Page<AuditEntry> list(KonwentId konwent, Query query, PageRequest page);
}
