package pl.konwent.domain.access;

/** What an account may do in one konwent (ADMIN: in the whole installation). See API.md, "Roles". */
public enum Role {
    /** Runs the whole installation: every konwent, every account. */
    ADMIN,
    /** The supervising ministry department: register, archive, competition, first council. */
    DEPARTMENT,
    /** A member of the programme council. */
    COUNCIL,
    /** The organiser's secretariat: meetings, registrations, attendance, communiqués. */
    SECRETARIAT,
    /** Acts for one member: its ballots, delegations and contact data. */
    REPRESENTATIVE;

    /** ADMIN belongs to the installation, every other role to one konwent. */
    public boolean isInstallationWide() {
        return this == ADMIN;
    }
}
