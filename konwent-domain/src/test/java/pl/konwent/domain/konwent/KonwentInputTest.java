package pl.konwent.domain.konwent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.FieldError;
import pl.konwent.domain.shared.FieldErrors;
import pl.konwent.domain.shared.Voivodeship;
import pl.konwent.domain.voting.Majority;

class KonwentInputTest {
    @Test
    void aMissingCharterTakesTheDefaultsOfDomainMd() {
        KonwentDetails details = validate(new KonwentInput("Konwent", null, null, null, null));

        assertThat(details.charter()).isEqualTo(Charter.defaults());
        assertThat(details.charter().defaultMajority()).isEqualTo(Majority.SIMPLE);
        assertThat(details.charter().defaultQuorum().fraction()).isEqualByComparingTo("0.5");
        assertThat(details.charter().alternation()).isTrue();
        assertThat(details.charter().councilSize()).isEqualTo(5);
        assertThat(details.charter().organiserCompetition()).isTrue();
    }

    @Test
    void charterSettingsGivenOverrideOnlyThemselves() {
        KonwentDetails details = validate(new KonwentInput("Forum", null, "02",
                new KonwentInput.CharterInput("TWO_THIRDS", null, false, null, null, false), null));

        assertThat(details.voivodeship()).isEqualTo(Voivodeship.DOLNOSLASKIE);
        assertThat(details.charter()).isEqualTo(new Charter(Majority.TWO_THIRDS, Charter.defaults().defaultQuorum(),
                false, 5, 1, false));
    }

    @Test
    void textIsTrimmedAndBlankOptionalTextIsAbsent() {
        KonwentDetails details = validate(new KonwentInput("  Konwent Pomorski  ", "   ", null, null, null));

        assertThat(details.name()).isEqualTo("Konwent Pomorski");
        assertThat(details.description()).isNull();
    }

    @Test
    void everyInvalidFieldIsReportedTogether() {
        KonwentInput input = new KonwentInput("", "x".repeat(4001), "99",
                new KonwentInput.CharterInput("MOST", new BigDecimal("0"), null, 26, 0, null), null);

        assertThatThrownBy(() -> validate(input))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("name", "description", "voivodeship", "charter.defaultMajority",
                                "charter.defaultQuorum", "charter.councilSize", "charter.termYears"));
    }

    private static KonwentDetails validate(KonwentInput input) {
        FieldErrors errors = new FieldErrors();
        KonwentDetails details = input.validate(errors);
        errors.throwIfAny();
        return details;
    }
}
