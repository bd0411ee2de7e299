package pl.konwent.domain.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pl.konwent.domain.shared.InvalidValue;

class QuorumTest {
    @ParameterizedTest
    @ValueSource(strings = {"0.0001", "0.5", "0.50", "0.6667", "1", "1.0000"})
    void V2_aQuorumIsAFractionAboveZeroUpToOne(String raw) {
        assertThat(new Quorum(new BigDecimal(raw)).fraction()).isEqualByComparingTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0.5", "1.0001", "2", "0.33333"})
    void V2_anythingElseIsNotAQuorum(String raw) {
        assertThatThrownBy(() -> new Quorum(new BigDecimal(raw))).isInstanceOf(InvalidValue.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.5", "0.50", "0.500"})
    void equalFractionsAreEqualQuorums(String raw) {
        assertThat(new Quorum(new BigDecimal(raw))).isEqualTo(Quorum.HALF);
    }
}
