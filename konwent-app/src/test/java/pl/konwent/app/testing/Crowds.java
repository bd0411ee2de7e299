package pl.konwent.app.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import pl.konwent.adapters.jdbi.membership.JdbiMembers;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.membership.Address;
import pl.konwent.domain.membership.Contact;
import pl.konwent.domain.membership.FoundingInstitution;
import pl.konwent.domain.membership.Member;
import pl.konwent.domain.membership.MemberKind;
import pl.konwent.domain.shared.Voivodeship;

/** Test fixtures for load: many members stored at once, and many requests sent at once. */
public final class Crowds {
    private Crowds() {
    }

    /** Stores {@code count} current CIS members of the konwent straight into the database; their ids. */
    public static List<String> members(Jdbi jdbi, String konwentId, int count) {
        JdbiMembers store = new JdbiMembers(jdbi);
        List<String> ids = new ArrayList<>();
        Instant joined = Instant.parse("2011-10-14T10:00:00Z");
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            Address seat = new Address("ul. Społeczna " + i, "00-001", "Warszawa", Voivodeship.MAZOWIECKIE);
            store.add(new Member(id, new KonwentId(konwentId), "CIS numer " + i, MemberKind.CIS,
                    new Contact(seat, "+48 22 000 00 00", "cis" + i + "@example.pl", new FoundingInstitution("Gmina",
                            seat, null, null), List.of()), Member.Status.ACTIVE, joined, null, null, null, 1));
            ids.add(id);
        }
        return ids;
    }

    /** A member's delegation of {@code size} persons coming in person, as a registration body. */
    public static java.util.Map<String, Object> delegation(String memberId, int size) {
        List<java.util.Map<String, String>> persons = new ArrayList<>();
        for (int p = 0; p < size; p++) {
            persons.add(java.util.Map.of("name", "Osoba " + p + " z " + memberId.substring(0, 8)));
        }
        return java.util.Map.of("memberId", memberId, "persons", persons);
    }

    /** Runs the tasks on {@code threads} threads at once and waits for all of them (two minutes at most). */
    public static void runAtOnce(List<Runnable> tasks, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Runnable task : tasks) {
                done.add(pool.submit(task));
            }
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
