package pl.konwent.domain.council;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/**
 * Council elections and their candidates (outgoing port). Ballots go through the same secret ballot box as secret
 * resolution votes ({@link pl.konwent.domain.voting.SecretBallots}): electors fixed when the election opens, "who
 * voted" apart from a sealed ballot that marks every candidate, so one member casts one secret ballot (V1, V3).
 */
public interface Elections {
    /** Stores a new election; a second one for the same konwent, year and round is a {@code Conflict}. */
    void add(Election election);

    Optional<Election> find(KonwentId konwent, String id);

    /** Elections newest first. */
    Page<Election> list(KonwentId konwent, PageRequest page);

    /** The elections closed from {@code from} to {@code to}, both inclusive, earliest closed first. */
    List<Election> closedBetween(KonwentId konwent, Instant from, Instant to);

    /** The run-off held to resolve {@code electionId}'s tie, if one was called. */
    Optional<Election> runOffOf(String electionId);

    /** Stores a candidate; the same member twice in one election is a {@code Conflict}. */
    void addCandidate(Candidate candidate);

    Optional<Candidate> findCandidate(String electionId, String candidateId);

    /** Candidates, the latest nominated first. */
    Page<Candidate> candidates(String electionId, PageRequest page);

    /** Every candidate, in the order they were nominated. */
    List<Candidate> allCandidates(String electionId);

    boolean replaceCandidate(Candidate revised, Candidate.State expected);

    /**
     * Opens the election if it is still nominating and fixes its electors: the konwent's current members now.
     * Returns the number of electors, or -1 when it was no longer nominating.
     */
    int open(Election opened, long expectedVersion);

    boolean close(Election closed, long expectedVersion);

    long turnout(String electionId);

    boolean hasVoted(String electionId, String memberId);
}
