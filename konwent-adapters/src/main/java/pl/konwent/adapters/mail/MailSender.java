package pl.konwent.adapters.mail;

import pl.konwent.domain.shared.Mail;

/** Hands one message to whatever delivers mail; throws {@link Failure} when it was not accepted. */
public interface MailSender {
    void send(Mail mail);

    /** The message was not accepted; it stays in the outbox and is tried again. */
    final class Failure extends RuntimeException {
        public Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
