package pl.konwent.client.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.TestDatabases.Engine;
import pl.konwent.app.testing.TestServer;
import pl.konwent.client.model.Member;
import pl.konwent.client.model.MemberKind;

/** The generated Java client's example runs the founding journey against a live server, and can be repeated. */
@ExtendWith(DropwizardExtensionsSupport.class)
class FoundingWithJavaClientTest {
    static final DropwizardAppExtension<KonwentConfiguration> APP = TestServer.on(Engine.H2);

    @Test
    void theGeneratedClientFoundsAKonwentAndReadsItsRegister() throws Exception {
        FoundingWithJavaClient example = new FoundingWithJavaClient(URI.create("http://127.0.0.1:" + APP.getLocalPort()));

        List<Member> members = example.found("wielkopolski", TestServer.ADMIN_PASSWORD);
        List<Member> again = example.found("wielkopolski", TestServer.ADMIN_PASSWORD);

        assertThat(members).extracting(Member::getName).containsExactlyInAnyOrder(
                "Centrum Integracji Społecznej w Pniewy", "Centrum Integracji Społecznej w Poznań",
                "Centrum Integracji Społecznej w Gniezno");
        assertThat(members).extracting(Member::getKind).containsOnly(MemberKind.CIS);
        assertThat(again).extracting(Member::getId).containsExactlyInAnyOrderElementsOf(
                members.stream().map(Member::getId).toList());
    }
}
