package pl.konwent.adapters.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pl.konwent.domain.documents.FileType;

class FileSnifferTest {
    private static final String ODT = "application/vnd.oasis.opendocument.text";

    @TempDir
    Path dir;

    @Test
    void D1_theArchiveKnowsPdfDocxAndOdtByTheirBytesAlone() throws IOException {
        assertThat(FileSniffer.sniff(file("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII)))).isEqualTo(FileType.PDF);
        assertThat(FileSniffer.sniff(file(zip(false, "[Content_Types].xml", "word/document.xml"))))
                .isEqualTo(FileType.DOCX);
        assertThat(FileSniffer.sniff(file(zip(true, "content.xml")))).isEqualTo(FileType.ODT);
    }

    @Test
    void D1_anythingElseIsNoneOfThem() throws IOException {
        assertThat(FileSniffer.sniff(file(new byte[0]))).isNull();
        assertThat(FileSniffer.sniff(file(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0}))).isNull();
        assertThat(FileSniffer.sniff(file("% PDF-not".getBytes(StandardCharsets.US_ASCII)))).isNull();
        assertThat(FileSniffer.sniff(file(zip(false, "[Content_Types].xml", "xl/workbook.xml")))).isNull();
        assertThat(FileSniffer.sniff(file(zip(false, "content.xml", "mimetype")))).isNull();
        assertThat(FileSniffer.sniff(file(new byte[] {'P', 'K', 3, 4, 1, 2, 3}))).isNull();
    }

    private Path file(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "upload", "");
        Files.write(file, bytes);
        return file;
    }

    /** A ZIP with these entries; {@code odt}: first an uncompressed "mimetype" entry holding the ODT type. */
    private static byte[] zip(boolean odt, String... names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            if (odt) {
                byte[] type = ODT.getBytes(StandardCharsets.US_ASCII);
                ZipEntry mimetype = new ZipEntry("mimetype");
                mimetype.setMethod(ZipEntry.STORED);
                mimetype.setSize(type.length);
                CRC32 crc = new CRC32();
                crc.update(type);
                mimetype.setCrc(crc.getValue());
                zip.putNextEntry(mimetype);
                zip.write(type);
            }
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }
}
