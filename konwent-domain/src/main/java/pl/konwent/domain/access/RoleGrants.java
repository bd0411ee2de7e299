package pl.konwent.domain.access;

import java.util.List;
import java.util.Optional;

/** The roles accounts hold (outgoing port). */
public interface RoleGrants {
    /** Stores a grant; the same role held twice (same konwent, same member) is a {@code Conflict}. */
    void add(RoleGrant grant);

    /**
     * The account's roles: those granted, and COUNCIL in each konwent where the account is the REPRESENTATIVE of a
     * member holding a seat in the council term in office (issue 7: council roles follow the term).
     */
    List<RoleGrant> of(AccountId account);

    Optional<RoleGrant> find(AccountId account, String grantId);

    void remove(String grantId);
}
