package pl.konwent.domain.access;

/** A slow, salted password hash (outgoing port; bcrypt in the adapter). */
public interface PasswordHasher {
    String hash(String password);

    boolean matches(String password, String hash);

    /**
     * A hash no password is known to match, checked instead of a missing account's so that timing does not reveal
     * usernames: checking it must cost what checking a stored hash costs. By default a hash of a fixed text.
     */
    default String decoyHash() {
        return hash("decoy password, never anyone's");
    }
}
