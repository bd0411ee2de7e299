package pl.konwent.adapters.mail;

import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import pl.konwent.domain.shared.Mail;

/** Sends plain-text UTF-8 messages through an SMTP server (Eclipse Angus Mail), optionally with STARTTLS and login. */
public final class SmtpMailSender implements MailSender {
    /** Where and as whom to send; {@code username} null or blank: the server takes mail without login. */
    public record Server(String host, int port, String username, String password, String from, boolean startTls,
                         Duration timeout) {
    }

    private final Session session;
    private final InternetAddress from;

    public SmtpMailSender(Server server) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", server.host());
        properties.put("mail.smtp.port", String.valueOf(server.port()));
        String timeout = String.valueOf(server.timeout().toMillis());
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        if (server.startTls()) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        boolean login = server.username() != null && !server.username().isBlank();
        properties.put("mail.smtp.auth", String.valueOf(login));
        this.session = login ? Session.getInstance(properties, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(server.username(), server.password());
            }
        }) : Session.getInstance(properties);
        try {
            this.from = new InternetAddress(server.from(), true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("mail.from is not an e-mail address: " + server.from(), e);
        }
    }

    @Override
    public void send(Mail mail) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setText(mail.body(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            Transport.send(message);
        } catch (MessagingException e) {
            throw new Failure("SMTP refused or failed the message to " + mail.to() + ": " + e.getMessage(), e);
        }
    }
}
