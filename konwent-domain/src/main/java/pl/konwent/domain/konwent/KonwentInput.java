package pl.konwent.domain.konwent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import pl.konwent.domain.council.TieBreak;
import pl.konwent.domain.shared.Enums;
import pl.konwent.domain.shared.FieldErrors;
import pl.konwent.domain.shared.InvalidValue;
import pl.konwent.domain.shared.Voivodeship;
import pl.konwent.domain.voting.Majority;
import pl.konwent.domain.voting.Quorum;

/**
 * A konwent as a client describes it, raw. {@link #validate} checks every field and reports all errors at
 * once; a missing charter, or a missing setting within it, takes the default of {@link Charter#defaults()}.
 */
public record KonwentInput(String name, String description, String voivodeship, CharterInput charter,
                           String declarationDeadline) {
    public static final int MAX_NAME = 300;
    public static final int MAX_DESCRIPTION = 4000;

    public record CharterInput(String defaultMajority, BigDecimal defaultQuorum, Boolean alternation,
                               Integer councilSize, Integer termYears, Boolean organiserCompetition,
                               String electionTieBreak, Boolean proxies, Integer proxiesPerHolder) {
        /** Without the election tie rule (C6) and the proxy rule (V4), which then take their defaults. */
        public CharterInput(String defaultMajority, BigDecimal defaultQuorum, Boolean alternation,
                            Integer councilSize, Integer termYears, Boolean organiserCompetition) {
            this(defaultMajority, defaultQuorum, alternation, councilSize, termYears, organiserCompetition, null,
                    null, null);
        }
    }

    public KonwentDetails validate(FieldErrors errors) {
        String validName = errors.requireText("name", name, MAX_NAME);
        String validDescription = errors.optionalText("description", description, MAX_DESCRIPTION);
        Voivodeship region = errors.parseOptional("voivodeship", voivodeship, () -> Voivodeship.ofTeryt(voivodeship));
        Charter validCharter = validateCharter(errors);
        LocalDate deadline = errors.parseOptional("declarationDeadline", declarationDeadline,
                () -> date(declarationDeadline));
        return new KonwentDetails(validName, validDescription, region, validCharter, deadline);
    }

    private static LocalDate date(String raw) {
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw new InvalidValue("must be a date YYYY-MM-DD");
        }
    }

    private Charter validateCharter(FieldErrors errors) {
        Charter defaults = Charter.defaults();
        if (charter == null) {
            return defaults;
        }
        Majority majority = charter.defaultMajority() == null ? defaults.defaultMajority()
                : errors.parse("charter.defaultMajority", () -> Enums.parse(Majority.class, charter.defaultMajority()));
        Quorum quorum = charter.defaultQuorum() == null ? defaults.defaultQuorum()
                : errors.parse("charter.defaultQuorum", () -> new Quorum(charter.defaultQuorum()));
        boolean alternation = charter.alternation() == null ? defaults.alternation() : charter.alternation();
        int councilSize = charter.councilSize() == null ? defaults.councilSize() : charter.councilSize();
        int termYears = charter.termYears() == null ? defaults.termYears() : charter.termYears();
        boolean competition = charter.organiserCompetition() == null ? defaults.organiserCompetition()
                : charter.organiserCompetition();
        TieBreak tieBreak = charter.electionTieBreak() == null ? defaults.electionTieBreak()
                : errors.parse("charter.electionTieBreak", () -> Enums.parse(TieBreak.class, charter.electionTieBreak()));
        boolean proxies = charter.proxies() == null ? defaults.proxies() : charter.proxies();
        int perHolder = charter.proxiesPerHolder() == null ? defaults.proxiesPerHolder() : charter.proxiesPerHolder();
        errors.check(perHolder >= 1 && perHolder <= Charter.MAX_PROXIES_PER_HOLDER, "charter.proxiesPerHolder",
                "must be between 1 and " + Charter.MAX_PROXIES_PER_HOLDER);
        errors.check(councilSize >= 1 && councilSize <= Charter.MAX_COUNCIL_SIZE, "charter.councilSize",
                "must be between 1 and " + Charter.MAX_COUNCIL_SIZE);
        errors.check(termYears >= 1 && termYears <= Charter.MAX_TERM_YEARS, "charter.termYears",
                "must be between 1 and " + Charter.MAX_TERM_YEARS);
        if (majority == null || quorum == null || tieBreak == null || !errors.isEmpty()) {
            return null;
        }
        return new Charter(majority, quorum, alternation, councilSize, termYears, competition, tieBreak, proxies,
                perHolder);
    }
}
