package pl.konwent.domain.documents;

import java.util.Locale;

/**
 * The name a file is shown and downloaded under. It is only ever a label: the bytes are stored under the
 * file's id, so no name a client sends reaches a path.
 */
public final class FileNames {
    static final int MAX_LENGTH = 200;

    private FileNames() {
    }

    /**
     * The last segment of what the client sent, without control characters, quotes or path separators, at most
     * 200 characters, ending in the extension of the type the bytes are; "dokument.pdf" and the like when nothing
     * is left.
     */
    public static String sanitise(String raw, FileType type) {
        String name = raw == null ? "" : raw;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"*:<>?|;]", "").replaceAll("\\s+", " ").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        String extension = "." + type.extension();
        if (!name.toLowerCase(Locale.ROOT).endsWith(extension)) {
            name = name + extension;
        }
        if (name.length() > MAX_LENGTH) {
            name = name.substring(0, MAX_LENGTH - extension.length()) + extension;
        }
        return name.equals(extension) ? "dokument" + extension : name;
    }
}
