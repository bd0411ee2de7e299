package pl.konwent.adapters.web.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Files shipped in the jar that the API serves as they are (the contract, the portal's script). */
public final class ClasspathFiles {
    private ClasspathFiles() {
    }

    /** The whole file; a missing one is a broken build, not a request's fault. */
    public static byte[] read(String resource) {
        try (InputStream in = ClasspathFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
