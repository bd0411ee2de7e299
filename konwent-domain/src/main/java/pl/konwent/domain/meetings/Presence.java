package pl.konwent.domain.meetings;

/** A member present at a meeting, in person or following the online transmission (O4). */
public record Presence(String memberId, String memberName, Mode mode) {
    public enum Mode { IN_PERSON, ONLINE }
}
