package pl.konwent.domain.membership;

import java.time.LocalDate;
import pl.konwent.domain.shared.Text;

/** What a membership declaration says, per the template of seed 003 §V (M1). */
public record DeclarationContent(String memberName, MemberKind kind, Contact contact, String signedBy,
                                 LocalDate signedOn) {

    /**
     * Which organisation declares: its name and town, compared without case, accents, quotes or extra spaces,
     * so that "CIS „Przystań” Barlinek" and "cis przystan barlinek" are the same organisation.
     */
    public String organisationKey() {
        String key = Text.fold(memberName) + "|" + Text.fold(contact.address().town());
        return key.length() <= 250 ? key : key.substring(0, 250);
    }
}
