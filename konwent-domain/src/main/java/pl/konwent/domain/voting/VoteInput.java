package pl.konwent.domain.voting;

import java.math.BigDecimal;
import pl.konwent.domain.shared.Enums;
import pl.konwent.domain.shared.FieldErrors;

/** A vote's question as a client sends it, raw; majority and quorum left out take the charter's defaults. */
public record VoteInput(String title, String kind, String text, Boolean secret, String majority, BigDecimal quorum,
                        String meetingId) {
    /** The longest resolution text a vote takes. */
    public static final int MAX_TEXT = 100_000;

    public Vote.Question validate(FieldErrors errors) {
        String validTitle = errors.requireText("title", title, 300);
        ResolutionKind validKind = errors.parse("kind", () -> Enums.parse(ResolutionKind.class, kind));
        String validText = errors.requireText("text", text, MAX_TEXT);
        errors.check(secret != null, "secret", "is required: true for a secret vote, false for a named one");
        Majority validMajority = errors.parseOptional("majority", majority, () -> Enums.parse(Majority.class, majority));
        Quorum validQuorum = errors.parseOptional("quorum", quorum, () -> new Quorum(quorum));
        String meeting = errors.optionalText("meetingId", meetingId, 64);
        if (!errors.isEmpty()) {
            return null;
        }
        return new Vote.Question(validTitle, validKind, validText, secret, validMajority, validQuorum, meeting);
    }
}
