package pl.konwent.adapters.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void everyPrefixASpreadsheetEvaluatesIsNeutralisedFullWidthAndSmallFormsIncluded() {
        List<String> formulas = List.of("=1+1", "+48 61 000 00 00", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "\n=1",
                "\0=1", "＝HYPERLINK(\"http://x\")", "＋1", "－1", "＠SUM(A1)", "﹦1", "﹢1", "﹣1", "﹫SUM(A1)",
                "  =1+1", "\u3000＝1");

        assertThat(formulas).allSatisfy(cell -> assertThat(Csv.startsAsFormula(cell)).as(cell).isTrue());
    }

    @Test
    void ordinaryTextIsLeftAsItIs() {
        List<String> plain = List.of("", "CIS Pniewy", "ul. Przykładowa 1", "62-045", "Łódź", "'=1", "a=1", "1-2",
                "anna@example.pl", "   ");

        assertThat(plain).noneSatisfy(cell -> assertThat(Csv.startsAsFormula(cell)).as(cell).isTrue());
    }
}
