package pl.konwent.adapters.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import pl.konwent.domain.documents.FileType;

/**
 * Tells what a file is from its bytes alone, never from its name or the Content-Type a client sent: a PDF starts
 * with {@code %PDF-}; a DOCX is a ZIP holding {@code [Content_Types].xml} and {@code word/document.xml}; an ODT is
 * a ZIP whose first entry is {@code mimetype} with the ODF text media type. Anything else is none of them.
 */
public final class FileSniffer {
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final String ODT = "application/vnd.oasis.opendocument.text";

    private FileSniffer() {
    }

    /** The type of the file's bytes, or null when they are not one the archive keeps. */
    public static FileType sniff(Path file) throws IOException {
        byte[] head = new byte[8];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (startsWith(head, read, PDF)) {
            return FileType.PDF;
        }
        if (!startsWith(head, read, ZIP)) {
            return null;
        }
        if (isOdt(file)) {
            return FileType.ODT;
        }
        return isDocx(file) ? FileType.DOCX : null;
    }

    private static boolean isOdt(Path file) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry first = zip.getNextEntry();
            if (first == null || !first.getName().equals("mimetype")) {
                return false;
            }
            byte[] type = zip.readNBytes(200);
            return new String(type, StandardCharsets.US_ASCII).strip().equals(ODT);
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isDocx(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry("[Content_Types].xml") != null && zip.getEntry("word/document.xml") != null;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] head, int read, byte[] magic) {
        return read >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
