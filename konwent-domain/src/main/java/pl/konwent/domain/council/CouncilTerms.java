package pl.konwent.domain.council;

import java.util.Optional;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/**
 * The council terms of each konwent (outgoing port). One term per konwent and year, a database key. The term in
 * office in a year is the latest whose year has begun, while its period lasts (C5, {@link CouncilTerm#servesIn});
 * its seats' REPRESENTATIVE accounts hold the COUNCIL role
 * (see {@link pl.konwent.domain.access.RoleGrants#of}).
 */
public interface CouncilTerms {
    /** Stores a new term; one that exists already for the year is a {@code Conflict}. */
    void add(CouncilTerm term);

    Optional<CouncilTerm> find(KonwentId konwent, int year);

    /** The latest term of a year before {@code year}. */
    Optional<CouncilTerm> before(KonwentId konwent, int year);

    /** The earliest term of a year after {@code year}. */
    Optional<CouncilTerm> after(KonwentId konwent, int year);

    /** The latest term of all (the one in office, or one installed ahead of its year). */
    Optional<CouncilTerm> latest(KonwentId konwent);

    /** Terms newest year first. */
    Page<CouncilTerm> list(KonwentId konwent, PageRequest page);

    boolean replaceOfficers(CouncilTerm revised, long expectedVersion);
}
