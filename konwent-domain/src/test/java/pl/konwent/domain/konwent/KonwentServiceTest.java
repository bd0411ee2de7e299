package pl.konwent.domain.konwent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import pl.konwent.domain.access.AccountId;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.access.Role;
import pl.konwent.domain.access.RoleGrant;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.shared.UnitOfWork;

class KonwentServiceTest {
    private static final Instant FOUNDED = Instant.parse("2011-10-14T10:00:00Z");
    private static final AccountId ADMIN_ID = new AccountId("00000000-0000-0000-0000-000000000001");
    private static final Optional<Caller> ADMIN = Optional.of(new Caller(ADMIN_ID, "admin",
            List.of(new RoleGrant("g1", ADMIN_ID, null, Role.ADMIN, null, FOUNDED))));
    private static final AccountId DEPARTMENT_ID = new AccountId("00000000-0000-0000-0000-000000000002");
    private static final Optional<Caller> DEPARTMENT_OF_POMORSKI = Optional.of(new Caller(DEPARTMENT_ID, "dep",
            List.of(new RoleGrant("g2", DEPARTMENT_ID, new KonwentId("pomorski"), Role.DEPARTMENT, null, FOUNDED))));

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
        Konwent created = service.create(ADMIN, "krajowy", new KonwentInput("Konwent", null, null, null, null));

        assertThat(created.version()).isEqualTo(1);
        assertThat(created.createdAt()).isEqualTo(FOUNDED);
        assertThat(service.get("krajowy")).isEqualTo(created);
    }

    @Test
    void aRevisionBumpsTheVersionAndKeepsTheFoundingTime() {
        service.create(ADMIN, "krajowy", new KonwentInput("Konwent", null, null, null, null));

        Konwent revised = service.revise(ADMIN, "krajowy", new KonwentInput("Nowa nazwa", null, null, null, null),
                OptionalLong.of(1));

        assertThat(revised.version()).isEqualTo(2);
        assertThat(revised.name()).isEqualTo("Nowa nazwa");
        assertThat(revised.createdAt()).isEqualTo(FOUNDED);
    }

    @Test
    void aRevisionFromAnOldVersionIsStaleAndChangesNothing() {
        service.create(ADMIN, "krajowy", new KonwentInput("Konwent", null, null, null, null));
        service.revise(ADMIN, "krajowy", new KonwentInput("Druga", null, null, null, null), OptionalLong.empty());

        assertThatThrownBy(() -> service.revise(ADMIN, "krajowy", new KonwentInput("Trzecia", null, null, null, null),
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
        assertThatThrownBy(() -> service.create(ADMIN, "Zły", new KonwentInput("Konwent", null, null, null, null)))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("id"));
    }

    @Test
    void onlyAnAdminFoundsAKonwent() {
        KonwentInput input = new KonwentInput("Konwent", null, null, null, null);

        assertThatThrownBy(() -> service.create(Optional.empty(), "krajowy", input))
                .isInstanceOf(DomainException.Unauthenticated.class);
        assertThatThrownBy(() -> service.create(DEPARTMENT_OF_POMORSKI, "krajowy", input))
                .isInstanceOf(DomainException.Forbidden.class);
    }

    @Test
    void theDepartmentRevisesItsOwnKonwentOnly() {
        service.create(ADMIN, "pomorski", new KonwentInput("Pomorski", null, null, null, null));
        service.create(ADMIN, "lubelski", new KonwentInput("Lubelski", null, null, null, null));

        service.revise(DEPARTMENT_OF_POMORSKI, "pomorski", new KonwentInput("Pomorski 2", null, null, null, null),
                OptionalLong.empty());

        assertThat(service.get("pomorski").name()).isEqualTo("Pomorski 2");
        assertThatThrownBy(() -> service.revise(DEPARTMENT_OF_POMORSKI, "lubelski",
                new KonwentInput("Cudzy", null, null, null, null), OptionalLong.empty()))
                .isInstanceOf(DomainException.Forbidden.class);
        assertThat(service.get("lubelski").name()).isEqualTo("Lubelski");
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
