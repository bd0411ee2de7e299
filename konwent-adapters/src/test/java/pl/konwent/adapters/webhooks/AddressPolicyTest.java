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
            "[ff02::1]", "[::ffff:127.0.0.1]", "[::ffff:169.254.169.254]", "[::10.0.0.1]", "[64:ff9b::a9fe:a9fe]",
            // the rest of the IANA special-purpose registries
            "192.0.0.1", "192.0.0.170", "192.0.2.10", "198.18.0.1", "198.19.255.254", "198.51.100.7", "203.0.113.7",
            "240.0.0.1", "250.1.2.3", "192.88.99.1", "192.31.196.1", "192.52.193.1", "192.175.48.6",
            "[::8.8.8.8]", "[64:ff9b::7f00:1]", "[64:ff9b:1::a00:1]", "[100::1]", "[2001::1]", "[2001:0:4136:e378::1]",
            "[2001:2::1]", "[2001:db8::1]", "[2002:7f00:1::1]", "[2002:a00:1::1]", "[2002:5db8:d70e::1]",
            "[3fff::1]", "[5f00::1]", "[fec0::1]", "[2001:20::1]", "[2620:4f:8000::1]"})
    void nonPublicAddressesAreRefused(String host) {
        assertThat(policy.refusal(URI.create("http://" + host + "/hook"))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.15.255.255",
            "172.32.0.1", "169.253.255.255", "192.169.0.1", "[2001:4860:4860::8888]", "[2a00:1450:4001::1]",
            "198.17.255.255", "198.20.0.1", "192.0.1.255", "192.0.3.1", "223.255.255.254", "[64:ff9b::808:808]",
            "[2001:200::1]", "[2003::1]"})
    void publicAddressesAreTaken(String host) {
        assertThat(policy.refusal(URI.create("https://" + host + "/hook"))).isEmpty();
    }

    @Test
    void theRefusalNamesTheRegistrysBlock() {
        assertThat(policy.refusal(URI.create("http://169.254.169.254/latest/meta-data"))).get().asString()
                .contains("169.254.0.0/16 Link Local");
        assertThat(policy.refusal(URI.create("http://100.64.0.1/"))).get().asString().contains("carrier-grade NAT");
        assertThat(policy.refusal(URI.create("http://127.0.0.1:8080/"))).get().asString().contains("127.0.0.0/8");
        assertThat(policy.refusal(URI.create("http://192.0.0.8/"))).get().asString().contains("IPv4 dummy address");
        assertThat(policy.refusal(URI.create("http://[64:ff9b::a00:1]/"))).get().asString()
                .contains("NAT64").contains("10.0.0.0/8");
    }

    @Test
    void aNameCountsByEveryAddressItResolvesTo() {
        assertThat(policy.refusal(URI.create("https://portal.example/hook"))).isEmpty();
        assertThat(policy.refusal(URI.create("https://rebound.example/hook"))).get().asString().contains("10.0.0.0/8 Private-Use");
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
