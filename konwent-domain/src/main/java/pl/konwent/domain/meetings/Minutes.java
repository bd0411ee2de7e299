package pl.konwent.domain.meetings;

import java.time.Instant;
import java.util.List;
import pl.konwent.domain.council.ElectionService;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.voting.VotingService;

/**
 * The minutes (protokół) of a held meeting, drawn up from what was recorded, never typed in: the meeting (date,
 * place, online link, agenda), the members present with their delegations, each vote held at it with its
 * question, rules, counts and outcome, the council elections closed while it sat, and the resolutions adopted.
 * Persons' names from the delegations are not in it (personal data, erasable); the council candidates' names are,
 * as the public election result shows them. A secret vote is reported by its counts only (V3).
 */
public record Minutes(Konwent konwent, Meeting meeting, Attendance attendance, List<Delegation> delegations,
                      List<VotingService.Result> votes, List<ElectionService.Result> elections, Instant drawnUpAt) {
    public Minutes {
        delegations = List.copyOf(delegations);
        votes = List.copyOf(votes);
        elections = List.copyOf(elections);
    }

    /**
     * A member present, how it took part, and the delegation it registered (O3): how many persons, how many of
     * them at the venue; both 0 when it registered none.
     */
    public record Delegation(String memberId, String memberName, Presence.Mode mode, int persons, int inPerson) {
    }

    /** The resolutions the meeting adopted: its closed votes that reached the quorum and the majority (V2). */
    public List<VotingService.Result> adopted() {
        return votes.stream().filter(r -> r.tally() != null && r.tally().adopted(r.majority(), r.quorum())).toList();
    }
}
