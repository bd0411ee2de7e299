package pl.konwent.domain.meetings;

/** Lays the minutes' text out as an archival document (outgoing port): a PDF/A file with its fonts embedded. */
public interface MinutesRenderer {
    byte[] render(MinutesText text);
}
