package pl.konwent.domain.membership;

import java.time.Instant;
import pl.konwent.domain.access.AccountId;
import pl.konwent.domain.konwent.KonwentId;

/**
 * A membership declaration and its fate (M1, M2): SUBMITTED until the council (or, before there is one, the
 * department) accepts or rejects it with a reason; accepting it made member {@code memberId}. Internal: never
 * public (D1).
 */
public record Declaration(String id, KonwentId konwent, DeclarationContent content, State state, Instant submittedAt,
                          Decision decision, String memberId, long version) {

    public enum State { SUBMITTED, ACCEPTED, REJECTED }

    public record Decision(State outcome, String reason, AccountId decidedBy, String decidedByName, Instant decidedAt) {
    }

    public Declaration decided(Decision made, String createdMemberId) {
        return new Declaration(id, konwent, content, made.outcome(), submittedAt, made, createdMemberId, version + 1);
    }

    public Declaration withContent(DeclarationContent changed) {
        return new Declaration(id, konwent, changed, state, submittedAt, decision, memberId, version + 1);
    }
}
