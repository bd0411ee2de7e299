package pl.konwent.domain.integration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import pl.konwent.domain.shared.FieldErrors;
import pl.konwent.domain.shared.InvalidValue;

/** A webhook as its owner sends it, on registration and on change; {@code active} left out means true. */
public record WebhookInput(String url, List<String> events, String description, Boolean active) {
    static final int MAX_URL = 2000;

    Webhook.Settings validate(FieldErrors errors, Destinations destinations) {
        String checkedUrl = errors.requireText("url", url, MAX_URL);
        if (checkedUrl != null) {
            checkedUrl = errors.parse("url", () -> {
                URI uri = parseUrl(url.strip());
                destinations.refusal(uri).ifPresent(reason -> {
                    throw new InvalidValue(reason);
                });
                return uri.toString();
            });
        }
        List<EventType> types = new ArrayList<>();
        errors.check(events != null && !events.isEmpty(), "events", "must name at least one event type");
        List<String> given = events == null ? List.of() : events;
        for (int i = 0; i < given.size(); i++) {
            String raw = given.get(i);
            EventType type = errors.parse("events[" + i + "]", () -> EventType.parse(raw));
            errors.check(type == null || !types.contains(type), "events[" + i + "]", "is listed more than once");
            if (type != null && !types.contains(type)) {
                types.add(type);
            }
        }
        String note = errors.optionalText("description", description, 500);
        return new Webhook.Settings(checkedUrl, types, note, active == null || active);
    }

    /** An absolute http or https URL without credentials or fragment: what the dispatcher will POST to. */
    static URI parseUrl(String raw) {
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new InvalidValue("must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.isOpaque()) {
            throw new InvalidValue("must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidValue("must not carry credentials; the signature authenticates the sender");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidValue("must not have a fragment");
        }
        return uri;
    }
}
