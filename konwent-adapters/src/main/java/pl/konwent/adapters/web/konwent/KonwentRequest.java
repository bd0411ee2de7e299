package pl.konwent.adapters.web.konwent;

import java.math.BigDecimal;
import pl.konwent.domain.konwent.KonwentInput;

/** The body of POST /konwents and PUT /konwents/{id}: the konwent as the client describes it. */
public record KonwentRequest(String id, String name, String description, String voivodeship, CharterRequest charter,
                             String declarationDeadline) {

    public record CharterRequest(String defaultMajority, BigDecimal defaultQuorum, Boolean alternation,
                                 Integer councilSize, Integer termYears, Boolean organiserCompetition,
                                 String electionTieBreak, Boolean proxies, Integer proxiesPerHolder) {
    }

    KonwentInput toInput() {
        return new KonwentInput(name, description, voivodeship, charter == null ? null
                : new KonwentInput.CharterInput(charter.defaultMajority(), charter.defaultQuorum(),
                        charter.alternation(), charter.councilSize(), charter.termYears(),
                        charter.organiserCompetition(), charter.electionTieBreak(), charter.proxies(),
                        charter.proxiesPerHolder()), declarationDeadline);
    }
}
