package pl.konwent.adapters.jdbi.council;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import pl.konwent.adapters.security.KeyWrap;
import pl.konwent.domain.council.LotSeeds;

/**
 * C6: an election's lot seed in {@code election_lot}. Threat met: whoever reads the database (tables, data files,
 * backups, logs) before the election closes learns only the commitment, not the seed, so cannot foresee the draw:
 * the seed is sealed with AES-GCM under a key derived from the server secret, bound to the election id. Trust
 * assumption: the server's operator, who holds both the database and the server secret, could open it early; the
 * commitment still stops anyone from changing the seed after opening.
 */
public final class JdbiLotSeeds implements LotSeeds {
    private static final String PURPOSE = "konwent-lot-seed:";

    private final Jdbi jdbi;
    private final KeyWrap wrap;

    public JdbiLotSeeds(Jdbi jdbi, KeyWrap wrap) {
        this.jdbi = jdbi;
        this.wrap = wrap;
    }

    @Override
    public void commit(String electionId, byte[] seed, String commitment) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO election_lot (election_id, commitment, sealed_seed, "
                        + "seed) VALUES (:election, :commitment, :sealed, NULL)")
                .bind("election", electionId).bind("commitment", commitment)
                .bind("sealed", wrap.wrap(seed, boundTo(electionId)))
                .execute());
    }

    @Override
    public byte[] reveal(String electionId) {
        return jdbi.withHandle(handle -> {
            byte[] sealed = handle.createQuery("SELECT sealed_seed FROM election_lot WHERE election_id = :election")
                    .bind("election", electionId).mapTo(byte[].class).findOne().orElseThrow(() ->
                            new IllegalStateException("election " + electionId + " has no lot seed"));
            byte[] seed = wrap.unwrap(sealed, boundTo(electionId));
            handle.createUpdate("UPDATE election_lot SET seed = :seed WHERE election_id = :election")
                    .bind("seed", HexFormat.of().formatHex(seed)).bind("election", electionId).execute();
            return seed;
        });
    }

    @Override
    public Optional<Published> find(String electionId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT commitment, seed FROM election_lot "
                        + "WHERE election_id = :election")
                .bind("election", electionId)
                .map((rs, ctx) -> new Published(rs.getString("commitment"), rs.getString("seed")))
                .findOne());
    }

    private static byte[] boundTo(String electionId) {
        return (PURPOSE + electionId).getBytes(StandardCharsets.US_ASCII);
    }
}
