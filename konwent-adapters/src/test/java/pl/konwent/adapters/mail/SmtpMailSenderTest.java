package pl.konwent.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pl.konwent.domain.shared.Mail;

/** Plain-text UTF-8 mail through a real (in-process) SMTP server with login; refusals become {@code Failure}. */
class SmtpMailSenderTest {
    private static final String FROM = "konwent@example.pl";
    private static final String LOGIN = "konwent";
    private static final String PASSWORD = "tajne-hasło";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(FROM, LOGIN, PASSWORD));

    @Test
    void aMessageWithPolishLettersArrivesExactlyFromTheConfiguredAddress() throws Exception {
        Mail mail = new Mail("anna.zolkiewska@example.pl", "Zaproszenie na posiedzenie – Łódź, źródła",
                "Szanowni Państwo,\nzażółć gęślą jaźń. ZAŻÓŁĆ GĘŚLĄ JAŹŃ.\n„Cudzysłów” i € na koniec.");

        sender(LOGIN, PASSWORD, port()).send(mail);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage message = received[0];
        assertThat(message.getSubject()).isEqualTo(mail.subject());
        assertThat(message.getFrom()).containsExactly(new InternetAddress(FROM));
        assertThat(message.getRecipients(Message.RecipientType.TO))
                .containsExactly(new InternetAddress(mail.to()));
        assertThat(message.getContentType()).startsWithIgnoringCase("text/plain").containsIgnoringCase("utf-8");
        assertThat(normalised(message.getContent())).isEqualTo(mail.body());
    }

    @Test
    void wrongCredentialsAreAFailureAndNothingIsDelivered() {
        SmtpMailSender sender = sender(LOGIN, "złe-hasło", port());

        assertThatThrownBy(() -> sender.send(new Mail("jan@example.pl", "Temat", "Treść")))
                .isInstanceOf(MailSender.Failure.class).hasMessageContaining("jan@example.pl")
                .hasMessageContaining("535");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatDoesNotAnswerIsAFailure() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        SmtpMailSender sender = sender(LOGIN, PASSWORD, closed);

        assertThatThrownBy(() -> sender.send(new Mail("jan@example.pl", "Temat", "Treść")))
                .isInstanceOf(MailSender.Failure.class);
    }

    private static int port() {
        return smtp.getSmtp().getPort();
    }

    private static SmtpMailSender sender(String username, String password, int port) {
        return new SmtpMailSender(new SmtpMailSender.Server("127.0.0.1", port, username, password, FROM, false,
                TIMEOUT));
    }

    /** The body as sent; SMTP carries line ends as CRLF. */
    private static String normalised(Object content) {
        assertThat(content).isInstanceOf(String.class);
        return ((String) content).replace("\r\n", "\n");
    }
}
