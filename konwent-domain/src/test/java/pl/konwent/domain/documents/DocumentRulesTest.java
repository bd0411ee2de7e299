package pl.konwent.domain.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.FieldErrors;

class DocumentRulesTest {
    private static final Instant T0 = Instant.parse("2027-03-10T09:00:00Z");

    @Test
    void D1_searchWordsAreLowerCasedByPolishRulesSoCapitalsFindSmallLetters() {
        assertThat(SearchWords.of("  ŁÓDŹ   Źródła ĄĆĘŁŃÓŚŹŻ łódź ")).containsExactly("łódź", "źródła", "ąćęłńóśźż");
        assertThat(SearchWords.searchable("Stanowisko w sprawie ŁODZI", "ŻÓŁW\n\tgęś"))
                .isEqualTo("stanowisko w sprawie łodzi żółw gęś");
        assertThat(SearchWords.of(null)).isEmpty();
        assertThat(SearchWords.of("   ")).isEmpty();
        assertThat(SearchWords.of("a b c d e f g h i j")).hasSize(SearchWords.MAX_WORDS);
    }

    @Test
    void D1_becomingPublicStampsPublishedAtAndBecomingInternalClearsIt() {
        Document internal = new Document("d1", new KonwentId("krajowy"), content(Visibility.INTERNAL), null,
                List.of(), T0, T0, null, 1);
        Document published = internal.revised(content(Visibility.PUBLIC), T0.plusSeconds(60));
        assertThat(published.publishedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(published.becamePublicFrom(internal)).isTrue();
        Document revisedAgain = published.revised(content(Visibility.PUBLIC), T0.plusSeconds(120));
        assertThat(revisedAgain.publishedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(revisedAgain.becamePublicFrom(published)).isFalse();
        Document withdrawn = revisedAgain.revised(content(Visibility.INTERNAL), T0.plusSeconds(180));
        assertThat(withdrawn.publishedAt()).isNull();
        assertThat(withdrawn.version()).isEqualTo(4);
    }

    @Test
    void D1_aDocumentNeedsTitleKindAndDateAndTakesPolishAndInternalByDefault() {
        FieldErrors errors = new FieldErrors();
        Document.Content content = new DocumentInput("Stanowisko", "POSITION", "2027-03-10", null, null, null)
                .validate(errors);
        assertThat(errors.isEmpty()).isTrue();
        assertThat(content.language()).isEqualTo("pl");
        assertThat(content.visibility()).isEqualTo(Visibility.INTERNAL);
        assertThat(content.body()).isEmpty();

        FieldErrors bad = new FieldErrors();
        new DocumentInput(" ", "DECLARATION", "10.03.2027", "polski", null, "SECRET").validate(bad);
        try {
            bad.throwIfAny();
        } catch (DomainException.InvalidInput e) {
            assertThat(e.errors()).extracting(error -> error.field())
                    .containsExactlyInAnyOrder("title", "kind", "date", "language", "visibility");
            return;
        }
        throw new AssertionError("invalid input was accepted");
    }

    @Test
    void aFileNameIsOnlyALabelWithoutPathsAndWithTheExtensionOfItsBytes() {
        assertThat(FileNames.sanitise("../../etc/passwd", FileType.PDF)).isEqualTo("passwd.pdf");
        assertThat(FileNames.sanitise("C:\\Dokumenty\\Stanowisko „Łódź”.PDF", FileType.PDF))
                .isEqualTo("Stanowisko „Łódź”.PDF");
        assertThat(FileNames.sanitise("plan.docx", FileType.ODT)).isEqualTo("plan.docx.odt");
        assertThat(FileNames.sanitise("\"\r\n.", FileType.DOCX)).isEqualTo("dokument.docx");
        assertThat(FileNames.sanitise(null, FileType.PDF)).isEqualTo("dokument.pdf");
        assertThat(FileNames.sanitise("x".repeat(500), FileType.PDF)).hasSize(200).endsWith(".pdf");
    }

    private static Document.Content content(Visibility visibility) {
        return new Document.Content("Tytuł", DocumentKind.POSITION, LocalDate.of(2027, 3, 10), "pl", "", visibility);
    }
}
