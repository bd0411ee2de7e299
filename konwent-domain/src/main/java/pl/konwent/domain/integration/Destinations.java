package pl.konwent.domain.integration;

import java.net.URI;
import java.util.Optional;

/**
 * Where webhooks may send (outgoing port): refuses addresses inside the installation's own network, so a
 * subscription cannot make the server call its neighbours or a cloud metadata service (SSRF). It needs name
 * resolution, so it lives in the adapters; the dispatcher asks it again before every attempt.
 */
public interface Destinations {
    /** Why {@code url} may not receive webhooks, or empty when it may. */
    Optional<String> refusal(URI url);

    /** For tests of the rules alone. */
    Destinations ANYWHERE = url -> Optional.empty();
}
