package pl.konwent.domain.publication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptTest {
    @Test
    void D2_aShortTextIsShownWholeWithItsWhiteSpaceFolded() {
        assertThat(Excerpt.of("  Stanowisko\n\nw sprawie   Łodzi ")).isEqualTo("Stanowisko w sprawie Łodzi");
    }

    @Test
    void D2_aLongTextIsCutAtAWordAndTheCutIsMarked() {
        String text = "Konwent wnosi o zwiększenie środków na reintegrację społeczną. ".repeat(10);

        String excerpt = Excerpt.of(text);

        assertThat(excerpt).hasSizeLessThanOrEqualTo(Excerpt.LENGTH).endsWith("…");
        String kept = excerpt.substring(0, excerpt.length() - 1);
        assertThat(text).startsWith(kept);
        assertThat(text.charAt(kept.length())).isEqualTo(' ');
    }

    @Test
    void D2_aTextWithoutSpacesIsCutAtTheLimitWithoutSplittingACharacter() {
        String excerpt = Excerpt.of("😀".repeat(200));

        assertThat(excerpt).hasSizeLessThanOrEqualTo(Excerpt.LENGTH).endsWith("…");
        assertThat(excerpt.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE))
                .isFalse();
    }

    @Test
    void D2_noTextHasNoExcerpt() {
        assertThat(Excerpt.of(null)).isNull();
        assertThat(Excerpt.of(" \n ")).isNull();
    }
}
