package pl.konwent.domain.membership;

import pl.konwent.domain.konwent.KonwentId;

/** Whether a konwent has a programme council yet (M2: until then the department decides declarations). */
public interface CouncilPresence {
    boolean hasCouncil(KonwentId konwent);
}
