package pl.konwent.domain.meetings;

import java.util.Optional;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/** Work plans (outgoing port): one per konwent and year. */
public interface WorkPlans {
    void add(WorkPlan plan);

    Optional<WorkPlan> find(KonwentId konwent, int year);

    /** Plans latest year first. */
    Page<WorkPlan> list(KonwentId konwent, PageRequest page);

    boolean replace(WorkPlan revised, long expectedVersion);
}
