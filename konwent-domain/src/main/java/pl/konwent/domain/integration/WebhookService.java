package pl.konwent.domain.integration;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import pl.konwent.domain.access.Access;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.access.Role;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentService;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Events;
import pl.konwent.domain.shared.FieldErrors;
import pl.konwent.domain.shared.IdSource;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.shared.UnitOfWork;

/**
 * Webhooks for integrators (regional portals, scripts): the konwent's DEPARTMENT registers addresses that get
 * its events, signed with a secret shown once. Only addresses outside the installation's network are taken.
 */
public final class WebhookService {
    /** Secrets carry this prefix, so one found in a log or a repository is recognised for what it is. */
    static final String SECRET_PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;

    private final Webhooks webhooks;
    private final Destinations destinations;
    private final KonwentService konwents;
    private final UnitOfWork unitOfWork;
    private final IdSource ids;
    private final Clock clock;

    public WebhookService(Webhooks webhooks, Destinations destinations, KonwentService konwents,
                          UnitOfWork unitOfWork, IdSource ids, Clock clock) {
        this.webhooks = webhooks;
        this.destinations = destinations;
        this.konwents = konwents;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
    }

    /** Registers a webhook with a new secret; the answer is the only time the secret is shown in full. */
    public Webhook register(Optional<Caller> caller, String konwentId, WebhookInput input) {
        Konwent konwent = managed(caller, konwentId);
        Webhook.Settings settings = validate(input);
        Instant now = now();
        Webhook webhook = new Webhook(ids.newId().toString(), konwent.id(), settings, newSecret(), now, now, 1);
        return unitOfWork.inTransaction(() -> {
            webhooks.add(webhook);
            return webhook;
        });
    }

    public Page<Webhook> list(Optional<Caller> caller, String konwentId, PageRequest page) {
        Konwent konwent = managed(caller, konwentId);
        return webhooks.list(konwent.id(), page);
    }

    public Webhook get(Optional<Caller> caller, String konwentId, String webhookId) {
        return find(managed(caller, konwentId), webhookId);
    }

    /** Replaces address, events, description and whether it is active; the secret stays. */
    public Webhook revise(Optional<Caller> caller, String konwentId, String webhookId, WebhookInput input,
                          OptionalLong expectedVersion) {
        Konwent konwent = managed(caller, konwentId);
        Webhook.Settings settings = validate(input);
        return unitOfWork.inTransaction(() -> {
            Webhook current = find(konwent, webhookId);
            requireVersion(current, expectedVersion);
            return replace(current, current.revised(settings, now()));
        });
    }

    /**
     * A new secret, shown once in the answer; the old one stops signing at once, so the receiver should accept
     * either while it switches.
     */
    public Webhook rotateSecret(Optional<Caller> caller, String konwentId, String webhookId) {
        Konwent konwent = managed(caller, konwentId);
        return unitOfWork.inTransaction(() -> {
            Webhook current = find(konwent, webhookId);
            return replace(current, current.withSecret(newSecret(), now()));
        });
    }

    /** Removes the webhook; deliveries still waiting are dropped with it, since nobody is to receive them. */
    public void delete(Optional<Caller> caller, String konwentId, String webhookId) {
        Konwent konwent = managed(caller, konwentId);
        unitOfWork.inTransaction(() -> {
            if (!webhooks.delete(konwent.id(), webhookId)) {
                throw notFound(konwent, webhookId);
            }
            return null;
        });
    }

    public Page<Delivery> deliveries(Optional<Caller> caller, String konwentId, String webhookId, PageRequest page) {
        Webhook webhook = find(managed(caller, konwentId), webhookId);
        return webhooks.deliveries(webhook.id(), page);
    }

    /** Sends a test event ({@link EventType#PING}) to this webhook alone; it must be active. */
    public Delivery ping(Optional<Caller> caller, String konwentId, String webhookId) {
        Konwent konwent = managed(caller, konwentId);
        return unitOfWork.inTransaction(() -> {
            Webhook webhook = find(konwent, webhookId);
            if (!webhook.settings().active()) {
                throw new DomainException.Conflict("Webhook '" + webhookId + "' is inactive; activate it first");
            }
            return webhooks.enqueue(webhook, new Events.Event(EventType.PING, konwent.id().value(), webhook.id(),
                    now(), Map.of("webhookId", webhook.id())));
        });
    }

    /** Webhooks are the konwent's DEPARTMENT's (and ADMIN's); anonymous callers learn nothing of konwents. */
    private Konwent managed(Optional<Caller> caller, String konwentId) {
        Access.authenticated(caller);
        Konwent konwent = konwents.get(konwentId);
        Access.requireRole(caller, konwent.id(), Role.DEPARTMENT);
        return konwent;
    }

    private Webhook.Settings validate(WebhookInput input) {
        FieldErrors errors = new FieldErrors();
        Webhook.Settings settings = input.validate(errors, destinations);
        errors.throwIfAny();
        return settings;
    }

    private Webhook find(Konwent konwent, String webhookId) {
        return webhooks.find(konwent.id(), webhookId).orElseThrow(() -> notFound(konwent, webhookId));
    }

    private Webhook replace(Webhook current, Webhook revised) {
        if (!webhooks.replace(revised, current.version())) {
            throw stale(current.id());
        }
        return revised;
    }

    private static void requireVersion(Webhook webhook, OptionalLong expectedVersion) {
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != webhook.version()) {
            throw stale(webhook.id());
        }
    }

    private static DomainException.StaleVersion stale(String webhookId) {
        return new DomainException.StaleVersion("Webhook '" + webhookId + "' was changed since the version you sent");
    }

    private static DomainException.NotFound notFound(Konwent konwent, String webhookId) {
        return new DomainException.NotFound("No webhook '" + webhookId + "' in konwent '" + konwent.id() + "'");
    }

    private String newSecret() {
        // The Standard Webhooks form: whsec_ and the key in base64 (before 2026-12: base64url, see README).
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(ids.secretBytes(SECRET_BYTES));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
