package pl.konwent.domain.membership;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.shared.Voivodeship;

/** The member register (outgoing port). */
public interface Members {
    /** Filters of the register; null means no filter; {@code nameContains} matches without case. */
    record Filter(MemberKind kind, Voivodeship voivodeship, String town, Member.Status status, String nameContains) {
        public static final Filter ALL = new Filter(null, null, null, null, null);
    }

    void add(Member member);

    Optional<Member> find(KonwentId konwent, String id);

    /**
     * Whose contacts a read of the register carries: everyone's, or only these members' (nobody's when empty).
     * Issue 20: the contacts are the heavy part of a row, and most readers of the register may not see them.
     */
    record ContactsOf(boolean everyone, Set<String> memberIds) {
        public static final ContactsOf EVERYONE = new ContactsOf(true, Set.of());
        public static final ContactsOf NOBODY = new ContactsOf(false, Set.of());

        public ContactsOf {
            memberIds = Set.copyOf(memberIds);
        }

        public static ContactsOf only(Set<String> memberIds) {
            return new ContactsOf(false, memberIds);
        }

        public boolean covers(String memberId) {
            return everyone || memberIds.contains(memberId);
        }
    }

    /** Members ordered by name (then id), with every contact. */
    default Page<Member> list(KonwentId konwent, Filter filter, PageRequest page) {
        return list(konwent, filter, page, ContactsOf.EVERYONE);
    }

    /**
     * Members ordered by name (then id). A member that {@code contacts} does not cover comes with
     * {@link Contact#publicPart} of its contact only: its seat and its founder's name, nothing personal.
     */
    Page<Member> list(KonwentId konwent, Filter filter, PageRequest page, ContactsOf contacts);

    /** Every member that passes the filter, ordered by name: the register export (M5). */
    List<Member> all(KonwentId konwent, Filter filter);

    boolean replace(Member revised, long expectedVersion);

    /**
     * A number that changes with every change of the konwent's members, in the same transaction (issue 20: a
     * register page's ETag, read without reading the page); empty when the konwent has none.
     */
    OptionalLong registerVersion(KonwentId konwent);

    /** The current members: the quorum base of votes (V2) unless a meeting's attendance gives another. */
    int countActive(KonwentId konwent);
}
