package pl.konwent.adapters.jdbi.council;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import pl.konwent.domain.membership.Offices;
import pl.konwent.domain.shared.Text;

/**
 * The names through which a member holds seats ({@code council_seat.holder_name}), stands in elections
 * ({@code election_candidate.person_name}) and signed its written authorisations (V4, {@code authorisation.signed_by}).
 * Renaming touches only the name in rows of that member naming that person: keys, seat order, candidacy and
 * authorisation state and everything counted stay, so terms and results are unchanged.
 */
public final class JdbiOffices implements Offices {
    private final Jdbi jdbi;

    public JdbiOffices(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void rename(String memberId, String name, String replacement) {
        String folded = Text.fold(name);
        jdbi.useHandle(handle -> {
            rename(handle, "council_seat", "holder_name", memberId, folded, replacement);
            rename(handle, "election_candidate", "person_name", memberId, folded, replacement);
            rename(handle, "authorisation", "signed_by", memberId, folded, replacement);
        });
    }

    /** Each name of the member's rows that folds to the person's is replaced where it is stored exactly so. */
    private static void rename(Handle handle, String table, String column, String memberId, String folded,
                               String replacement) {
        for (String stored : handle.createQuery("SELECT DISTINCT " + column + " FROM " + table
                        + " WHERE member_id = :member").bind("member", memberId).mapTo(String.class).list()) {
            if (Text.fold(stored).equals(folded)) {
                handle.createUpdate("UPDATE " + table + " SET " + column + " = :replacement "
                                + "WHERE member_id = :member AND " + column + " = :stored")
                        .bind("replacement", replacement).bind("member", memberId).bind("stored", stored)
                        .execute();
            }
        }
    }
}
