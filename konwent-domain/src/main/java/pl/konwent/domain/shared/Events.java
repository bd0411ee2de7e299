package pl.konwent.domain.shared;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What happened that integrators may subscribe to (outgoing port): {@code member.accepted}, {@code vote.closed},
 * {@code document.published}, {@code meeting.invited} and the like. A use case publishes inside its transaction,
 * so an event exists exactly when the change it reports was stored; delivery happens afterwards, outside the domain.
 */
public interface Events {
    /**
     * One event of a konwent: its type, the id of what it is about, and the public facts an integrator needs
     * (never personal data). {@code data} values are strings, numbers, booleans or nested maps and lists of them.
     */
    record Event(String type, String konwentId, String subjectId, Instant at, Map<String, Object> data) {
        public Event {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(konwentId, "konwentId");
            Objects.requireNonNull(subjectId, "subjectId");
            Objects.requireNonNull(at, "at");
            data = Map.copyOf(data);
        }
    }

    void publish(Event event);

    /** For wiring and tests where nobody listens. */
    Events NONE = event -> { };
}
