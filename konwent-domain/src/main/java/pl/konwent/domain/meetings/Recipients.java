package pl.konwent.domain.meetings;

import java.util.List;
import pl.konwent.domain.konwent.KonwentId;

/** Where the department of a konwent is reached (outgoing port): the e-mails of its DEPARTMENT accounts. */
public interface Recipients {
    List<String> department(KonwentId konwent);
}
