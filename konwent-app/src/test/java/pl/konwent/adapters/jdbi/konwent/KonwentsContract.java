package pl.konwent.adapters.jdbi.konwent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pl.konwent.adapters.jdbi.JdbiUnitOfWork;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.domain.konwent.Charter;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentDetails;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.shared.Voivodeship;
import pl.konwent.domain.voting.Majority;
import pl.konwent.domain.voting.Quorum;

/** What {@link JdbiKonwents} must do on every database engine. */
abstract class KonwentsContract {
    private static final Instant T0 = Instant.parse("2011-10-14T10:00:00.123Z");

    private Jdbi jdbi;
    private JdbiKonwents konwents;

    abstract TestDatabases.Engine engine();

    @BeforeEach
    void freshDatabase() {
        jdbi = TestDatabases.fresh(engine()).jdbi();
        konwents = new JdbiKonwents(jdbi);
    }

    @Test
    void storesAndReadsBackEveryFieldWithPolishLetters() {
        Konwent dolnoslaski = new Konwent(new KonwentId("dolnoslaski"), "Dolnośląski Konwent CIS i KIS — Zażółć gęślą jaźń",
                "Współpraca podmiotów zatrudnienia socjalnego", Voivodeship.DOLNOSLASKIE,
                new Charter(Majority.TWO_THIRDS, new Quorum(new BigDecimal("0.3333")), false, 7, 2, false), null, T0, T0, 1);

        konwents.add(dolnoslaski);

        assertThat(konwents.find(new KonwentId("dolnoslaski"))).contains(dolnoslaski);
    }

    @Test
    void aSecondKonwentWithTheSameIdIsAConflict() {
        konwents.add(konwent("krajowy"));

        assertThatThrownBy(() -> konwents.add(konwent("krajowy")))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessageContaining("krajowy");
    }

    @Test
    void unknownIdIsEmpty() {
        assertThat(konwents.find(new KonwentId("nieznany"))).isEmpty();
    }

    @Test
    void pagesFollowTheIdOrderWithoutGapsOrRepeats() {
        for (String id : new String[] {"slaski", "dolnoslaski", "krajowy", "lubelski", "pomorski"}) {
            konwents.add(konwent(id));
        }

        Page<Konwent> first = konwents.list(PageRequest.first(2));
        Page<Konwent> second = konwents.list(new PageRequest(2, first.nextAfter()));
        Page<Konwent> third = konwents.list(new PageRequest(2, second.nextAfter()));

        assertThat(first.items()).extracting(k -> k.id().value()).containsExactly("dolnoslaski", "krajowy");
        assertThat(second.items()).extracting(k -> k.id().value()).containsExactly("lubelski", "pomorski");
        assertThat(third.items()).extracting(k -> k.id().value()).containsExactly("slaski");
        assertThat(third.nextAfter()).isNull();
    }

    @Test
    void replaceSucceedsOnlyFromTheExpectedVersion() {
        Konwent original = konwent("krajowy");
        konwents.add(original);
        Konwent revised = original.revised(new KonwentDetails("Nowa nazwa", null, null, Charter.defaults(), null),
                T0.plusSeconds(60));

        assertThat(konwents.replace(revised, 1)).isTrue();
        assertThat(konwents.replace(revised, 1)).isFalse();
        assertThat(konwents.find(original.id())).contains(revised);
    }

    @Test
    void aUnitOfWorkRollsBackEverythingWhenItFails() {
        JdbiUnitOfWork unitOfWork = new JdbiUnitOfWork(jdbi);

        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> {
            konwents.add(konwent("pomorski"));
            konwents.add(konwent("pomorski"));
            return null;
        })).isInstanceOf(DomainException.Conflict.class);

        assertThat(konwents.find(new KonwentId("pomorski"))).isEmpty();
    }

    private static Konwent konwent(String id) {
        return new Konwent(new KonwentId(id), "Konwent " + id, null, null, Charter.defaults(), null, T0, T0, 1);
    }
}
