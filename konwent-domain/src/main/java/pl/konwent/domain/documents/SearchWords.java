package pl.konwent.domain.documents;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * D1: full-text search of the archive. A document's title and body are kept once more in lower case (Polish
 * rules: "ŁÓDŹ" → "łódź"), and a query matches when each of its words appears in that text. Lower-casing happens
 * here, in Java, so that the search behaves the same whatever the database's collation (MariaDB's tables compare
 * bytes).
 */
public final class SearchWords {
    private static final Locale POLISH = Locale.forLanguageTag("pl");
    /** Words searched at most; more are ignored, so one query cannot grow the SQL without bound. */
    public static final int MAX_WORDS = 8;

    private SearchWords() {
    }

    /** The searchable text of a document: title and body, in lower case, runs of white space made one space. */
    public static String searchable(String title, String body) {
        return normalize(title + "\n" + body);
    }

    /** The words of a query, in lower case, without repeats; empty when the query has none. */
    public static List<String> of(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return Arrays.stream(normalize(query).split(" ")).filter(word -> !word.isEmpty()).distinct()
                .limit(MAX_WORDS).toList();
    }

    static String normalize(String text) {
        return text.toLowerCase(POLISH).replaceAll("\\s+", " ").strip();
    }
}
