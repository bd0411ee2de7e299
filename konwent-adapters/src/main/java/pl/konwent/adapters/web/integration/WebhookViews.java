package pl.konwent.adapters.web.integration;

import java.time.Instant;
import java.util.List;
import pl.konwent.domain.integration.Delivery;
import pl.konwent.domain.integration.EventType;
import pl.konwent.domain.integration.Webhook;
import pl.konwent.domain.integration.WebhookInput;

/** Webhooks and their deliveries as the API shows and takes them. */
public final class WebhookViews {
    private WebhookViews() {
    }

    public record WebhookRequest(String url, List<String> events, String description, Boolean active) {
        WebhookInput toInput() {
            return new WebhookInput(url, events, description, active);
        }
    }

    /** {@code secret} is the whole secret right after it was made (registration, rotation); null on every read. */
    public record WebhookView(String id, String konwentId, String url, List<String> events, String description,
                              boolean active, String secret, String secretHint, Instant createdAt,
                              Instant updatedAt) {
        static WebhookView of(Webhook webhook) {
            return of(webhook, false);
        }

        static WebhookView withSecret(Webhook webhook) {
            return of(webhook, true);
        }

        private static WebhookView of(Webhook w, boolean showSecret) {
            return new WebhookView(w.id(), w.konwent().value(), w.settings().url(),
                    w.settings().events().stream().map(EventType::wireName).toList(), w.settings().description(),
                    w.settings().active(), showSecret ? w.secret() : null, w.secretHint(), w.createdAt(),
                    w.updatedAt());
        }
    }

    public record DeliveryView(String id, String webhookId, String eventId, String eventType, String status,
                               int attempts, Integer lastStatus, String lastError, Instant lastAttemptAt,
                               Instant nextAttemptAt, Instant deliveredAt, Instant createdAt) {
        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id(), d.webhookId(), d.eventId(), d.eventType(), d.status().name(),
                    d.attempts(), d.lastStatus(), d.lastError(), d.lastAttemptAt(), d.nextAttemptAt(),
                    d.deliveredAt(), d.createdAt());
        }
    }
}
