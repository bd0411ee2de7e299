package pl.konwent.domain.membership;

import java.time.Instant;
import java.util.List;

/**
 * The persons a member sends to meetings, as membership sees them (outgoing port): personal data of the member's
 * people, shown in its personal-data export and erased with a person.
 */
public interface Delegations {

    /** A member's delegation to one meeting. */
    record Delegation(String meetingId, List<Delegate> persons, Instant registeredAt) {
        public Delegation {
            persons = List.copyOf(persons);
        }
    }

    record Delegate(String name, String participation) {
    }

    List<Delegation> ofMember(String memberId);

    /**
     * Writes {@code replacement} in place of every delegate of the member named {@code name} (compared as
     * {@link pl.konwent.domain.shared.Text#fold} does), keeping each delegate and its participation, so that every
     * count stays as it was.
     */
    void rename(String memberId, String name, String replacement);
}
