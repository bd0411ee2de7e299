package pl.konwent.domain.konwent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import pl.konwent.domain.shared.InvalidValue;

class KonwentIdTest {
    @ParameterizedTest
    @ValueSource(strings = {"krajowy", "dolnoslaski", "forum-pzs", "k2", "konwent-2024-opolski"})
    void slugsOfLowercaseLettersDigitsAndSingleHyphensAreIds(String slug) {
        assertThat(new KonwentId(slug).value()).isEqualTo(slug);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "k", "Krajowy", "śląski", "forum--pzs", "-forum", "forum-", "forum pzs", "../etc",
            "a_b", "0123456789012345678901234567890123456789012345678901234567890123"})
    void anythingElseIsRefused(String raw) {
        assertThatThrownBy(() -> new KonwentId(raw)).isInstanceOf(InvalidValue.class);
    }
}
