package pl.konwent.adapters.web.membership;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.stream.Collectors;
import pl.konwent.domain.membership.Contact;
import pl.konwent.domain.membership.Member;
import pl.konwent.domain.membership.Representative;

/**
 * The register as CSV (RFC 4180) in UTF-8 with a byte-order mark, so that spreadsheet programs open it with
 * Polish letters intact.
 */
final class RegisterCsv {
    static final String MEDIA_TYPE = "text/csv; charset=utf-8";
    private static final String BOM = "\uFEFF";
    private static final String FORMULA_TRIGGERS = "=+-@";
    private static final List<String> HEADER = List.of("id", "name", "kind", "status", "street", "postalCode", "town",
            "voivodeship", "phone", "email", "foundingInstitution", "representatives", "representativeEmails",
            "joinedAt", "withdrawnAt");

    private RegisterCsv() {
    }

    static byte[] write(List<Member> members) {
        StringBuilder csv = new StringBuilder(BOM).append(line(HEADER));
        for (Member m : members) {
            Contact c = m.contact();
            csv.append(line(List.of(m.id(), m.name(), m.kind().name(), m.status().name(), c.address().street(),
                    c.address().postalCode(), c.address().town(),
                    c.address().voivodeship() == null ? "" : c.address().voivodeship().teryt(), nullToEmpty(c.phone()),
                    nullToEmpty(c.email()), c.foundingInstitution().name(),
                    c.representatives().stream().map(Representative::name).collect(Collectors.joining("; ")),
                    c.representatives().stream().map(r -> nullToEmpty(r.email())).collect(Collectors.joining("; ")),
                    m.joinedAt().toString(), m.withdrawnAt() == null ? "" : m.withdrawnAt().toString())));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String line(List<String> cells) {
        return cells.stream().map(RegisterCsv::quote).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String quote(String cell) {
        String safe = startsAsFormula(cell) ? "'" + cell : cell;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    /**
     * CSV injection (OWASP, ASVS 1.2.10): a cell a spreadsheet would evaluate, so that opening the export runs what
     * a declarant wrote ({@code =HYPERLINK(...)}, DDE). Triggers are = + - @, a tab, carriage return, line feed or
     * NUL first, also behind leading spaces, and every compatibility form of = + - @ (full-width ＝ ＋ － ＠, the small
     * forms), found by NFKC-folding the first visible character.
     */
    static boolean startsAsFormula(String cell) {
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

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
