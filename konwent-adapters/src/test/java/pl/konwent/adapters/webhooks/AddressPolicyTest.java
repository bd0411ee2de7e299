package pl.konwent.adapters.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SSRF: webhooks reach public addresses only, judged by every address a host is or resolves to. */
class AddressPolicyTest {
    private final AddressPolicy policy = new AddressPolicy(false, host -> {
        if (host.equals("rebound.example")) {
            return new InetAddress[] {InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.1.2.3")};
        }
        if (host.equals("portal.example")) {
            return new InetAddress[] {InetAddress.getByName("93.184.215.14")};
        }
        if (host.equals("nowhere.example")) {
            throw new UnknownHostException(host);
        }
        return InetAddress.getAllByName(host);
    });

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.5.6.7", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "169.254.0.1", "0.0.0.0", "0.1.2.3", "100.64.0.1", "100.127.255.254", "224.0.0.1",
            "239.255.255.250", "255.255.255.255", "[::1]", "[::]", "[fc00::1]", "[fd12:3456::1]", "[fe80::1]",
            "[ff02::1]", "[::ffff:127.0.0.1]", "[::ffff:169.254.169.254]", "[::10.0.0.1]", "[64:ff9b::a9fe:a9fe]"})
    void nonPublicAddressesAreRefused(String host) {
        assertThat(policy.refusal(URI.create("http://" + host + "/hook"))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.15.255.255",
            "172.32.0.1", "169.253.255.255", "192.169.0.1", "[2001:4860:4860::8888]", "[2a00:1450:4001::1]"})
    void publicAddressesAreTaken(String host) {
        assertThat(policy.refusal(URI.create("https://" + host + "/hook"))).isEmpty();
    }

    @Test
    void theRefusalNamesTheKindOfAddress() {
        assertThat(policy.refusal(URI.create("http://169.254.169.254/latest/meta-data"))).get().asString()
                .contains("link-local");
        assertThat(policy.refusal(URI.create("http://100.64.0.1/"))).get().asString().contains("carrier-grade NAT");
        assertThat(policy.refusal(URI.create("http://127.0.0.1:8080/"))).get().asString().contains("loopback");
    }

    @Test
    void aNameCountsByEveryAddressItResolvesTo() {
        assertThat(policy.refusal(URI.create("https://portal.example/hook"))).isEmpty();
        assertThat(policy.refusal(URI.create("https://rebound.example/hook"))).get().asString().contains("private");
        assertThat(policy.refusal(URI.create("https://nowhere.example/hook"))).get().asString()
                .contains("does not resolve");
    }

    @Test
    void privateAddressesAreTakenWhenTheInstallationAllowsThem() {
        AddressPolicy permissive = new AddressPolicy(true, host -> {
            throw new AssertionError("nothing is resolved when every address is allowed");
        });

        assertThat(permissive.refusal(URI.create("http://127.0.0.1:9999/hook"))).isEmpty();
        assertThat(permissive.refusal(URI.create("http://169.254.169.254/"))).isEmpty();
    }
}
