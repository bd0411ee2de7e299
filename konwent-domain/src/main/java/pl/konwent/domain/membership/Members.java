package pl.konwent.domain.membership;

import java.util.List;
import java.util.Optional;
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

    /** Members ordered by name (then id). */
    Page<Member> list(KonwentId konwent, Filter filter, PageRequest page);

    /** Every member that passes the filter, ordered by name: the register export (M5). */
    List<Member> all(KonwentId konwent, Filter filter);

    boolean replace(Member revised, long expectedVersion);

    /** The current members: the quorum base of votes (V2) unless a meeting's attendance gives another. */
    int countActive(KonwentId konwent);
}
