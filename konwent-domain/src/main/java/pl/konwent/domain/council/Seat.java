package pl.konwent.domain.council;

import java.util.Objects;
import pl.konwent.domain.membership.MemberKind;

/** A council seat: held by a member (a CIS or KIS, C1) through the person who represents it there. */
public record Seat(String memberId, String memberName, MemberKind kind, String holderName) {
    public Seat {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(memberName, "memberName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(holderName, "holderName");
    }
}
