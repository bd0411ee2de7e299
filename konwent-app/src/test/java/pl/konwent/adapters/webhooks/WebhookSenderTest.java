package pl.konwent.adapters.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import pl.konwent.app.testing.Receiver;

/** DNS rebinding: the connection goes to the address that was checked, however the name resolves afterwards. */
class WebhookSenderTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void theConnectGoesToTheCheckedAddressEvenWhenTheNameResolvesElsewhereTheSecondTime() throws Exception {
        try (Receiver receiver = new Receiver()) {
            int port = URI.create(receiver.url("/")).getPort();
            List<String> asked = new CopyOnWriteArrayList<>();
            // first the receiver's loopback address, then one where nothing listens (a rebinding DNS server)
            AddressPolicy.Resolver rebinding = host -> {
                asked.add(host);
                return new InetAddress[] {InetAddress.getByName(asked.size() == 1 ? "127.0.0.1" : "127.0.0.2")};
            };
            WebhookSender sender = new WebhookSender(new AddressPolicy(true, rebinding), TIMEOUT);

            WebhookSender.Attempt attempt = sender.post("http://hooks.rebinding.test:" + port + "/hook",
                    Map.of("Content-Type", "application/json"), "{\"id\":1}");

            assertThat(attempt.delivered()).as(String.valueOf(attempt)).isTrue();
            assertThat(asked).containsExactly("hooks.rebinding.test");
            assertThat(receiver.received()).singleElement().satisfies(request -> {
                assertThat(request.header("Host")).isEqualTo("hooks.rebinding.test:" + port);
                assertThat(request.body()).isEqualTo("{\"id\":1}");
            });
        }
    }

    @Test
    void aNameThatResolvesToASpecialPurposeAddressIsNotSentAtAll() throws Exception {
        try (Receiver receiver = new Receiver()) {
            int port = URI.create(receiver.url("/")).getPort();
            AddressPolicy.Resolver loopback = host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
            WebhookSender sender = new WebhookSender(new AddressPolicy(false, loopback), TIMEOUT);

            WebhookSender.Attempt attempt = sender.post("http://public.rebinding.test:" + port + "/hook",
                    Map.of("Content-Type", "application/json"), "{}");

            assertThat(attempt.delivered()).isFalse();
            assertThat(attempt.status()).isNull();
            assertThat(attempt.error()).startsWith("Not sent").contains("127.0.0.0/8");
            assertThat(receiver.received()).isEmpty();
        }
    }
}
