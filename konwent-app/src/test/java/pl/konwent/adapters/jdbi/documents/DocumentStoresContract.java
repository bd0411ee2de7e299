package pl.konwent.adapters.jdbi.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pl.konwent.adapters.jdbi.konwent.JdbiKonwents;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.domain.documents.Document;
import pl.konwent.domain.documents.DocumentFile;
import pl.konwent.domain.documents.DocumentKind;
import pl.konwent.domain.documents.Documents;
import pl.konwent.domain.documents.FileType;
import pl.konwent.domain.documents.SearchWords;
import pl.konwent.domain.documents.Visibility;
import pl.konwent.domain.konwent.Charter;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/** The archive's documents and files on every database engine: filters, Polish search, paging, versions. */
abstract class DocumentStoresContract {
    private static final Instant T0 = Instant.parse("2027-03-10T09:30:00.123Z");
    private static final KonwentId KRAJOWY = new KonwentId("krajowy");
    private static final KonwentId SLASKI = new KonwentId("slaski");

    private JdbiDocuments documents;
    private int sequence;

    abstract TestDatabases.Engine engine();

    @BeforeEach
    void freshDatabase() {
        Jdbi jdbi = TestDatabases.fresh(engine()).jdbi();
        documents = new JdbiDocuments(jdbi);
        JdbiKonwents konwents = new JdbiKonwents(jdbi);
        konwents.add(new Konwent(KRAJOWY, "Konwent", null, null, Charter.defaults(), null, T0, T0, 1));
        konwents.add(new Konwent(SLASKI, "Konwent Śląski", null, null, Charter.defaults(), null, T0, T0, 1));
    }

    @Test
    void aDocumentRoundTripsWithItsFilesAndChangesOnlyFromItsVersion() {
        Document stored = document(KRAJOWY, "Stanowisko w sprawie „CIS” – Łódź", "Treść zażółć gęślą jaźń",
                DocumentKind.POSITION, LocalDate.of(2027, 3, 10), Visibility.INTERNAL);
        documents.add(stored);
        assertThat(documents.find(KRAJOWY, stored.id())).contains(stored);
        assertThat(documents.find(SLASKI, stored.id())).isEmpty();

        DocumentFile file = new DocumentFile("00000000-0000-4000-8000-000000000001", stored.id(), "stanowisko.pdf",
                FileType.PDF, 1234, "ab".repeat(32), T0);
        documents.addFile(file);
        Document withFile = stored.withFiles(List.of(file), T0.plusMillis(5));
        assertThat(documents.replace(withFile, stored.version())).isTrue();
        assertThat(documents.replace(withFile, stored.version())).isFalse();
        assertThat(documents.find(KRAJOWY, stored.id())).contains(withFile);

        Document published = withFile.revised(new Document.Content("Nowy tytuł", DocumentKind.POSITION,
                LocalDate.of(2027, 3, 11), "en", "Body", Visibility.PUBLIC), T0.plusMillis(9));
        assertThat(documents.replace(published, withFile.version())).isTrue();
        assertThat(documents.find(KRAJOWY, stored.id()).orElseThrow().publishedAt()).isEqualTo(T0.plusMillis(9));

        assertThat(documents.deleteFile(stored.id(), file.id())).isTrue();
        assertThat(documents.deleteFile(stored.id(), file.id())).isFalse();
        assertThat(documents.delete(published, 1)).isFalse();
        assertThat(documents.delete(published, published.version())).isTrue();
        assertThat(documents.find(KRAJOWY, stored.id())).isEmpty();
    }

    @Test
    void aSourceIsArchivedOnce() {
        Document.Source vote = new Document.Source(Document.Source.Type.VOTE, "vote-1");
        documents.add(withSource(document(KRAJOWY, "Uchwała", "", DocumentKind.MOTION, LocalDate.of(2027, 1, 1),
                Visibility.PUBLIC), vote));
        Document again = withSource(document(KRAJOWY, "Uchwała", "", DocumentKind.MOTION, LocalDate.of(2027, 1, 1),
                Visibility.PUBLIC), vote);
        assertThatThrownBy(() -> documents.add(again)).isInstanceOf(DomainException.Conflict.class);
        assertThat(documents.find(KRAJOWY, again.id())).isEmpty();
    }

