package pl.konwent.adapters.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;
import pl.konwent.domain.meetings.MinutesRenderer;
import pl.konwent.domain.meetings.MinutesText;

/**
 * The minutes as PDF/A-1b (ISO 19005-1, level B: what is printed can be reproduced exactly, years on): A4 pages,
 * every font embedded (DejaVu Sans, which covers every Polish letter, bundled beside this class with its licence),
 * an sRGB output intent, and XMP metadata that identifies the part and level and repeats the document title.
 * PDF/A-1b is the level Apache PDFBox's Preflight validates, so the tests can check the files it makes.
 */
public final class PdfaMinutesRenderer implements MinutesRenderer {
    private static final float MARGIN = 56;
    private static final float TITLE_SIZE = 16;
    private static final float HEADING_SIZE = 13;
    private static final float BODY_SIZE = 10.5f;
    private static final float FOOTER_SIZE = 8;
    private static final float LEADING = 1.4f;
    private static final String SRGB = "sRGB IEC61966-2.1";

    private final byte[] regular = resource("DejaVuSans.ttf");
    private final byte[] bold = resource("DejaVuSans-Bold.ttf");

    @Override
    public byte[] render(MinutesText text) {
        try (PDDocument document = new PDDocument()) {
            Writer writer = new Writer(document, PDType0Font.load(document, new ByteArrayInputStream(regular)),
                    PDType0Font.load(document, new ByteArrayInputStream(bold)));
            writer.paragraph(text.title(), writer.bold, TITLE_SIZE, 0);
            writer.paragraph(text.subject(), writer.regular, BODY_SIZE, 0);
            for (MinutesText.Section section : text.sections()) {
                writer.space(BODY_SIZE);
                writer.paragraph(section.heading(), writer.bold, HEADING_SIZE, 0);
                for (String paragraph : section.paragraphs()) {
                    writer.paragraph(paragraph, writer.regular, BODY_SIZE, 0);
                }
            }
            writer.finish();
            numberPages(document, writer.regular);
            identify(document, text.title());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out, CompressParameters.NO_COMPRESSION); // PDF/A-1 allows no cross-reference streams
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PDF/A: the XMP metadata names part 1, level B, and carries the same title as the document information. */
    private static void identify(PDDocument document, String title) throws IOException {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(title);
        dc.addLanguage("pl");
        PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
        try {
            id.setPart(1);
            id.setConformance("B");
        } catch (BadFieldValueException e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream serialized = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, serialized, true);
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(serialized.toByteArray());
        document.getDocumentCatalog().setMetadata(metadata);
        document.getDocumentCatalog().setLanguage("pl-PL");
        PDOutputIntent intent = new PDOutputIntent(document,
                new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
        intent.setInfo(SRGB);
        intent.setOutputCondition(SRGB);
        intent.setOutputConditionIdentifier(SRGB);
        intent.setRegistryName("http://www.color.org");
        document.getDocumentCatalog().addOutputIntent(intent);
    }

    private static void numberPages(PDDocument document, PDFont font) throws IOException {
        int count = document.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream content = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                content.beginText();
                content.setFont(font, FOOTER_SIZE);
                content.newLineAtOffset(MARGIN, MARGIN / 2);
                content.showText("Strona " + (i + 1) + " z " + count);
                content.endText();
            }
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = PdfaMinutesRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The font " + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes paragraphs down the pages, wrapping words at the margin and starting a page when one is full. */
    private static final class Writer {
        private final PDDocument document;
        private final PDFont regular;
        private final PDFont bold;
        private final Map<PDFont, Map<Integer, Boolean>> printable = new HashMap<>();
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument document, PDFont regular, PDFont bold) {
            this.document = document;
            this.regular = regular;
            this.bold = bold;
        }

        void paragraph(String text, PDFont font, float size, float indent) throws IOException {
            for (String line : wrap(printable(text, font), font, size, width - indent)) {
                lineFeed(size);
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(MARGIN + indent, y);
                content.showText(line);
                content.endText();
            }
        }

        void space(float size) {
            y -= size * LEADING / 2;
        }

        void finish() throws IOException {
            if (content == null) {
                newPage();
            }
            content.close();
        }

        private void lineFeed(float size) throws IOException {
            if (content == null || y - size * LEADING < MARGIN) {
                newPage();
            }
            y -= size * LEADING;
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        /** White space made plain spaces; a character the font has no glyph for shown as "?". */
        private String printable(String text, PDFont font) {
            Map<Integer, Boolean> known = printable.computeIfAbsent(font, f -> new HashMap<>());
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(cp -> {
                if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                    out.append(' ');
                } else if (known.computeIfAbsent(cp, c -> hasGlyph(font, c))) {
                    out.appendCodePoint(cp);
                } else {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private static boolean hasGlyph(PDFont font, int codePoint) {
            try {
                font.encode(new String(Character.toChars(codePoint)));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }

        /** Greedy word wrap; a word wider than the line is broken between characters. */
        private static List<String> wrap(String text, PDFont font, float size, float maxWidth) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.strip().split(" +")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(font, size, candidate) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                for (int i = 0; i < word.length(); ) {
                    int cp = word.codePointAt(i);
                    String next = line.toString() + new String(Character.toChars(cp));
                    if (!line.isEmpty() && width(font, size, next) > maxWidth) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    line.appendCodePoint(cp);
                    i += Character.charCount(cp);
                }
            }
            lines.add(line.toString());
            return lines;
        }

        private static float width(PDFont font, float size, String text) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }
    }
}
