package pl.konwent.domain.integration;

import java.util.Optional;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.Events;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/** The stored webhooks and their deliveries (outgoing port). */
public interface Webhooks {
    void add(Webhook webhook);

    Optional<Webhook> find(KonwentId konwent, String id);

    /** Newest first. */
    Page<Webhook> list(KonwentId konwent, PageRequest page);

    /** Stores {@code revised} if the stored one still has {@code expectedVersion}; false otherwise. */
    boolean replace(Webhook revised, long expectedVersion);

    /** Removes the webhook and its deliveries; false when there was none. */
    boolean delete(KonwentId konwent, String id);

    /** The webhook's deliveries, newest first. */
    Page<Delivery> deliveries(String webhookId, PageRequest page);

    /** Records {@code event} for this webhook alone (a ping) and answers its delivery. */
    Delivery enqueue(Webhook webhook, Events.Event event);
}
