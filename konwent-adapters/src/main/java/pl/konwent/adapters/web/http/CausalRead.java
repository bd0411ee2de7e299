package pl.konwent.adapters.web.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a cluster, this resource method runs only once the node has applied every write committed anywhere before
 * the request (issue 21): a closed vote's result, and the closing that counts it, never miss a ballot or a close
 * acknowledged through another node. Elsewhere a missing resource is enough reason to wait
 * ({@link ClusterConsistentResources}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CausalRead {
}
