package pl.konwent.domain.meetings;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import pl.konwent.domain.konwent.KonwentId;

/**
 * O1: the department's yearly competition for the organiser of the konwent's meetings, with the grant the winner
 * receives. Institutions apply until the deadline; the department then awards it to one application, whose
 * accounts run the secretariat until the next award.
 */
public record Competition(String id, KonwentId konwent, int year, String title, String description,
                          BigDecimal grantAmount, Instant deadline, Award award, Instant createdAt, long version) {

    public enum State { ANNOUNCED, AWARDED }

    /** The award: the winning application and the accounts that hold SECRETARIAT through it. */
    public record Award(String applicationId, String institutionName, List<String> accountIds, String reason,
                        Instant awardedAt) {
        public Award {
            accountIds = List.copyOf(accountIds);
        }
    }

    public State state() {
        return award == null ? State.ANNOUNCED : State.AWARDED;
    }

    public boolean acceptsApplications(Instant now) {
        return award == null && now.isBefore(deadline);
    }

    public Competition awarded(Award given) {
        return new Competition(id, konwent, year, title, description, grantAmount, deadline, given, createdAt,
                version + 1);
    }
}
