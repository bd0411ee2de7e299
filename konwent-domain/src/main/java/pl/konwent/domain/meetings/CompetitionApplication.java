package pl.konwent.domain.meetings;

import java.time.Instant;
import java.util.List;
import pl.konwent.domain.membership.MemberKind;

/**
 * An institution's application to organise the meetings (O1): it runs at least one CIS or KIS (named in
 * {@code runs}), is a member or not ({@code memberId}), and makes a short offer. The contact person is personal
 * data, shown to the department only. {@code applicantAccountId} is the account that applied, if one did.
 */
public record CompetitionApplication(String id, String competitionId, String institutionName, List<Unit> runs,
                                     String memberId, String offer, ContactPerson contact,
                                     String applicantAccountId, Instant submittedAt) {
    public CompetitionApplication {
        runs = List.copyOf(runs);
    }

    /** A CIS or KIS the institution runs. */
    public record Unit(MemberKind kind, String name) {
    }

    public record ContactPerson(String name, String email, String phone) {
    }
}
