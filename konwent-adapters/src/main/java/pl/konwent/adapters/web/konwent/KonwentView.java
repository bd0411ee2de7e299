package pl.konwent.adapters.web.konwent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import pl.konwent.domain.konwent.Charter;
import pl.konwent.domain.konwent.Konwent;

/** A konwent as the API shows it. */
public record KonwentView(String id, String name, String description, String voivodeship, CharterView charter,
                          LocalDate declarationDeadline, Instant createdAt, Instant updatedAt) {

    public record CharterView(String defaultMajority, BigDecimal defaultQuorum, boolean alternation,
                              int councilSize, int termYears, boolean organiserCompetition,
                              String electionTieBreak, boolean proxies, int proxiesPerHolder) {
        static CharterView of(Charter charter) {
            return new CharterView(charter.defaultMajority().name(), charter.defaultQuorum().fraction(),
                    charter.alternation(), charter.councilSize(), charter.termYears(),
                    charter.organiserCompetition(), charter.electionTieBreak().name(), charter.proxies(),
                    charter.proxiesPerHolder());
        }
    }

    static KonwentView of(Konwent konwent) {
        return new KonwentView(konwent.id().value(), konwent.name(), konwent.description(),
                konwent.voivodeship() == null ? null : konwent.voivodeship().teryt(),
                CharterView.of(konwent.charter()), konwent.declarationDeadline(), konwent.createdAt(),
                konwent.updatedAt());
    }
}
