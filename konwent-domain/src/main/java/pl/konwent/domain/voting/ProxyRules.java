package pl.konwent.domain.voting;

import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.access.Role;
import pl.konwent.domain.konwent.Charter;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.DomainException;

/**
 * V4, substitutes and proxies: who may hold a member's authorisation, how many members one holder may carry, and
 * when a ballot under it counts. Each broken rule is a 422 naming V4 (or a 403/409 where the caller or the state is
 * the matter). Threat met: a member's ballot cast by someone it did not authorise in writing, or twice.
 */
public final class ProxyRules {
    private ProxyRules() {
    }

    /** V4: the charter says whether proxies are allowed; a substitute from the member's own delegation always is. */
    public static void proxiesAllowedByTheCharter(Charter charter, Authorisation.Kind kind) {
        if (kind == Authorisation.Kind.PROXY && !charter.proxies()) {
            throw new DomainException.RuleViolation("V4", "This konwent's charter does not allow proxies; a member "
                    + "may still authorise a substitute from its own delegation");
        }
    }

    /**
     * V4, V5: a proxy's ballot counts only in a vote that opened under a charter allowing proxies; a charter changed
     * after opening changes nothing (rules fixed before the proxy rule was recorded say nothing, and the
     * authorisation's acceptance under the charter then in force stands).
     */
    public static void proxiesAllowedWhenTheVoteOpened(RulesInForce rules, Authorisation.Kind kind) {
        if (kind == Authorisation.Kind.PROXY && Boolean.FALSE.equals(rules.proxies())) {
            throw new DomainException.RuleViolation("V5", "This vote opened under a charter that did not allow "
                    + "proxies; a member may still vote through a substitute from its own delegation");
        }
    }

    /**
     * V4 and V6: a substitute is a person of the member's own people, a proxy the REPRESENTATIVE of another member;
     * neither is the ADMIN or the DEPARTMENT, who never cast a member's ballot.
     *
     * @param holder the holder's account as its roles stand now
     */
    public static void holderActsForTheMember(Caller holder, KonwentId konwent, String memberId,
                                              Authorisation.Kind kind, String holderMemberId) {
        if (holder.isAdmin() || holder.holds(konwent, Role.DEPARTMENT)) {
            throw new DomainException.RuleViolation("V6", "The ADMIN and the DEPARTMENT never cast a member's "
                    + "ballot, so they cannot hold an authorisation either");
        }
        if (kind == Authorisation.Kind.PROXY) {
            if (holderMemberId == null || holderMemberId.equals(memberId)
                    || !holder.represents(konwent, holderMemberId)) {
                throw new DomainException.RuleViolation("V4", "A proxy is the REPRESENTATIVE of another member: the "
                        + "holder must represent holderMemberId, and that must not be the authorising member");
            }
        } else if (holder.represents(konwent, memberId)) {
            throw new DomainException.RuleViolation("V4", "The holder already is this member's REPRESENTATIVE and "
                    + "casts its ballot without an authorisation");
        }
    }

    /**
     * V4: one holder carries at most {@code proxiesPerHolder} members at one meeting or vote. {@code others} are
     * the holder's other ACCEPTED proxies; {@code meetingOf} tells the meeting a vote is held at (null if none).
     */
    public static void holderCarriesNoMoreThanTheCharterAllows(Charter charter, Authorisation candidate,
                                                               Collection<Authorisation> others,
                                                               Function<String, String> meetingOf) {
        if (candidate.kind() != Authorisation.Kind.PROXY) {
            return;
        }
        Set<String> carried = new HashSet<>();
        carried.add(candidate.memberId());
        for (Authorisation other : others) {
            if (other.kind() == Authorisation.Kind.PROXY && overlap(candidate, other, meetingOf)) {
                carried.add(other.memberId());
            }
        }
        if (carried.size() > charter.proxiesPerHolder()) {
            throw new DomainException.RuleViolation("V4", "The holder would carry " + carried.size()
                    + " members at one meeting or vote; the charter allows " + charter.proxiesPerHolder());
        }
    }

    /** Whether two authorisations can both be used in one vote. */
    static boolean overlap(Authorisation a, Authorisation b, Function<String, String> meetingOf) {
        String meetingA = a.meetingId() != null ? a.meetingId() : meetingOf.apply(a.voteId());
        String meetingB = b.meetingId() != null ? b.meetingId() : meetingOf.apply(b.voteId());
        if (a.voteId() != null && b.voteId() != null) {
            return a.voteId().equals(b.voteId());
        }
        return meetingA != null && Objects.equals(meetingA, meetingB);
    }

    /** V4: a ballot under an authorisation needs it ACCEPTED and covering this vote. */
    public static boolean usableIn(Authorisation authorisation, Vote vote) {
        return authorisation.state() == Authorisation.State.ACCEPTED && authorisation.covers(vote);
    }

    /**
     * V4: at a meeting, a ballot under an authorisation counts only while its holder is recorded present: a proxy
     * through the attendance of the member it represents, a substitute through its own member's delegation.
     */
    public static void holderPresentAtTheMeeting(Vote vote, boolean holderPresent) {
        if (vote.atMeeting() && !holderPresent) {
            throw new DomainException.RuleViolation("V4", "A ballot under an authorisation counts only while its "
                    + "holder is recorded present at meeting '" + vote.question().meetingId() + "'");
        }
    }

    /** V4: an authorisation can be revoked until a ballot is cast under it; after that the ballot stands (V1). */
    public static void revocableUntilUsed(Authorisation authorisation, boolean used) {
        if (used) {
            throw new DomainException.Conflict("A ballot was already cast under authorisation '"
                    + authorisation.id() + "'; it can no longer be revoked");
        }
        if (authorisation.state() == Authorisation.State.REVOKED
                || authorisation.state() == Authorisation.State.REJECTED) {
            throw new DomainException.Conflict("Authorisation '" + authorisation.id() + "' is "
                    + authorisation.state());
        }
    }
}
