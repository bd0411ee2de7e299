package pl.konwent.app.testing;

import java.security.SecureRandom;
import org.jdbi.v3.core.Jdbi;
import pl.konwent.adapters.jdbi.JdbiUnitOfWork;
import pl.konwent.adapters.jdbi.voting.JdbiBallotSealer;
import pl.konwent.adapters.jdbi.voting.JdbiSecretBallots;
import pl.konwent.adapters.security.KeyWrap;
import pl.konwent.adapters.security.SecureIdSource;
import pl.konwent.adapters.security.ServerSecret;
import pl.konwent.domain.voting.SecretBallots;

/** Secret ballots over a test database, sealed as the test servers seal them (their shared server secret). */
public final class Sealing {
    private Sealing() {
    }

    public static SecretBallots over(Jdbi jdbi) {
        SecureRandom random = new SecureRandom();
        byte[] key = ServerSecret.fromBase64(TestServer.SECRET_KEY).derive("ballot-keys", 32);
        return new SecretBallots(new JdbiBallotSealer(jdbi, new KeyWrap(key, random), random),
                new JdbiSecretBallots(jdbi, new SecureIdSource()), new JdbiUnitOfWork(jdbi));
    }
}
