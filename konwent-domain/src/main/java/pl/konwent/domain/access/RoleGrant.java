package pl.konwent.domain.access;

import java.time.Instant;
import java.util.Objects;
import pl.konwent.domain.konwent.KonwentId;

/**
 * One role held by one account: in {@code konwent} (null for the installation-wide ADMIN), and for a
 * REPRESENTATIVE, on behalf of {@code memberId}.
 */
public record RoleGrant(String id, AccountId account, KonwentId konwent, Role role, String memberId,
                        Instant grantedAt) {
    /** Ids of the SECRETARIAT roles held through the award of an organiser competition (O1): never stored. */
    public static final String AWARDED_SECRETARIAT_PREFIX = "secretariat-";

    public RoleGrant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(grantedAt, "grantedAt");
        if (role.isInstallationWide() != (konwent == null)) {
            throw new IllegalArgumentException("ADMIN has no konwent; every other role has one");
        }
        if ((role == Role.REPRESENTATIVE) != (memberId != null)) {
            throw new IllegalArgumentException("a member goes with REPRESENTATIVE and with no other role");
        }
    }

    public boolean isIn(KonwentId konwentId) {
        return konwentId.equals(konwent);
    }
}
