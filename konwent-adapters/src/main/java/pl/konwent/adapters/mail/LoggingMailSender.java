package pl.konwent.adapters.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pl.konwent.domain.shared.Mail;

/** The default: writes each message to the log (logger {@code konwent.mail}) instead of sending it. */
public final class LoggingMailSender implements MailSender {
    private static final Logger LOG = LoggerFactory.getLogger("konwent.mail");

    @Override
    public void send(Mail mail) {
        LOG.info("Mail to {}: {}\n{}", mail.to(), mail.subject(), mail.body());
    }
}
