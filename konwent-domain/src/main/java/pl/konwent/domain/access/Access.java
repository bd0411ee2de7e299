package pl.konwent.domain.access;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.DomainException;

/**
 * The one authorization policy: every resource method states what it needs by calling exactly one of these
 * before it does anything. ADMIN may do everything; any other role counts only in the konwent it was granted in
 * (OWASP API1/API5), and a REPRESENTATIVE only for its own member.
 */
public final class Access {
    private Access() {
    }

    /** A known caller, whatever its roles. */
    public static Caller authenticated(Optional<Caller> caller) {
        return caller.orElseThrow(() -> new DomainException.Unauthenticated(
                "This operation needs credentials: a Bearer token from POST /api/v1/tokens, or HTTP Basic"));
    }

    public static Caller requireAdmin(Optional<Caller> caller) {
        Caller known = authenticated(caller);
        if (!known.isAdmin()) {
            throw new DomainException.Forbidden("Only an ADMIN of the installation may do this");
        }
        return known;
    }

    /** ADMIN, or one of {@code roles} in {@code konwent}. */
    public static Caller requireRole(Optional<Caller> caller, KonwentId konwent, Role... roles) {
        Caller known = authenticated(caller);
        if (known.isAdmin() || Arrays.stream(roles).anyMatch(role -> known.holds(konwent, role))) {
            return known;
        }
        throw new DomainException.Forbidden("This needs the role " + Arrays.stream(roles).map(Role::name)
                .collect(Collectors.joining(" or ")) + " in konwent '" + konwent + "'");
    }

    /** Whether the caller, if any, is ADMIN or holds one of {@code roles} in {@code konwent}: for what it may see. */
    public static boolean holdsAny(Optional<Caller> caller, KonwentId konwent, Role... roles) {
        return caller.map(known -> known.isAdmin()
                || Arrays.stream(roles).anyMatch(role -> known.holds(konwent, role))).orElse(false);
    }

    /** ADMIN, or the REPRESENTATIVE of this very member. */
    public static Caller requireRepresentativeOf(Optional<Caller> caller, KonwentId konwent, String memberId) {
        Caller known = authenticated(caller);
        if (known.isAdmin() || known.represents(konwent, memberId)) {
            return known;
        }
        throw new DomainException.Forbidden("Only the REPRESENTATIVE of member '" + memberId + "' may act for it");
    }
}
