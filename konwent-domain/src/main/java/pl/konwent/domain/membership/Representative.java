package pl.konwent.domain.membership;

/** A person who represents a member (M1). Personal data: shown only to those who need it, erasable. */
public record Representative(String id, String name, String phone, String email) {
}
