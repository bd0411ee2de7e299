package pl.konwent.domain.voting;

import java.math.BigDecimal;
import java.util.Objects;
import pl.konwent.domain.shared.InvalidValue;

/**
 * The share of the quorum base (current members, or those present at a meeting) that must take part for a
 * vote to count (V2): a fraction greater than 0 and at most 1, with at most four decimal places.
 */
public record Quorum(BigDecimal fraction) {
    /** The charter default of DOMAIN.md V2: half of the current members present or voting. */
    public static final Quorum HALF = new Quorum(new BigDecimal("0.5"));

    public Quorum {
        Objects.requireNonNull(fraction, "fraction");
        if (fraction.signum() <= 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidValue("must be a fraction greater than 0 and at most 1");
        }
        if (fraction.stripTrailingZeros().scale() > 4) {
            throw new InvalidValue("must have at most four decimal places");
        }
        fraction = fraction.stripTrailingZeros();
        if (fraction.scale() < 0) {
            fraction = fraction.setScale(0);
        }
    }
}
