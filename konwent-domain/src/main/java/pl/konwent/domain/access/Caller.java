package pl.konwent.domain.access;

import java.security.Principal;
import java.util.List;
import java.util.Objects;
import pl.konwent.domain.konwent.KonwentId;

/** The authenticated account making a request, with the roles it holds right now. */
public record Caller(AccountId id, String username, List<RoleGrant> grants) implements Principal {
    public Caller {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        grants = List.copyOf(grants);
    }

    @Override
    public String getName() {
        return username;
    }

    public boolean isAdmin() {
        return grants.stream().anyMatch(grant -> grant.role() == Role.ADMIN);
    }

    /** Whether the caller holds {@code role} in {@code konwent} (ADMIN is not implied here; see {@link Access}). */
    public boolean holds(KonwentId konwent, Role role) {
        return grants.stream().anyMatch(grant -> grant.role() == role && grant.isIn(konwent));
    }

    /** Whether the caller is the REPRESENTATIVE of {@code memberId} in {@code konwent}. */
    public boolean represents(KonwentId konwent, String memberId) {
        return grants.stream().anyMatch(grant -> grant.role() == Role.REPRESENTATIVE && grant.isIn(konwent)
                && grant.memberId().equals(memberId));
    }
}
