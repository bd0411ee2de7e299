package pl.konwent.adapters.web.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import pl.konwent.domain.documents.Document;
import pl.konwent.domain.documents.DocumentFile;
import pl.konwent.domain.documents.DocumentInput;

/** Documents of the archive and their files as the API shows and takes them. */
public final class DocumentViews {
    private DocumentViews() {
    }

    public record DocumentRequest(String title, String kind, String date, String language, String body,
                                  String visibility) {
        DocumentInput toInput() {
            return new DocumentInput(title, kind, date, language, body, visibility);
        }
    }

    public record SourceView(String type, String id) {
    }

    public record FileView(String id, String name, String contentType, long size, String sha256,
                           Instant uploadedAt) {
        public static FileView of(DocumentFile f) {
            return new FileView(f.id(), f.name(), f.type().mediaType(), f.size(), f.sha256(), f.uploadedAt());
        }
    }

    public record DocumentView(String id, String konwentId, String title, String kind, LocalDate date,
                               String language, String body, String visibility, SourceView source,
                               List<FileView> files, Instant createdAt, Instant updatedAt, Instant publishedAt) {
        public static DocumentView of(Document d) {
            Document.Content c = d.content();
            return new DocumentView(d.id(), d.konwent().value(), c.title(), c.kind().name(), c.date(), c.language(),
                    c.body(), c.visibility().name(),
                    d.source() == null ? null : new SourceView(d.source().type().name(), d.source().id()),
                    d.files().stream().map(FileView::of).toList(), d.createdAt(), d.updatedAt(), d.publishedAt());
        }
    }
}
