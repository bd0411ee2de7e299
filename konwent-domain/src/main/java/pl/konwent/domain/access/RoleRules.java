package pl.konwent.domain.access;

import java.util.Collection;
import java.util.Locale;
import pl.konwent.domain.konwent.Charter;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.DomainException;

/**
 * Who may hold which role, and who may hand it out (README, "Roles"). Each rule names its id; a grant that breaks
 * one is a 422 rule-violation naming it. The threat they meet (issue 19, OWASP API5): a DEPARTMENT or an ADMIN
 * making itself, or anyone it likes, the voice of a member, and through it a council seat or the member's ballot.
 */
public final class RoleRules {
    private RoleRules() {
    }

    /** A1: an account holds DEPARTMENT or REPRESENTATIVE in a konwent, never both. */
    public static void departmentIsNeverAlsoRepresentative(Collection<RoleGrant> held, KonwentId konwent,
                                                              Role role) {
        Role other = role == Role.DEPARTMENT ? Role.REPRESENTATIVE : role == Role.REPRESENTATIVE ? Role.DEPARTMENT
                : null;
        if (other != null && held.stream().anyMatch(grant -> grant.role() == other && grant.isIn(konwent))) {
            throw new DomainException.RuleViolation("A1", "An account cannot hold both DEPARTMENT and REPRESENTATIVE "
                    + "in konwent '" + konwent + "': the department supervises the members, it does not act for one");
        }
    }

    /**
     * A2: the REPRESENTATIVE of a member is an account whose e-mail is that of a person the member itself has named
     * as its representative (in its declaration, or since then through its own REPRESENTATIVE's update of its
     * contact data). Only an ADMIN may grant it for anyone else, and only with a reason, kept in the audit trail.
     *
     * @param namedEmails the e-mails of the member's representatives as the member keeps them now
     * @param reason      the granter's reason, or null
     */
    public static void representativeIsNamedByTheMember(Caller granter, Account account,
                                                           Collection<String> namedEmails, String reason) {
        boolean named = account.email() != null && namedEmails.stream()
                .anyMatch(email -> email != null && normalEmail(email).equals(normalEmail(account.email())));
        if (named) {
            return;
        }
        if (!granter.isAdmin()) {
            throw new DomainException.RuleViolation("A2", "The member has not named this account's e-mail among its "
                    + "representatives: a member names its own representatives, in its declaration or through its "
                    + "REPRESENTATIVE's update of its contact data");
        }
        if (reason == null || reason.isBlank()) {
            throw new DomainException.RuleViolation("A2", "The member has not named this account's e-mail among its "
                    + "representatives; an ADMIN may still grant the role, but only with a reason for the audit trail");
        }
    }

    /**
     * A3 (O1, O2): SECRETARIAT follows the award of the organiser competition, as COUNCIL follows the term (C2). It
     * is granted or revoked by hand only in a konwent whose charter says there is no competition.
     */
    public static void secretariatFollowsTheCompetition(Charter charter) {
        if (charter.organiserCompetition()) {
            throw new DomainException.RuleViolation("A3", "In this konwent the SECRETARIAT role comes with the award "
                    + "of the organiser competition (O1) and lasts until the next award; it is granted by hand only "
                    + "where the charter says organiserCompetition: false");
        }
    }

    /** C2 (issue 7): COUNCIL is held through a seat in the term in office, never granted or revoked by hand. */
    public static void councilFollowsTheTerm(Role role) {
        if (role == Role.COUNCIL) {
            throw new DomainException.RuleViolation("C2", "The COUNCIL role follows the council term: the "
                    + "REPRESENTATIVE accounts of the members holding seats in the term in office hold it. Appoint "
                    + "or elect the council instead");
        }
    }

    /**
     * V6: only a member's own people act for it. ADMIN and DEPARTMENT never cast a member's ballot (resolution votes
     * and council elections), whatever else they hold; the member's REPRESENTATIVE does.
     */
    public static Caller onlyTheMembersOwnPeopleVote(Caller caller, KonwentId konwent, String memberId) {
        if (caller.isAdmin() || caller.holds(konwent, Role.DEPARTMENT)) {
            throw new DomainException.Forbidden("V6: the ADMIN and the DEPARTMENT never cast a member's ballot; "
                    + "only the REPRESENTATIVE of member '" + memberId + "' does");
        }
        if (!caller.represents(konwent, memberId)) {
            throw new DomainException.Forbidden("Only the REPRESENTATIVE of member '" + memberId
                    + "' may cast its ballot");
        }
        return caller;
    }

    private static String normalEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
