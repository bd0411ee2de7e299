package pl.konwent.domain.meetings;

import java.time.Instant;
import java.util.List;

/**
 * A member's delegation to a meeting (O3): the persons it sends, each coming in person or following online. A
 * delegation of three still casts one ballot (V1); the persons are personal data, shown to the organiser, the
 * department and the member's own representatives only.
 */
public record Registration(String meetingId, String memberId, String memberName, List<Delegate> persons,
                           Instant registeredAt, Instant updatedAt, long version) {
    public Registration {
        persons = List.copyOf(persons);
    }

    public record Delegate(String name, Presence.Mode participation) {
    }

    /** What this delegation adds to the meeting's sums. */
    public Meeting.Registered counted() {
        int inPerson = (int) persons.stream().filter(p -> p.participation() == Presence.Mode.IN_PERSON).count();
        return new Meeting.Registered(1, persons.size(), inPerson);
    }

    public Registration changed(List<Delegate> changed, Instant at) {
        return new Registration(meetingId, memberId, memberName, changed, registeredAt, at, version + 1);
    }
}
