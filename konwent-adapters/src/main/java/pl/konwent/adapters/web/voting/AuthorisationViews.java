package pl.konwent.adapters.web.voting;

import java.time.Instant;
import pl.konwent.domain.voting.Authorisation;
import pl.konwent.domain.voting.AuthorisationInput;

/** V4: the JSON of authorisations (substitutes and proxies). */
public final class AuthorisationViews {
    private AuthorisationViews() {
    }

    public record AuthorisationRequest(String memberId, String kind, String holderAccountId, String holderMemberId,
                                       String meetingId, String voteId, String signedBy) {
        AuthorisationInput toInput() {
            return new AuthorisationInput(memberId, kind, holderAccountId, holderMemberId, meetingId, voteId,
                    signedBy);
        }
    }

    public record AuthorisationDecisionRequest(String outcome, String reason) {
    }

    public record RevocationRequest(String reason) {
    }

    /** {@code documentId}/{@code fileId}: the written authorisation, an INTERNAL document of the archive. */
    public record AuthorisationView(String id, String konwentId, String memberId, String kind,
                                    String holderAccountId, String holderMemberId, String meetingId, String voteId,
                                    String signedBy, String documentId, String fileId, String state, String reason,
                                    Instant submittedAt, Instant decidedAt, Instant revokedAt) {
        static AuthorisationView of(Authorisation a) {
            return new AuthorisationView(a.id(), a.konwent().value(), a.memberId(), a.kind().name(),
                    a.holder().value(), a.holderMemberId(), a.meetingId(), a.voteId(), a.signedBy(), a.documentId(),
                    a.fileId(), a.state().name(), a.reason(), a.submittedAt(), a.decidedAt(), a.revokedAt());
        }
    }
}
