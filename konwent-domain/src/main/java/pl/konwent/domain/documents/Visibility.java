package pl.konwent.domain.documents;

/** D1: a PUBLIC document is published to everyone; an INTERNAL one only to the konwent's department, council and secretariat. */
public enum Visibility {
    PUBLIC, INTERNAL
}
