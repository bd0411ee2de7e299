package pl.konwent.domain.integration;

import java.util.Arrays;
import java.util.stream.Collectors;
import pl.konwent.domain.shared.InvalidValue;

/**
 * The events integrators may subscribe to, a fixed list: a webhook names some of them by their wire name.
 * Each is published by the use case whose change it reports, in that change's transaction.
 */
public enum EventType {
    /** A declaration was accepted and the member made (M2); data: memberId, name, kind. */
    MEMBER_ACCEPTED("member.accepted"),
    /** The members were invited to a meeting (O2); data: meetingId, title, startsAt, venueName. */
    MEETING_INVITED("meeting.invited"),
    /** A vote was closed and its result is final (V2). */
    VOTE_CLOSED("vote.closed"),
    /**
     * The electors that had not voted in an open vote were reminded; data: voteId, title, memberIds (who
     * had not voted yet, never a choice) and count.
     */
    VOTE_REMINDER("vote.reminder"),
    /** A document of the archive became public (D1). */
    DOCUMENT_PUBLISHED("document.published"),
    /**
     * A public obligation of the konwent's calendar is due within the configured days (issue 23), once per
     * obligation and due day; data: obligationId, kind, title, dueOn, daysLeft.
     */
    OBLIGATION_DUE("obligation.due");

    /** The type of the test event a webhook's ping sends; nobody subscribes to it. */
    public static final String PING = "webhook.ping";

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name in payloads, headers and subscriptions, such as {@code member.accepted}. */
    public String wireName() {
        return wireName;
    }

    public static EventType parse(String raw) {
        for (EventType type : values()) {
            if (type.wireName.equals(raw)) {
                return type;
            }
        }
        throw new InvalidValue("must be one of " + Arrays.stream(values()).map(EventType::wireName)
                .collect(Collectors.joining(", ")));
    }
}
