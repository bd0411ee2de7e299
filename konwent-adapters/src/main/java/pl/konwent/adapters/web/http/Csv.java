package pl.konwent.adapters.web.http;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV as the API exports it (RFC 4180) in UTF-8 with a byte-order mark, so that spreadsheet programs open it with
 * Polish letters intact, every cell quoted and none able to start a formula.
 */
public final class Csv {
    public static final String MEDIA_TYPE = "text/csv; charset=utf-8";
    private static final String BOM = "\uFEFF";
    private static final String FORMULA_TRIGGERS = "=+-@";

    private Csv() {
    }

    /** The header row, then each row, as the bytes of a file. */
    public static byte[] write(List<String> header, List<List<String>> rows) {
        StringBuilder csv = new StringBuilder(BOM).append(line(header));
        rows.forEach(row -> csv.append(line(row)));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String line(List<String> cells) {
        return cells.stream().map(Csv::quote).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String quote(String cell) {
        String value = cell == null ? "" : cell;
        String safe = startsAsFormula(value) ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    /**
     * CSV injection (OWASP, ASVS 1.2.10): a cell a spreadsheet would evaluate, so that opening the export runs what
     * a declarant wrote ({@code =HYPERLINK(...)}, DDE). Triggers are = + - @, a tab, carriage return, line feed or
     * NUL first, also behind leading spaces, and every compatibility form of = + - @ (full-width ＝ ＋ － ＠, the small
     * forms), found by NFKC-folding the first visible character.
     */
    public static boolean startsAsFormula(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        char first = cell.charAt(0);
        if (first == '\t' || first == '\r' || first == '\n' || first == '\0') {
            return true;
        }
        String visible = cell.stripLeading();
        if (visible.isEmpty()) {
            return false;
        }
        String folded = Normalizer.normalize(visible.substring(0, visible.offsetByCodePoints(0, 1)),
                Normalizer.Form.NFKC);
        return !folded.isEmpty() && FORMULA_TRIGGERS.indexOf(folded.charAt(0)) >= 0;
    }
}
