package pl.konwent.domain.shared;

import java.text.Normalizer;
import java.util.Locale;

/** Text compared the way people mean it: without case, Polish diacritics, quotes or extra spaces. */
public final class Text {
    private Text() {
    }

    /** "CIS „Przystań” Łódź" → "cis przystan lodz". */
    public static String fold(String text) {
        String plain = Normalizer.normalize(text.replace('ł', 'l').replace('Ł', 'L'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT)
                .replaceAll("[\"'„”“«»]", "")
                .replaceAll("\\s+", " ")
                .strip();
    }
}
