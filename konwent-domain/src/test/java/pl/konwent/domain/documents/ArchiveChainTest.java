package pl.konwent.domain.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pl.konwent.domain.konwent.KonwentId;

class ArchiveChainTest {
    private static final KonwentId KONWENT = new KonwentId("krajowy");
    private static final Instant T0 = Instant.parse("2027-05-10T08:00:00Z");

    @Test
    void D3_theCanonicalEncodingSortsKeysAndEscapesOnlyQuotesBackslashesAndControlCharacters() {
        String encoded = CanonicalJson.of(Map.of("b", List.of(1L, "Zażółć \"gęślą\"\\jaźń\n\t\u0001"), "a", 7));

        assertThat(encoded).isEqualTo("{\"a\":7,\"b\":[1,\"Zażółć \\\"gęślą\\\"\\\\jaźń\\n\\t\\u0001\"]}");
    }

    @Test
    void D3_aRecordHashesItsFieldsAndNamesTheRecordBefore() {
        ChainRecord first = ArchiveChain.next(ArchiveChain.Head.EMPTY, document("a", 1, Visibility.PUBLIC),
                ChainRecord.Action.PUBLISHED, T0);
        ChainRecord second = ArchiveChain.next(new ArchiveChain.Head(1, first.hash()),
                document("b", 1, Visibility.PUBLIC), ChainRecord.Action.PUBLISHED, T0.plusMillis(5));

        assertThat(first.previousHash()).isEqualTo(ArchiveChain.GENESIS);
        assertThat(first.recordedAt()).isEqualTo("2027-05-10T08:00:00.000Z");
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(first.hash()).isEqualTo(sha256(CanonicalJson.of(first.hashedFields())))
                .matches("[0-9a-f]{64}").isNotEqualTo(second.hash());
    }

    @Test
    void D3_publishingRevisingWithdrawingAndDeletingEachAppendAndNothingElseDoes() {
        Document published = document("a", 1, Visibility.PUBLIC);
        ChainRecord first = ArchiveChain.next(ArchiveChain.Head.EMPTY, published, ChainRecord.Action.PUBLISHED, T0);

        assertThat(ArchiveChain.actionFor(document("a", 1, Visibility.INTERNAL), null)).isNull();
        assertThat(ArchiveChain.actionFor(published, null)).isEqualTo(ChainRecord.Action.PUBLISHED);
        assertThat(ArchiveChain.actionFor(published, first)).isNull();
        assertThat(ArchiveChain.actionFor(document("a", 2, Visibility.PUBLIC), first))
                .isEqualTo(ChainRecord.Action.REVISED);
        Document sameVersionOtherFile = published.withFiles(List.of(new DocumentFile("f", "a", "a.pdf", FileType.PDF,
                1, sha256("x"), T0)), T0);
        assertThat(ArchiveChain.actionFor(new Document("a", KONWENT, sameVersionOtherFile.content(), null,
                sameVersionOtherFile.files(), T0, T0, T0, 1), first)).as("content changed at the same version")
                .isEqualTo(ChainRecord.Action.REVISED);
        assertThat(ArchiveChain.actionFor(document("a", 2, Visibility.INTERNAL), first))
                .isEqualTo(ChainRecord.Action.WITHDRAWN);
        assertThat(ArchiveChain.actionFor(null, first)).isEqualTo(ChainRecord.Action.DELETED);
        ChainRecord withdrawn = ArchiveChain.next(new ArchiveChain.Head(1, first.hash()),
                document("a", 2, Visibility.INTERNAL), ChainRecord.Action.WITHDRAWN, T0);
        assertThat(ArchiveChain.actionFor(null, withdrawn)).isNull();
        assertThat(ArchiveChain.actionFor(document("a", 3, Visibility.PUBLIC), withdrawn))
                .isEqualTo(ChainRecord.Action.PUBLISHED);
    }

    @Test
    void D3_theWalkFindsASoundChainValid() {
        Fixture chain = new Fixture();

        ChainVerification.Result result = chain.walk();

        assertThat(result.valid()).isTrue();
        assertThat(result.checkedRecords()).isEqualTo(3);
        assertThat(result.broken()).isNull();
    }

    @Test
    void D3_anAlteredRecordBreaksAtItsOwnHash() {
        Fixture chain = new Fixture();
        ChainRecord r = chain.records.get(1);
        chain.records.set(1, new ChainRecord(r.konwent(), r.sequence(), r.documentId(), r.documentVersion(),
                r.action(), r.kind(), "Inny tytuł", r.recordedAt(), r.contentSha256(), r.previousHash(), r.hash()));

        assertBroken(chain.walk(), 2, ChainVerification.Link.RECORD_HASH);
    }

