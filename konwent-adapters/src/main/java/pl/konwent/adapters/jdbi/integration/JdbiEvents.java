package pl.konwent.adapters.jdbi.integration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import pl.konwent.adapters.jdbi.JsonColumns;
import pl.konwent.domain.shared.Events;
import pl.konwent.domain.shared.IdSource;

/**
 * Publishing into the webhook outbox: inside the use case's transaction (the thread's handle) the event is stored
 * with one delivery per active webhook of its konwent that subscribed to its type, so a delivery exists exactly
 * when the change it reports was stored. An event nobody subscribed to leaves no row.
 */
public final class JdbiEvents implements Events {
    private final Jdbi jdbi;
    private final IdSource ids;
    private final Clock clock;

    public JdbiEvents(Jdbi jdbi, IdSource ids, Clock clock) {
        this.jdbi = jdbi;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public void publish(Event event) {
        jdbi.useHandle(handle -> {
            List<String> subscribers = handle.createQuery("SELECT id, events FROM webhook "
                            + "WHERE konwent_id = :konwent AND active = TRUE ORDER BY id")
                    .bind("konwent", event.konwentId())
                    .map((rs, ctx) -> Arrays.asList(rs.getString("events").split(",")).contains(event.type())
                            ? rs.getString("id") : null)
                    .list().stream().filter(id -> id != null).toList();
            if (!subscribers.isEmpty()) {
                store(handle, ids, clock.millis(), event, subscribers);
            }
        });
    }

    /** Stores the event and a PENDING delivery of it for each webhook; answers the deliveries' ids in that order. */
    static List<String> store(Handle handle, IdSource ids, long now, Event event, List<String> webhookIds) {
        String eventId = ids.newId().toString();
        handle.createUpdate("INSERT INTO webhook_event (id, konwent_id, type, subject_id, occurred_at, body) "
                        + "VALUES (:id, :konwent, :type, :subject, :at, :body)")
                .bind("id", eventId).bind("konwent", event.konwentId()).bind("type", event.type())
                .bind("subject", event.subjectId()).bind("at", event.at().toEpochMilli())
                .bind("body", body(eventId, event)).execute();
        PreparedBatch batch = handle.prepareBatch("INSERT INTO webhook_delivery (id, webhook_id, event_id, "
                + "event_type, status, attempts, next_attempt_at, created_at) "
                + "VALUES (:id, :webhook, :event, :type, 'PENDING', 0, :now, :now)");
        List<String> deliveries = new ArrayList<>();
        for (String webhookId : webhookIds) {
            String id = ids.newId().toString();
            deliveries.add(id);
            batch.bind("id", id).bind("webhook", webhookId).bind("event", eventId).bind("type", event.type())
                    .bind("now", now).add();
        }
        batch.execute();
        return deliveries;
    }

    /** The JSON every receiver gets, fixed once so that retries send (and sign) the very same bytes. */
    static String body(String eventId, Event event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId);
        body.put("type", event.type());
        body.put("konwentId", event.konwentId());
        body.put("subjectId", event.subjectId());
        body.put("occurredAt", event.at().toString());
        body.put("data", event.data());
        return JsonColumns.write(body);
    }
}