    @Test
    void searchIgnoresCaseOfPolishLettersAndNeedsEveryWord() {
        Document lodz = add("Posiedzenie w ŁODZI", "ŹRÓDŁA finansowania; ŻÓŁTA kartka", Visibility.PUBLIC, 1);
        Document gdansk = add("Komunikat z Gdańska", "Łódź i Gdańsk: źródła", Visibility.PUBLIC, 2);
        add("Inny", "nic", Visibility.PUBLIC, 3);
        add("Wniosek 100% słuszny", "_", Visibility.PUBLIC, 4);

        assertThat(ids(search("łodzi"))).containsExactly(lodz.id());
        assertThat(ids(search("źródła"))).containsExactlyInAnyOrder(lodz.id(), gdansk.id());
        assertThat(ids(search("ŹRÓDŁA gdańsk"))).containsExactly(gdansk.id());
        assertThat(ids(search("żółta"))).containsExactly(lodz.id());
        assertThat(ids(search("zrodla"))).isEmpty();
        assertThat(ids(search("%"))).hasSize(1);
        assertThat(ids(search("_"))).hasSize(1);
    }

    @Test
    void filtersApplyBeforePagingSoEveryPageIsFullAndNothingIsSkipped() {
        List<String> publicOnes = new ArrayList<>();
        for (int day = 1; day <= 12; day++) {
            Document d = add("Dokument " + day + " łączność", "treść", day % 3 == 0 ? Visibility.PUBLIC
                    : Visibility.INTERNAL, day);
            if (d.isPublic()) {
                publicOnes.add(0, d.id());
            }
        }
        documents.add(document(SLASKI, "Obcy łączność", "", DocumentKind.OTHER, LocalDate.of(2027, 1, 5),
                Visibility.PUBLIC));
        Documents.Filter publicOnly = new Documents.Filter(null, null, true, SearchWords.of("ŁĄCZNOŚĆ"), null, null);

        Page<Document> first = documents.list(KRAJOWY, publicOnly, PageRequest.first(3));
        assertThat(ids(first)).containsExactlyElementsOf(publicOnes.subList(0, 3));
        Page<Document> second = documents.list(KRAJOWY, publicOnly, new PageRequest(3, first.nextAfter()));
        assertThat(ids(second)).containsExactlyElementsOf(publicOnes.subList(3, 4));
        assertThat(second.nextAfter()).isNull();

        Page<Document> all = documents.list(KRAJOWY, new Documents.Filter(null, null, false, List.of(), null, null),
                PageRequest.first(500));
        assertThat(all.items()).hasSize(12);
        assertThat(all.items().get(0).content().date()).isEqualTo(LocalDate.of(2027, 1, 12));
        Page<Document> window = documents.list(KRAJOWY, new Documents.Filter(DocumentKind.POSITION,
                Visibility.INTERNAL, false, List.of(), LocalDate.of(2027, 1, 2), LocalDate.of(2027, 1, 5)),
                PageRequest.first(500));
        assertThat(window.items()).extracting(d -> d.content().date().getDayOfMonth()).containsExactly(5, 4, 2);
        assertThatThrownBy(() -> documents.list(KRAJOWY, publicOnly, new PageRequest(3, "nie-kursor")))
                .isInstanceOf(DomainException.InvalidInput.class);
    }

    private Page<Document> search(String query) {
        return documents.list(KRAJOWY, new Documents.Filter(null, null, true, SearchWords.of(query), null, null),
                PageRequest.first(50));
    }

    private static List<String> ids(Page<Document> page) {
        return page.items().stream().map(Document::id).toList();
    }

    private Document add(String title, String body, Visibility visibility, int day) {
        Document d = document(KRAJOWY, title, body, DocumentKind.POSITION, LocalDate.of(2027, 1, day), visibility);
        documents.add(d);
        return d;
    }

    private static Document withSource(Document d, Document.Source source) {
        return new Document(d.id(), d.konwent(), d.content(), source, d.files(), d.createdAt(), d.updatedAt(),
                d.publishedAt(), d.version());
    }

    private Document document(KonwentId konwent, String title, String body, DocumentKind kind, LocalDate date,
                              Visibility visibility) {
        String id = String.format("00000000-0000-4000-9000-%012d", ++sequence);
        return new Document(id, konwent, new Document.Content(title, kind, date, "pl", body, visibility), null,
                List.of(), T0, T0, visibility == Visibility.PUBLIC ? T0 : null, 1);
    }
}
