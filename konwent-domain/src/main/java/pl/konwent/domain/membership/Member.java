package pl.konwent.domain.membership;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import pl.konwent.domain.konwent.KonwentId;

/**
 * A member of a konwent, made by an accepted declaration. A member that withdraws (M4) stays in the register
 * as WITHDRAWN with its history; it no longer counts among the current members.
 */
public record Member(String id, KonwentId konwent, String name, MemberKind kind, Contact contact, Status status,
                     Instant joinedAt, Instant withdrawnAt, String withdrawalReason, String declarationId,
                     long version) {

    public enum Status { ACTIVE, WITHDRAWN }

    public Member withContact(Contact changed) {
        return new Member(id, konwent, name, kind, changed, status, joinedAt, withdrawnAt, withdrawalReason,
                declarationId, version + 1);
    }

    public Member withdrawn(Instant at, String reason) {
        return new Member(id, konwent, name, kind, contact, Status.WITHDRAWN, joinedAt, at, reason, declarationId,
                version + 1);
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    /** Where mail to the member goes: its own address and those of its representatives, each once. */
    public Set<String> mailAddresses() {
        Set<String> addresses = new LinkedHashSet<>();
        if (contact.email() != null) {
            addresses.add(contact.email());
        }
        for (Representative person : contact.representatives()) {
            if (person.email() != null) {
                addresses.add(person.email());
            }
        }
        return addresses;
    }
}
