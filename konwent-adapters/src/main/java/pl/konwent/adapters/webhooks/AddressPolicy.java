package pl.konwent.adapters.webhooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import pl.konwent.domain.integration.Destinations;

/**
 * Webhooks reach the public internet only (SSRF): a host that is, or resolves to, an address in any IANA
 * special-purpose block (loopback, private, link-local with cloud metadata services, carrier-grade NAT,
 * benchmarking, documentation, reserved, broadcast, 6to4, Teredo, ...; see {@link SpecialPurposeAddresses}) or a
 * multicast one is refused, unless the installation allows private addresses (webhooks.allowPrivateAddresses, for
 * tests and closed networks). Every address of the name counts. A send resolves the name once with
 * {@link #destination} and connects only to the addresses judged there, so a name that resolves elsewhere
 * between the check and the connect (DNS rebinding) cannot lead the connection inwards.
 */
public final class AddressPolicy implements Destinations {
    /** Name resolution, replaceable in tests. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Where a url may be sent: the addresses its host resolved to, all judged, or why it may not be. */
    public record Destination(List<InetAddress> addresses, Optional<String> refusal) {
        static Destination refused(String why) {
            return new Destination(List.of(), Optional.of(why));
        }
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
        if (url.getHost() == null) {
            return Optional.of("must name a host");
        }
        return allowPrivate ? Optional.empty() : destination(url).refusal();
    }

    /** Resolves the url's host once and judges every address it resolved to. */
    public Destination destination(URI url) {
        String host = url.getHost();
        if (host == null) {
            return Destination.refused("must name a host");
        }
        String bare = bare(host);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            return Destination.refused("names a host that does not resolve: " + bare);
        }
        if (addresses.length == 0) {
            return Destination.refused("names a host that does not resolve: " + bare);
        }
        Optional<String> refusal = allowPrivate ? Optional.empty() : Arrays.stream(addresses)
                .map(AddressPolicy::forbiddenKind).flatMap(Optional::stream).findFirst()
                .map(kind -> "must reach a public address; " + bare + " is or resolves to " + kind);
        return refusal.isPresent() ? Destination.refused(refusal.get())
                : new Destination(List.of(addresses), Optional.empty());
    }

    /** The host as URIs write it, without the brackets of an IPv6 literal. */
    static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The special-purpose block an address belongs to, or empty for a public unicast one. */
    static Optional<String> forbiddenKind(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address && isNat64(b)) {
            try {
                InetAddress carried = InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
                return forbiddenKind(carried).map(kind -> "the NAT64 form (64:ff9b::/96) of " + kind);
            } catch (UnknownHostException e) {
                throw new IllegalStateException("Four bytes are always an IPv4 address", e);
            }
        }
        return SpecialPurposeAddresses.blockOf(address).map(block -> "a special-purpose address (" + block + ")");
    }

    /**
     * 64:ff9b::a.b.c.d (RFC 6052) is how an IPv6-only network reaches the IPv4 address a.b.c.d, so it is judged as
     * that address. (IPv4-mapped ::ffff:a.b.c.d never arrives as IPv6: the JDK turns it into a.b.c.d itself.)
     */
    private static boolean isNat64(byte[] b) {
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; i < 12 && nat64; i++) {
            nat64 = b[i] == 0;
        }
        return nat64;
    }
}
