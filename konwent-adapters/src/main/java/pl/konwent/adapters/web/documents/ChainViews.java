package pl.konwent.adapters.web.documents;

import pl.konwent.domain.documents.ArchiveChain;
import pl.konwent.domain.documents.ChainRecord;
import pl.konwent.domain.documents.ChainVerification;

/** D3: the archive chain as the API shows it; a record's fields carry the exact values that are hashed. */
public final class ChainViews {
    private ChainViews() {
    }

    public record RecordView(String konwentId, long sequence, String documentId, long documentVersion, String action,
                             String kind, String title, String recordedAt, String contentSha256, String previousHash,
                             String hash) {
        static RecordView of(ChainRecord r) {
            return new RecordView(r.konwent().value(), r.sequence(), r.documentId(), r.documentVersion(),
                    r.action().name(), r.kind().name(), r.title(), r.recordedAt(), r.contentSha256(),
                    r.previousHash(), r.hash());
        }
    }

    public record HeadView(String konwentId, long sequence, String hash) {
        static HeadView of(String konwentId, ArchiveChain.Head head) {
            return new HeadView(konwentId, head.sequence(), head.hash());
        }
    }

    public record BreakView(Long sequence, String documentId, String link, String detail) {
    }

    public record VerificationView(boolean valid, long checkedRecords, HeadView head, BreakView broken) {
        static VerificationView of(String konwentId, ChainVerification.Result result) {
            ChainVerification.Break b = result.broken();
            return new VerificationView(result.valid(), result.checkedRecords(), HeadView.of(konwentId,
                    result.head()), b == null ? null : new BreakView(b.sequence(), b.documentId(), b.link().name(),
                    b.detail()));
        }
    }
}
