package pl.konwent.domain.shared;

import java.util.List;

/**
 * E-mail to be sent (outgoing port). Enqueuing is part of the use case's transaction, so a message is stored
 * exactly when what it reports is; delivery happens afterwards, retried until it succeeds, outside the domain.
 */
public interface Outbox {
    void enqueue(List<Mail> mails);

    /** Forgets every message to this address, sent or waiting (GDPR erasure of the person it belongs to). */
    void forgetRecipient(String address);
}
