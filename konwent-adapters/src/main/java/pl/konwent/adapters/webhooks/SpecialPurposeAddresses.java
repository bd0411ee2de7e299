package pl.konwent.adapters.webhooks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The IANA special-purpose address registries (IPv4 and IPv6) and the multicast blocks, read from
 * special-purpose-addresses.txt, which names its sources and the date it was transcribed: SSRF, a webhook must not
 * reach any address that is not an ordinary public unicast one.
 */
final class SpecialPurposeAddresses {
    private static final String LIST = "special-purpose-addresses.txt";
    private static final List<Block> BLOCKS = read();

    /** One registry entry: addresses whose first {@code length} bits equal those of {@code prefix}. */
    record Block(byte[] prefix, int length, String cidr, String name) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = length / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = length % 8;
            int mask = 0xff << (8 - rest) & 0xff;
            return rest == 0 || (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    private SpecialPurposeAddresses() {
    }

    /** The most specific block the address lies in, as "prefix name", or empty for an ordinary address. */
    static Optional<String> blockOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        return BLOCKS.stream().filter(block -> block.contains(bytes)).max(Comparator.comparingInt(Block::length))
                .map(block -> block.cidr() + " " + block.name());
    }

    private static List<Block> read() {
        List<Block> blocks = new ArrayList<>();
        try (InputStream in = SpecialPurposeAddresses.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing from the classpath");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    blocks.add(parse(entry));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(blocks);
    }

    private static Block parse(String entry) {
        String[] cidrAndName = entry.split("\\s+", 2);
        String[] addressAndLength = cidrAndName[0].split("/");
        try {
            // literal addresses only: getByName does not resolve them
            byte[] prefix = InetAddress.getByName(addressAndLength[0]).getAddress();
            if (addressAndLength[0].contains(":") && prefix.length == 4) {
                // the JDK turns ::ffff:a.b.c.d into a.b.c.d, so this block keeps its IPv6 form only for the record
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(prefix, 0, mapped, 12, 4);
                prefix = mapped;
            }
            return new Block(prefix, Integer.parseInt(addressAndLength[1]), cidrAndName[0], cidrAndName[1]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(LIST + ": not an address block: " + entry, e);
        }
    }
}
