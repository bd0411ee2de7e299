package pl.konwent.domain.konwent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.shared.UnitOfWork;

class KonwentServiceTest {
    private static final Instant FOUNDED = Instant.parse("2011-10-14T10:00:00Z");

    private final InMemoryKonwents konwents = new InMemoryKonwents();
    private final UnitOfWork direct = new UnitOfWork() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    };
    private final KonwentService service = new KonwentService(konwents, direct, Clock.fixed(FOUNDED, ZoneOffset.UTC));

    @Test
    void aNewKonwentStartsAtVersionOneWithTheClocksTime() {
        Konwent created = service.create("krajowy", new KonwentInput("Konwent", null, null, null));

        assertThat(created.version()).isEqualTo(1);
        assertThat(created.createdAt()).isEqualTo(FOUNDED);
        assertThat(service.get("krajowy")).isEqualTo(created);
    }

    @Test
    void aRevisionBumpsTheVersionAndKeepsTheFoundingTime() {
        service.create("krajowy", new KonwentInput("Konwent", null, null, null));

        Konwent revised = service.revise("krajowy", new KonwentInput("Nowa nazwa", null, null, null),
                OptionalLong.of(1));

        assertThat(revised.version()).isEqualTo(2);
        assertThat(revised.name()).isEqualTo("Nowa nazwa");
        assertThat(revised.createdAt()).isEqualTo(FOUNDED);
    }

    @Test
    void aRevisionFromAnOldVersionIsStaleAndChangesNothing() {
        service.create("krajowy", new KonwentInput("Konwent", null, null, null));
        service.revise("krajowy", new KonwentInput("Druga", null, null, null), OptionalLong.empty());

        assertThatThrownBy(() -> service.revise("krajowy", new KonwentInput("Trzecia", null, null, null),
                OptionalLong.of(1))).isInstanceOf(DomainException.StaleVersion.class);
        assertThat(service.get("krajowy").name()).isEqualTo("Druga");
    }

    @Test
    void anIdThatCannotExistIsNotFoundRatherThanInvalid() {
        assertThatThrownBy(() -> service.get("NIE SLUG")).isInstanceOf(DomainException.NotFound.class);
        assertThatThrownBy(() -> service.get("brak")).isInstanceOf(DomainException.NotFound.class);
    }

    @Test
    void anInvalidIdOnCreateIsAFieldError() {
        assertThatThrownBy(() -> service.create("Zły", new KonwentInput("Konwent", null, null, null)))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("id"));
    }

    private static final class InMemoryKonwents implements Konwents {
        private final Map<String, Konwent> stored = new TreeMap<>();

        @Override
        public void add(Konwent konwent) {
            if (stored.putIfAbsent(konwent.id().value(), konwent) != null) {
                throw new DomainException.Conflict("duplicate");
            }
        }

        @Override
        public Optional<Konwent> find(KonwentId id) {
            return Optional.ofNullable(stored.get(id.value()));
        }

        @Override
        public Page<Konwent> list(PageRequest page) {
            return new Page<>(stored.values().stream().limit(page.limit()).toList(), null);
        }

        @Override
        public boolean replace(Konwent revised, long expectedVersion) {
            Konwent current = stored.get(revised.id().value());
            if (current == null || current.version() != expectedVersion) {
                return false;
            }
            stored.put(revised.id().value(), revised);
            return true;
        }
    }
}
