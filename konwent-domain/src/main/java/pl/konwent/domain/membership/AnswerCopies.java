package pl.konwent.domain.membership;

import java.util.Collection;

/**
 * Copies of earlier answers kept for a while outside the register (outgoing port): the first answers to requests
 * sent with an Idempotency-Key, so that a retry gets them again. They may name a member's people, so erasure
 * forgets those about the member or its declaration.
 */
public interface AnswerCopies {
    void forgetAbout(Collection<String> resourceIds);
}
