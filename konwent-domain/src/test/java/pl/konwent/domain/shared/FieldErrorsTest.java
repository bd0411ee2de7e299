package pl.konwent.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldErrorsTest {
    @Test
    void anUnpairedSurrogateAnywhereInATextIsRefusedNamingTheField() {
        for (String broken : List.of("\uD800", "Nowak \uD83D", "\uDE00 Nowak", "a\uDC00\uD800b")) {
            FieldErrors errors = new FieldErrors();

            assertThat(errors.requireText("name", broken, 200)).isNull();

            assertThatThrownBy(errors::throwIfAny).isInstanceOfSatisfying(DomainException.InvalidInput.class,
                    e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("name"));
        }
    }

    @Test
    void aTextOfOnlyInvisibleCharactersIsRefusedRequiredOrOptional() {
        List<String> invisible = List.of("\u200B", "\u200B\u200C\u200D\u2060", "\uFEFF", " \u200E\u200F ",
                "\u3164", "\u2800\u2800", "\u00A0\u2007\u3000", "\u00AD", "\uDB40\uDC20");
        for (String blank : invisible) {
            FieldErrors errors = new FieldErrors();

            assertThat(errors.requireText("name", blank, 200)).isNull();
            assertThat(errors.optionalText("description", blank, 200)).isNull();

            assertThatThrownBy(errors::throwIfAny).isInstanceOfSatisfying(DomainException.InvalidInput.class,
                    e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("name", "description"));
        }
    }

    @Test
    void visibleTextWithPairedSurrogatesAndJoinersInsideIsKept() {
        FieldErrors errors = new FieldErrors();

        assertThat(errors.requireText("name", " Zażółć gęślą jaźń 👩‍👩‍👧 ", 200)).isEqualTo("Zażółć gęślą jaźń 👩‍👩‍👧");
        assertThat(errors.optionalText("description", "  ", 200)).isNull();
        assertThat(errors.isEmpty()).isTrue();
    }
}
