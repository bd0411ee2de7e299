package pl.konwent.domain.membership;

import pl.konwent.domain.konwent.KonwentId;

/**
 * Whether a konwent has a programme council in office (M2: before its first council the department decides
 * declarations; C5: and again whenever no term is in office, a lapsed term giving nobody the council's powers).
 */
public interface CouncilPresence {
    boolean hasCouncil(KonwentId konwent);
}
