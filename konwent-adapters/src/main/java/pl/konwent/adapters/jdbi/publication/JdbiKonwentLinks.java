package pl.konwent.adapters.jdbi.publication;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import pl.konwent.adapters.jdbi.PublicStamps;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.publication.KonwentLinks;

/** Links of REGIONAL_KONWENT members to the konwents hosted here, in table {@code member_konwent_link}. */
public final class JdbiKonwentLinks implements KonwentLinks {
    private final Jdbi jdbi;

    public JdbiKonwentLinks(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<KonwentId> of(String memberId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT konwent_id FROM member_konwent_link "
                        + "WHERE member_id = :member")
                .bind("member", memberId).mapTo(String.class).findOne().map(KonwentId::new));
    }

    /** Replaces the member's link, if any (inside the use case's transaction). */
    @Override
    public void link(String memberId, KonwentId forum, KonwentId linked, Instant at) {
        PublicStamps.writing(jdbi, forum.value(), PublicStamps.Scope.FEED, handle -> {
            handle.createUpdate("DELETE FROM member_konwent_link WHERE member_id = :member")
                    .bind("member", memberId).execute();
            return handle.createUpdate("INSERT INTO member_konwent_link (member_id, forum_id, konwent_id, linked_at) "
                            + "VALUES (:member, :forum, :konwent, :at)")
                    .bind("member", memberId).bind("forum", forum.value()).bind("konwent", linked.value())
                    .bind("at", at.toEpochMilli()).execute();
        });
    }

    @Override
    public boolean unlink(String memberId) {
        // the forum's aggregated feed changes with it, so its stamp does, in the same transaction
        return jdbi.inTransaction(handle -> handle.createQuery("SELECT forum_id FROM member_konwent_link "
                        + "WHERE member_id = :member").bind("member", memberId).mapTo(String.class).findOne()
                .map(forum -> PublicStamps.writing(jdbi, forum, PublicStamps.Scope.FEED, h -> h.createUpdate(
                        "DELETE FROM member_konwent_link WHERE member_id = :member").bind("member", memberId)
                        .execute()) == 1)
                .orElse(false));
    }

    @Override
    public List<KonwentId> linkedTo(KonwentId forum) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT DISTINCT l.konwent_id FROM member_konwent_link l "
                        + "JOIN member m ON m.id = l.member_id WHERE l.forum_id = :forum AND m.status = 'ACTIVE' "
                        + "ORDER BY l.konwent_id")
                .bind("forum", forum.value()).mapTo(String.class).map(KonwentId::new).list());
    }
}
