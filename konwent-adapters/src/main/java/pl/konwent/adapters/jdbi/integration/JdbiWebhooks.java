package pl.konwent.adapters.jdbi.integration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import pl.konwent.adapters.jdbi.NewestFirst;
import pl.konwent.domain.integration.Delivery;
import pl.konwent.domain.integration.EventType;
import pl.konwent.domain.integration.Webhook;
import pl.konwent.domain.integration.Webhooks;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.Events;
import pl.konwent.domain.shared.IdSource;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/** Webhooks in table {@code webhook} (event types as a comma-separated list) and their deliveries. */
public final class JdbiWebhooks implements Webhooks {
    private static final String COLUMNS = "id, konwent_id, url, events, description, active, secret, created_at, "
            + "updated_at, version";
    private static final String DELIVERY_COLUMNS = "id, webhook_id, event_id, event_type, status, attempts, "
            + "last_status, last_error, last_attempt_at, next_attempt_at, delivered_at, created_at";
    private static final RowMapper<Webhook> MAPPER = (rs, ctx) -> new Webhook(rs.getString("id"),
            new KonwentId(rs.getString("konwent_id")),
            new Webhook.Settings(rs.getString("url"), Arrays.stream(rs.getString("events").split(","))
                    .map(EventType::parse).toList(), rs.getString("description"), rs.getBoolean("active")),
            rs.getString("secret"), Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")), rs.getLong("version"));
    private static final RowMapper<Delivery> DELIVERY = (rs, ctx) -> {
        Delivery.Status status = Delivery.Status.valueOf(rs.getString("status"));
        int lastStatusCode = rs.getInt("last_status");
        Integer lastStatus = rs.wasNull() ? null : lastStatusCode;
        return new Delivery(rs.getString("id"), rs.getString("webhook_id"), rs.getString("event_id"),
                rs.getString("event_type"), status, rs.getInt("attempts"), lastStatus,
                rs.getString("last_error"), instant(rs, "last_attempt_at"),
                status == Delivery.Status.PENDING ? instant(rs, "next_attempt_at") : null,
                instant(rs, "delivered_at"), instant(rs, "created_at"));
    };

    private final Jdbi jdbi;
    private final IdSource ids;
    private final Clock clock;

    public JdbiWebhooks(Jdbi jdbi, IdSource ids, Clock clock) {
        this.jdbi = jdbi;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public void add(Webhook webhook) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO webhook (" + COLUMNS + ") VALUES (:id, :konwent, "
                        + ":url, :events, :description, :active, :secret, :createdAt, :updatedAt, :version)")
                .bindMap(values(webhook)).bind("createdAt", webhook.createdAt().toEpochMilli())
                .bind("konwent", webhook.konwent().value()).execute());
    }

    @Override
    public Optional<Webhook> find(KonwentId konwent, String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM webhook "
                        + "WHERE konwent_id = :konwent AND id = :id")
                .bind("konwent", konwent.value()).bind("id", id).map(MAPPER).findOne());
    }

    @Override
    public Page<Webhook> list(KonwentId konwent, PageRequest page) {
        return NewestFirst.page(jdbi, "SELECT " + COLUMNS + " FROM webhook WHERE konwent_id = :konwent",
                Map.of("konwent", konwent.value()), "created_at", page, MAPPER,
                webhook -> webhook.createdAt().toEpochMilli(), Webhook::id);
    }

    @Override
    public boolean replace(Webhook revised, long expectedVersion) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE webhook SET url = :url, events = :events, "
                        + "description = :description, active = :active, secret = :secret, updated_at = :updatedAt, "
                        + "version = :version WHERE id = :id AND version = :expected")
                .bindMap(values(revised)).bind("expected", expectedVersion).execute()) == 1;
    }

    @Override
    public boolean delete(KonwentId konwent, String id) {
        return jdbi.withHandle(handle -> {
            handle.createUpdate("DELETE FROM webhook_delivery WHERE webhook_id = (SELECT id FROM webhook "
                    + "WHERE konwent_id = :konwent AND id = :id)").bind("konwent", konwent.value()).bind("id", id)
                    .execute();
            return handle.createUpdate("DELETE FROM webhook WHERE konwent_id = :konwent AND id = :id")
                    .bind("konwent", konwent.value()).bind("id", id).execute() == 1;
        });
    }

    @Override
    public Page<Delivery> deliveries(String webhookId, PageRequest page) {
        return NewestFirst.page(jdbi, "SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery "
                        + "WHERE webhook_id = :webhook", Map.of("webhook", webhookId), "created_at", page, DELIVERY,
                delivery -> delivery.createdAt().toEpochMilli(), Delivery::id);
    }

    @Override
    public Delivery enqueue(Webhook webhook, Events.Event event) {
        return jdbi.withHandle(handle -> {
            String id = JdbiEvents.store(handle, ids, clock.millis(), event, List.of(webhook.id())).get(0);
            return handle.createQuery("SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery WHERE id = :id")
                    .bind("id", id).map(DELIVERY).one();
        });
    }

    private static Map<String, Object> values(Webhook webhook) {
        Webhook.Settings settings = webhook.settings();
        Map<String, Object> values = new HashMap<>();
        values.put("id", webhook.id());
        values.put("url", settings.url());
        values.put("events", settings.events().stream().map(EventType::wireName).collect(Collectors.joining(",")));
        values.put("description", settings.description());
        values.put("active", settings.active());
        values.put("secret", webhook.secret());
        values.put("updatedAt", webhook.updatedAt().toEpochMilli());
        values.put("version", webhook.version());
        return values;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
