package pl.konwent.domain.access;

import java.util.List;
import java.util.Optional;

/** The roles accounts hold (outgoing port). */
public interface RoleGrants {
    /** Stores a grant; the same role held twice (same konwent, same member) is a {@code Conflict}. */
    void add(RoleGrant grant);

    List<RoleGrant> of(AccountId account);

    Optional<RoleGrant> find(AccountId account, String grantId);

    void remove(String grantId);
}
