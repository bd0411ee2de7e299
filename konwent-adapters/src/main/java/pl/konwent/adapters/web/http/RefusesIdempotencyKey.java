package pl.konwent.adapters.web.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation whose answer must never be stored (it carries a credential, such as a new bearer token): a request
 * to it with an {@code Idempotency-Key} is refused with 400 before anything runs, rather than the answer kept.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RefusesIdempotencyKey {
}
