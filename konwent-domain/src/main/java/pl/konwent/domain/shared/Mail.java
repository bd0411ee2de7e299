package pl.konwent.domain.shared;

import java.util.Objects;

/** One plain-text e-mail to one recipient, as the rules decide to send it (invitations, communiqués). */
public record Mail(String to, String subject, String body) {
    public Mail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
