package pl.konwent.domain.membership;

/** What kind of organisation a member is: a centre, a club, or (in the forum) a regional konwent. */
public enum MemberKind {
    CIS, KIS, REGIONAL_KONWENT
}
