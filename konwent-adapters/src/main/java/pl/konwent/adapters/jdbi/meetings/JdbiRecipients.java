package pl.konwent.adapters.jdbi.meetings;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.meetings.Recipients;

/** The department's addresses: the e-mails of the enabled accounts holding DEPARTMENT in the konwent. */
public final class JdbiRecipients implements Recipients {
    private final Jdbi jdbi;

    public JdbiRecipients(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<String> department(KonwentId konwent) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT DISTINCT a.email FROM account a "
                        + "JOIN role_grant g ON g.account_id = a.id "
                        + "WHERE g.konwent_id = :konwent AND g.role = 'DEPARTMENT' AND a.enabled = :enabled "
                        + "AND a.email IS NOT NULL ORDER BY a.email")
                .bind("konwent", konwent.value()).bind("enabled", true).mapTo(String.class).list());
    }
}
