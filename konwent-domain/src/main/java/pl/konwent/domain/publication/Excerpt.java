package pl.konwent.domain.publication;

/**
 * D2: the start of a longer text that a portal shows under an entry's title, so a reader need not open the
 * resource to know what it says: white space folded to single spaces, cut at a word boundary, the cut marked.
 */
public final class Excerpt {
    /** Characters an excerpt keeps at most, the mark of a cut included: two or three lines of a portal's column. */
    public static final int LENGTH = 280;
    private static final String CUT = "…";

    private Excerpt() {
    }

    /** D2: {@code text} itself when short enough, else its first whole words and "…"; null for no text. */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        String folded = text.strip().replaceAll("\\s+", " ");
        if (folded.isEmpty()) {
            return null;
        }
        if (folded.length() <= LENGTH) {
            return folded;
        }
        int end = LENGTH - CUT.length();
        int space = folded.lastIndexOf(' ', end);
        int cut = space > LENGTH / 2 ? space : end;
        if (Character.isHighSurrogate(folded.charAt(cut - 1))) {
            cut--;
        }
        return folded.substring(0, cut).stripTrailing() + CUT;
    }
}
