package pl.konwent.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PageTest {
    @Property
    void anOverfetchedQueryYieldsAtMostLimitItemsAndANextKeyExactlyWhenMoreExist(
            @ForAll @IntRange(min = 0, max = 30) int rows, @ForAll @IntRange(min = 1, max = 10) int limit) {
        List<Integer> fetched = java.util.stream.IntStream.range(0, Math.min(rows, limit + 1)).boxed().toList();

        Page<Integer> page = Page.fromOverfetch(fetched, limit, String::valueOf);

        assertThat(page.items()).hasSize(Math.min(rows, limit));
        if (rows > limit) {
            assertThat(page.nextAfter()).isEqualTo(String.valueOf(limit - 1));
        } else {
            assertThat(page.nextAfter()).isNull();
        }
    }

    @Test
    void aPageRequestLimitIsOneToFiveHundred() {
        assertThat(new PageRequest(500, null).limit()).isEqualTo(500);
        assertThatThrownBy(() -> new PageRequest(0, null)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new PageRequest(501, null)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void voivodeshipsAreTheSixteenTerytCodes() {
        assertThat(Voivodeship.values()).hasSize(16);
        assertThat(Voivodeship.ofTeryt("30")).isEqualTo(Voivodeship.WIELKOPOLSKIE);
        assertThat(Voivodeship.ofTeryt("24").polishName()).isEqualTo("śląskie");
        assertThatThrownBy(() -> Voivodeship.ofTeryt("01")).isInstanceOf(InvalidValue.class);
    }
}
