package pl.konwent.adapters.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import pl.konwent.domain.integration.Destinations;

/**
 * Webhooks reach the public internet only (SSRF): a host that is, or resolves to, a loopback, private
 * (RFC 1918, fc00::/7), link-local (169.254.0.0/16 with cloud metadata services, fe80::/10), unspecified,
 * multicast, broadcast or carrier-grade NAT (100.64.0.0/10) address is refused, unless the installation allows
 * private addresses (webhooks.allowPrivateAddresses, for tests and closed networks). Every address of the name
 * counts; the dispatcher asks again before each attempt, since what a name resolves to may change.
 */
public final class AddressPolicy implements Destinations {
    /** Name resolution, replaceable in tests. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    public AddressPolicy(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    public AddressPolicy(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    @Override
    public Optional<String> refusal(URI url) {
        String host = url.getHost();
        if (host == null) {
            return Optional.of("must name a host");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve: " + bare);
        }
        return Arrays.stream(addresses).map(AddressPolicy::forbiddenKind).flatMap(Optional::stream).findFirst()
                .map(kind -> "must reach a public address; " + bare + " is or resolves to a " + kind + " address");
    }

    /** The kind of non-public network an address belongs to, or empty for a public one. */
    static Optional<String> forbiddenKind(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            if (isEmbeddedIpv4(b)) {
                try {
                    return forbiddenKind(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    throw new IllegalStateException("Four bytes are always an IPv4 address", e);
                }
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("private (unique local, fc00::/7)");
            }
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return Optional.of("unspecified (0.0.0.0/8)");
            }
            if (first == 100 && (second & 0xc0) == 64) {
                return Optional.of("carrier-grade NAT (100.64.0.0/10)");
            }
            if (first == 255 && second == 255 && (b[2] & 0xff) == 255 && (b[3] & 0xff) == 255) {
                return Optional.of("broadcast");
            }
        }
        return Optional.empty();
    }

    /** ::a.b.c.d (IPv4-compatible) and 64:ff9b::a.b.c.d (NAT64) carry an IPv4 address to be judged as such. */
    private static boolean isEmbeddedIpv4(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 12; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; i < 12 && nat64; i++) {
            nat64 = b[i] == 0;
        }
        return zeroPrefix && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1)) || nat64;
    }
}
