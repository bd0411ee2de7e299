package pl.konwent.domain.access;

/** A slow, salted password hash (outgoing port; bcrypt in the adapter). */
public interface PasswordHasher {
    String hash(String password);

    boolean matches(String password, String hash);
}
