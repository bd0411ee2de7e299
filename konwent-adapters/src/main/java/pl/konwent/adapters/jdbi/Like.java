package pl.konwent.adapters.jdbi;

/** LIKE patterns from user text: its own %, _ and ! match literally (used with {@link #ESCAPE}). */
public final class Like {
    /** Append after a LIKE operand. */
    public static final String ESCAPE = " ESCAPE '!'";

    private Like() {
    }

    public static String prefix(String text) {
        return literal(text) + "%";
    }

    public static String containing(String text) {
        return "%" + literal(text) + "%";
    }

    private static String literal(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
