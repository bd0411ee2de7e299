package pl.konwent.domain.voting;

/**
 * V4: an authorisation as the member's REPRESENTATIVE submits it, raw: whose ballot ({@code memberId}), SUBSTITUTE
 * or PROXY, the holder's account (and, for a proxy, the member the holder represents), one meeting or one vote, and
 * who signed the written authorisation.
 */
public record AuthorisationInput(String memberId, String kind, String holderAccountId, String holderMemberId,
                                 String meetingId, String voteId, String signedBy) {
}
