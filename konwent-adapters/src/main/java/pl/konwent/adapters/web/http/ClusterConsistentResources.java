package pl.konwent.adapters.web.http;

import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.model.Invocable;
import org.glassfish.jersey.server.spi.internal.ResourceMethodInvocationHandlerProvider;
import pl.konwent.domain.shared.DomainException;

/**
 * Read-your-writes across the nodes of a cluster, for every resource method, at no cost to a request that finds
 * what it asks for (issue 21). A client creates a vote through one instance and follows its Location through
 * another, whose node may not have applied the insert yet: instead of answering 404, the method waits for the
 * writes committed anywhere ({@code awaitWrites}) and runs once more. Nothing was changed by the first run: a use
 * case that does not find what it works on refuses before writing, and its transaction rolls back. A method that
 * reads a request body as a stream is not run twice (the stream is spent); it answers as it found. A method marked
 * {@link CausalRead} waits before it runs.
 *
 * <p>On one server it invokes resource methods as Jersey does; on H2 it is not registered at all.
 */
public final class ClusterConsistentResources implements ResourceMethodInvocationHandlerProvider {
    private final java.util.function.BooleanSupplier onCluster;
    private final Runnable awaitWrites;

    /**
     * @param onCluster   whether the database is a cluster node (asked once, then known)
     * @param awaitWrites waits until the node has applied every write committed anywhere
     */
    public ClusterConsistentResources(java.util.function.BooleanSupplier onCluster, Runnable awaitWrites) {
        this.onCluster = onCluster;
        this.awaitWrites = awaitWrites;
    }

    /** Registers it with Jersey, which takes the first invocation handler a provider gives. */
    public AbstractBinder binder() {
        ClusterConsistentResources provider = this;
        return new AbstractBinder() {
            @Override
            protected void configure() {
                bind(provider).to(ResourceMethodInvocationHandlerProvider.class);
            }
        };
    }

    @Override
    public InvocationHandler create(Invocable resourceMethod) {
        Method handling = resourceMethod.getHandlingMethod();
        if (handling.isAnnotationPresent(CausalRead.class)
                || resourceMethod.getDefinitionMethod().isAnnotationPresent(CausalRead.class)) {
            return (target, method, args) -> {
                if (onCluster.getAsBoolean()) {
                    awaitWrites.run();
                }
                return method.invoke(target, args);
            };
        }
        boolean runsOnce = Arrays.stream(handling.getParameterTypes()).anyMatch(InputStream.class::isAssignableFrom);
        return (target, method, args) -> {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException thrown) {
                if (runsOnce || !(thrown.getCause() instanceof DomainException.NotFound)
                        || !onCluster.getAsBoolean()) {
                    throw thrown;
                }
            }
            awaitWrites.run();
            return method.invoke(target, args);
        };
    }
}
