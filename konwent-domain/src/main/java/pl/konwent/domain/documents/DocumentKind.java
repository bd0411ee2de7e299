package pl.konwent.domain.documents;

/**
 * D1: what a document of the archive is. The resolutions adopted by vote keep their kind (V2); membership
 * declarations are internal records of the register and are never documents. MINUTES are a meeting's minutes
 * (protokół), drawn up from its recorded data.
 */
public enum DocumentKind {
    POSITION, MOTION, POSTULATE, WORK_PLAN, COMMUNIQUE, COUNCIL_REPORT, OTHER, MINUTES
}