    @Test
    void D3_aRemovedRecordBreaksTheSequenceAndACutOffEndTheHead() {
        Fixture chain = new Fixture();
        chain.records.remove(1);
        assertBroken(chain.walk(), 3, ChainVerification.Link.SEQUENCE);

        Fixture cut = new Fixture();
        cut.records.remove(2);
        assertBroken(cut.walk(), 1, ChainVerification.Link.DOCUMENT);
        cut.documents.put("a", document("a", 1, Visibility.PUBLIC));
        assertBroken(cut.walk(), 3, ChainVerification.Link.HEAD);
    }

    @Test
    void D3_aDocumentAlteredOrAFileWhoseBytesChangedBreaksAtItsLatestRecord() {
        Fixture chain = new Fixture();
        Document b = chain.documents.get("b");
        chain.documents.put("b", new Document(b.id(), b.konwent(), new Document.Content(b.content().title(),
                b.content().kind(), b.content().date(), "pl", "Zmieniona treść", Visibility.PUBLIC), null, b.files(),
                b.createdAt(), b.updatedAt(), b.publishedAt(), b.version()));
        assertBroken(chain.walk(), 2, ChainVerification.Link.CONTENT);

        Fixture file = new Fixture();
        file.fileHashes.put("f1", "0".repeat(63) + "1");
        assertBroken(file.walk(), 3, ChainVerification.Link.CONTENT);

        Fixture gone = new Fixture();
        gone.documents.remove("b");
        assertBroken(gone.walk(), 2, ChainVerification.Link.DOCUMENT);
    }

    @Test
    void D3_aPublicDocumentNoRecordSpeaksOfIsReported() {
        Fixture chain = new Fixture();
        chain.documents.put("d", document("d", 1, Visibility.PUBLIC));

        ChainVerification.Result result = ChainVerification.walk(chain.records, Optional.of(chain.head()),
                List.of("a", "b", "d"), chain.archive());

        assertThat(result.valid()).isFalse();
        assertThat(result.broken().link()).isEqualTo(ChainVerification.Link.UNRECORDED);
        assertThat(result.broken().documentId()).isEqualTo("d");
    }

    private static void assertBroken(ChainVerification.Result result, long sequence, ChainVerification.Link link) {
        assertThat(result.valid()).isFalse();
        assertThat(result.broken().sequence()).isEqualTo(sequence);
        assertThat(result.broken().link()).isEqualTo(link);
        assertThat(result.checkedRecords()).isLessThan(sequence);
    }

    /** Document a published, b published, a revised with a file: three records. */
    private static final class Fixture {
        final List<ChainRecord> records = new ArrayList<>();
        final Map<String, Document> documents = new java.util.HashMap<>();
        final Map<String, String> fileHashes = new java.util.HashMap<>();

        Fixture() {
            Document a = document("a", 1, Visibility.PUBLIC);
            append(a, ChainRecord.Action.PUBLISHED);
            Document b = document("b", 1, Visibility.PUBLIC);
            append(b, ChainRecord.Action.PUBLISHED);
            DocumentFile file = new DocumentFile("f1", "a", "uchwala.pdf", FileType.PDF, 10, sha256("%PDF-1.4"), T0);
            fileHashes.put("f1", file.sha256());
            Document revised = a.withFiles(List.of(file), T0.plusSeconds(1));
            append(revised, ChainRecord.Action.REVISED);
            documents.put("a", revised);
            documents.put("b", b);
        }

        void append(Document document, ChainRecord.Action action) {
            records.add(ArchiveChain.next(head(), document, action, T0));
        }

        ArchiveChain.Head head() {
            return records.isEmpty() ? ArchiveChain.Head.EMPTY
                    : new ArchiveChain.Head(records.size(), records.get(records.size() - 1).hash());
        }

        ChainVerification.Archive archive() {
            return new ChainVerification.Archive() {
                @Override
                public Optional<Document> document(String documentId) {
                    return Optional.ofNullable(documents.get(documentId));
                }

                @Override
                public Optional<String> fileHash(String fileId) {
                    return Optional.ofNullable(fileHashes.get(fileId));
                }
            };
        }

        ChainVerification.Result walk() {
            ArchiveChain.Head head = new ArchiveChain.Head(3, records.stream().filter(r -> r.sequence() == 3)
                    .map(ChainRecord::hash).findFirst().orElse(ArchiveChain.GENESIS));
            return ChainVerification.walk(records, Optional.of(head), List.of("a", "b"), archive());
        }
    }

    private static Document document(String id, long version, Visibility visibility) {
        return new Document(id, KONWENT, new Document.Content("Stanowisko " + id, DocumentKind.POSITION,
                LocalDate.of(2027, 5, 1), "pl", "Treść " + id, visibility), null, List.of(), T0, T0,
                visibility == Visibility.PUBLIC ? T0 : null, version);
    }

    private static String sha256(String text) {
        return ArchiveChain.sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
