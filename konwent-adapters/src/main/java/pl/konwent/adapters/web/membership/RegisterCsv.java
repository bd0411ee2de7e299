package pl.konwent.adapters.web.membership;

import java.util.List;
import java.util.stream.Collectors;
import pl.konwent.adapters.web.http.Csv;
import pl.konwent.domain.membership.Contact;
import pl.konwent.domain.membership.Member;
import pl.konwent.domain.membership.Representative;

/** The register as CSV, written the one way the API writes CSV ({@link Csv}). */
final class RegisterCsv {
    static final String MEDIA_TYPE = Csv.MEDIA_TYPE;
    private static final List<String> HEADER = List.of("id", "name", "kind", "status", "street", "postalCode", "town",
            "voivodeship", "phone", "email", "foundingInstitution", "representatives", "representativeEmails",
            "joinedAt", "withdrawnAt");

    private RegisterCsv() {
    }

    static byte[] write(List<Member> members) {
        return Csv.write(HEADER, members.stream().map(m -> {
            Contact c = m.contact();
            return List.of(m.id(), m.name(), m.kind().name(), m.status().name(), c.address().street(),
                    c.address().postalCode(), c.address().town(),
                    c.address().voivodeship() == null ? "" : c.address().voivodeship().teryt(), nullToEmpty(c.phone()),
                    nullToEmpty(c.email()), c.foundingInstitution().name(),
                    c.representatives().stream().map(Representative::name).collect(Collectors.joining("; ")),
                    c.representatives().stream().map(r -> nullToEmpty(r.email())).collect(Collectors.joining("; ")),
                    m.joinedAt().toString(), m.withdrawnAt() == null ? "" : m.withdrawnAt().toString());
        }).toList());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
