package pl.konwent.domain.membership;

/**
 * The contact persons of a member's applications to organiser competitions, as membership sees them (outgoing
 * port): personal data of the member's people, erased with a person.
 */
public interface ApplicationContacts {

    /**
     * In every application of the member whose contact person is the one named {@code name} (compared as
     * {@link pl.konwent.domain.shared.Text#fold} does) or reached at {@code email} (if any; ignoring case), writes
     * {@code replacement} in place of the contact's name and e-mail and forgets the phone; the application, and
     * an award made to it, stay as they were.
     */
    void forget(String memberId, String name, String email, String replacement);
}
