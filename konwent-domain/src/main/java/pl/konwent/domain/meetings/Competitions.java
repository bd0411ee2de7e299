package pl.konwent.domain.meetings;

import java.util.Optional;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/** Organiser competitions and their applications (outgoing port); one competition per konwent and year. */
public interface Competitions {
    void add(Competition competition);

    Optional<Competition> find(KonwentId konwent, String id);

    /** Competitions latest year first. */
    Page<Competition> list(KonwentId konwent, PageRequest page);

    /** Records the award if the competition is still at {@code expectedVersion}; false otherwise. */
    boolean award(Competition awarded, long expectedVersion);

    void addApplication(CompetitionApplication application);

    Optional<CompetitionApplication> findApplication(String competitionId, String applicationId);

    /** Applications, newest first. */
    Page<CompetitionApplication> applications(String competitionId, PageRequest page);
}
