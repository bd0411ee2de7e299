package pl.konwent.domain.konwent;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import pl.konwent.domain.access.Access;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.access.Role;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.FieldErrors;
import pl.konwent.domain.shared.InvalidValue;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.shared.UnitOfWork;

/** Use cases of the konwent itself: found one, read them, revise its details and charter. */
public final class KonwentService {
    private final Konwents konwents;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public KonwentService(Konwents konwents, UnitOfWork unitOfWork, Clock clock) {
        this.konwents = konwents;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** Founds a konwent (ADMIN). */
    public Konwent create(Optional<Caller> caller, String rawId, KonwentInput input) {
        Access.requireAdmin(caller);
        FieldErrors errors = new FieldErrors();
        KonwentId id = errors.parse("id", () -> new KonwentId(rawId));
        KonwentDetails details = input.validate(errors);
        errors.throwIfAny();
        Instant now = now();
        Konwent konwent = new Konwent(id, details.name(), details.description(), details.voivodeship(),
                details.charter(), details.declarationDeadline(), now, now, 1);
        return unitOfWork.inTransaction(() -> {
            konwents.add(konwent);
            return konwent;
        });
    }

    public Konwent get(String rawId) {
        return konwents.find(parseId(rawId)).orElseThrow(() -> notFound(rawId));
    }

    /**
     * The konwent with something of its own, as {@code read} finds them together in one statement (empty: no such
     * konwent); not found as {@link #get}.
     */
    public <T> T get(String rawId, Function<KonwentId, Optional<T>> read) {
        return read.apply(parseId(rawId)).orElseThrow(() -> notFound(rawId));
    }

    public Page<Konwent> list(PageRequest page) {
        return konwents.list(page);
    }

    /**
     * Replaces name, description, region and charter (ADMIN, or the konwent's DEPARTMENT). With {@code expectedVersion} present (the client's
     * If-Match) a konwent changed in between is refused as stale instead of overwritten.
     */
    public Konwent revise(Optional<Caller> caller, String rawId, KonwentInput input, OptionalLong expectedVersion) {
        Access.authenticated(caller);
        KonwentId id = parseId(rawId);
        Access.requireRole(caller, id, Role.DEPARTMENT);
        FieldErrors errors = new FieldErrors();
        KonwentDetails details = input.validate(errors);
        errors.throwIfAny();
        return unitOfWork.inTransaction(() -> {
            Konwent current = konwents.find(id).orElseThrow(() -> notFound(rawId));
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
                throw stale(id);
            }
            Konwent revised = current.revised(details, now());
            if (!konwents.replace(revised, current.version())) {
                throw stale(id);
            }
            return revised;
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static KonwentId parseId(String rawId) {
        try {
            return new KonwentId(rawId);
        } catch (InvalidValue e) {
            throw notFound(rawId);
        }
    }

    private static DomainException.NotFound notFound(String rawId) {
        return new DomainException.NotFound("No konwent '" + rawId + "'");
    }

    private static DomainException.StaleVersion stale(KonwentId id) {
        return new DomainException.StaleVersion("Konwent '" + id + "' was changed since the version you sent");
    }
}
