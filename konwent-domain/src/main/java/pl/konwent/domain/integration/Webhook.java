package pl.konwent.domain.integration;

import java.time.Instant;
import java.util.List;
import pl.konwent.domain.konwent.KonwentId;

/**
 * An integrator's subscription to some of a konwent's events: where they are POSTed and the secret their
 * signature is made with. An inactive webhook keeps its deliveries waiting until it is active again.
 */
public record Webhook(String id, KonwentId konwent, Settings settings, String secret, Instant createdAt,
                      Instant updatedAt, long version) {

    /** What its owner chooses: the address, the events, a note, whether it is active. */
    public record Settings(String url, List<EventType> events, String description, boolean active) {
        public Settings {
            events = List.copyOf(events);
        }

        public boolean wants(String eventType) {
            return active && events.stream().anyMatch(type -> type.wireName().equals(eventType));
        }
    }

    /** The secret's end, so its owner can tell which one a receiver holds without the API showing it again. */
    public String secretHint() {
        return secret.substring(0, secret.indexOf('_') + 1) + "…" + secret.substring(secret.length() - 4);
    }

    public Webhook revised(Settings changed, Instant at) {
        return new Webhook(id, konwent, changed, secret, createdAt, at, version + 1);
    }

    public Webhook withSecret(String newSecret, Instant at) {
        return new Webhook(id, konwent, settings, newSecret, createdAt, at, version + 1);
    }
}
