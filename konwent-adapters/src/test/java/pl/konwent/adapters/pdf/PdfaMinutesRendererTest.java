package pl.konwent.adapters.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.preflight.ValidationResult;
import org.apache.pdfbox.preflight.parser.PreflightParser;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pl.konwent.domain.meetings.MinutesText;

class PdfaMinutesRendererTest {
    private static final String POLISH = "Zażółć gęślą jaźń — ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż";

    private final PdfaMinutesRenderer renderer = new PdfaMinutesRenderer();

    @TempDir
    Path dir;

    @Test
    void theMinutesReadBackWithPolishLettersIntact() throws IOException {
        byte[] pdf = renderer.render(text(List.of(POLISH, "Miejsce: Łódź, ul. Piotrkowska 1")));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String read = new PDFTextStripper().getText(document);
            assertThat(read).contains("Protokół posiedzenia: Świętokrzyskie spotkanie", POLISH, "Łódź",
                    "Strona 1 z 1");
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Protokół posiedzenia: Świętokrzyskie spotkanie");
        }
    }

    @Test
    void theFileIdentifiesItselfAsPdfA1bWithEveryFontEmbeddedAndAnSrgbOutputIntent() throws Exception {
        byte[] pdf = renderer.render(text(List.of(POLISH)));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            XMPMetadata xmp = new DomXmpParser().parse(document.getDocumentCatalog().getMetadata().exportXMPMetadata());
            PDFAIdentificationSchema id = xmp.getPDFAIdentificationSchema();
            assertThat(id.getPart()).isEqualTo(1);
            assertThat(id.getConformance()).isEqualTo("B");
            assertThat(document.getDocumentCatalog().getOutputIntents()).singleElement()
                    .satisfies(intent -> assertThat(intent.getOutputConditionIdentifier())
                            .isEqualTo("sRGB IEC61966-2.1"));
            for (var name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
        }
    }

    @Test
    void preflightFindsAValidPdfA1bEvenOverSeveralPages() throws IOException {
        List<String> many = Collections.nCopies(120, POLISH + " " + "słowo ".repeat(30));
        File file = dir.resolve("protokol.pdf").toFile();
        Files.write(file.toPath(), renderer.render(text(many)));

        ValidationResult result = PreflightParser.validate(file);

        assertThat(result.getErrorsList()).extracting(e -> e.getErrorCode() + " " + e.getDetails()).isEmpty();
        assertThat(result.isValid()).isTrue();
        try (PDDocument document = Loader.loadPDF(file)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(2);
        }
    }

    @Test
    void aCharacterTheFontLacksIsShownAsAQuestionMarkAndLongWordsAreBroken() throws IOException {
        String unprintable = "Nagroda \uD83C\uDFC6 dla CIS\u0007";
        String longWord = "x".repeat(400);

        byte[] pdf = renderer.render(text(List.of(unprintable, longWord)));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String read = new PDFTextStripper().getText(document);
            assertThat(read).contains("Nagroda ? dla CIS").doesNotContain("x".repeat(400));
            assertThat(read.replaceAll("\\s", "")).contains("x".repeat(400));
        }
    }

    private static MinutesText text(List<String> paragraphs) {
        return new MinutesText("Protokół posiedzenia: Świętokrzyskie spotkanie", "Konwent Dolnośląski",
                List.of(new MinutesText.Section("Posiedzenie", paragraphs)));
    }
}
