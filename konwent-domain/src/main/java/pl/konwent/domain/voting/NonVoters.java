package pl.konwent.domain.voting;

import java.util.List;

/**
 * Who of a vote's or an election's electors has not voted yet (outgoing port). It reads only "who voted"
 * ({@code ballot_cast}), never a choice, so it tells participation and nothing of how anyone voted (V3).
 */
public interface NonVoters {
    /** One elector that has not voted. */
    record Elector(String memberId, String memberName) {
    }

    /** The electors without a ballot, by name then id. */
    List<Elector> of(String voteId);
}
