package pl.konwent.adapters.jdbi.membership;

import org.jdbi.v3.core.Jdbi;
import pl.konwent.domain.access.Role;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.membership.CouncilPresence;

/** A konwent has a council once some account holds the COUNCIL role in it. */
public final class JdbiCouncilPresence implements CouncilPresence {
    private final Jdbi jdbi;

    public JdbiCouncilPresence(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean hasCouncil(KonwentId konwent) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM role_grant WHERE konwent_id = :konwent AND role = :role")
                .bind("konwent", konwent.value()).bind("role", Role.COUNCIL.name())
                .mapTo(Integer.class).one()) > 0;
    }
}
