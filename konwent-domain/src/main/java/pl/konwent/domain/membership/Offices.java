package pl.konwent.domain.membership;

/**
 * The council seats and election candidacies a member holds through a named person, and the written authorisations
 * (V4) a named person signed for it, as membership sees them (outgoing port): the person's name is personal data of
 * the member's people, erased with that person.
 */
public interface Offices {

    /**
     * Writes {@code replacement} in place of the person named {@code name} (compared as
     * {@link pl.konwent.domain.shared.Text#fold} does) wherever the member holds a council seat, stands as a
     * candidate or has an authorisation signed by the person, keeping every seat, candidacy, approval, authorisation
     * and result as it was.
     */
    void rename(String memberId, String name, String replacement);
}
