package pl.konwent.domain.meetings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import pl.konwent.domain.shared.FieldErrors;
import pl.konwent.domain.shared.Times;

/** A meeting as the secretariat sends it, raw: times are RFC 3339 strings, numbers may be missing. */
public record MeetingInput(String title, String startsAt, String endsAt, VenueInput venue, String onlineUrl,
                           String scope, List<AgendaInput> agenda, Integer delegationLimit, Integer capacity,
                           String registrationDeadline) {
    /** O3: the organiser sets the limit per meeting "e.g. 2 or 3"; more than this is surely a typo. */
    public static final int MAX_DELEGATION = 10;
    static final int MAX_AGENDA = 50;

    public record VenueInput(String name, String address) {
    }

    public record AgendaInput(String title, String description) {
    }

    public Meeting.Details validate(FieldErrors errors) {
        String validTitle = errors.requireText("title", title, 300);
        Instant starts = Times.instant(errors, "startsAt", startsAt, true);
        Instant ends = Times.instant(errors, "endsAt", endsAt, true);
        errors.check(starts == null || ends == null || ends.isAfter(starts), "endsAt", "must be after startsAt");
        Meeting.Venue validVenue = null;
        if (venue == null) {
            errors.check(false, "venue", "is required: the organiser picks the venue (O2)");
        } else {
            String name = errors.requireText("venue.name", venue.name(), 300);
            String address = errors.optionalText("venue.address", venue.address(), 500);
            validVenue = name == null ? null : new Meeting.Venue(name, address);
        }
        String link = Times.link(errors, "onlineUrl", onlineUrl, 1000);
        String validScope = errors.requireText("scope", scope, 20_000);
        List<Meeting.AgendaItem> items = new ArrayList<>();
        List<AgendaInput> given = agenda == null ? List.of() : agenda;
        errors.check(given.size() <= MAX_AGENDA, "agenda", "must have at most " + MAX_AGENDA + " items");
        for (int i = 0; i < given.size() && i < MAX_AGENDA; i++) {
            AgendaInput item = given.get(i);
            if (item == null) {
                errors.check(false, "agenda[" + i + "]", "is required");
                continue;
            }
            String itemTitle = errors.requireText("agenda[" + i + "].title", item.title(), 300);
            String description = errors.optionalText("agenda[" + i + "].description", item.description(), 5000);
            items.add(new Meeting.AgendaItem(itemTitle, description));
        }
        errors.check(delegationLimit != null, "delegationLimit", "is required: how many persons a member's "
                + "delegation may have (O3)");
        errors.check(delegationLimit == null || delegationLimit >= 1 && delegationLimit <= MAX_DELEGATION,
                "delegationLimit", "must be between 1 and " + MAX_DELEGATION);
        errors.check(capacity == null || capacity >= 1 && capacity <= 100_000, "capacity",
                "must be between 1 and 100000 persons at the venue, or left out for no limit");
        Instant deadline = Times.instant(errors, "registrationDeadline", registrationDeadline, false);
        errors.check(deadline == null || starts == null || !deadline.isAfter(starts), "registrationDeadline",
                "must not be after startsAt");
        if (!errors.isEmpty()) {
            return null;
        }
        return new Meeting.Details(validTitle, starts, ends, validVenue, link, validScope, items, delegationLimit,
                capacity, deadline);
    }
}
