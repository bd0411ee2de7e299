package pl.konwent.domain.documents;

import java.util.List;
import java.util.Optional;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/** D3: the konwents' archive chains: their records and each chain's head (outgoing port). */
public interface ChainRecords {
    /**
     * The konwent's chain head, locked until the transaction ends so that appends of one konwent follow each other
     * (whichever instance makes them); empty when the chain was never started.
     */
    Optional<ArchiveChain.Head> lockHead(KonwentId konwent);

    /** Starts the konwent's chain at the genesis head; false when another transaction already started it. */
    boolean start(KonwentId konwent);

    /**
     * Appends the record right after the head it names ({@code sequence - 1}, {@code previousHash}) and moves the
     * head to it. The database refuses a second record at the same sequence or after the same hash (no fork).
     */
    void append(ChainRecord record);

    Optional<ChainRecord> latestFor(KonwentId konwent, String documentId);

    /** Unlocked: the head as last committed, empty when the chain was never started. */
    Optional<ArchiveChain.Head> head(KonwentId konwent);

    /** Oldest first; {@code documentId} null for all. The page key is the sequence. */
    Page<ChainRecord> list(KonwentId konwent, String documentId, PageRequest page);

    /** The whole chain, oldest first, for the walk. */
    List<ChainRecord> all(KonwentId konwent);

    /** The konwent's PUBLIC documents, in the order they were published (published at, then id). */
    List<String> publicDocumentIds(KonwentId konwent);

    /** The konwents whose chain was never started. */
    List<KonwentId> unstarted();
}
