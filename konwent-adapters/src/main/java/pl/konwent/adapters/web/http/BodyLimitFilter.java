package pl.konwent.adapters.web.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import pl.konwent.adapters.web.ProblemType;

/**
 * No request body may be larger than {@link #MAX_BYTES}: a declared Content-Length over it is refused at once,
 * and a chunked body is cut off (413) as soon as it passes the limit, before anything is parsed or stored. The one
 * exception is a file uploaded to a document of the archive, which may be as large as the configured file size.
 * Nor may a body come slowly (slow-body attacks, each holding a request thread): once it has been read for
 * {@link #RATE_GRACE_NANOS}, it must have come at {@link #MIN_BYTES_PER_SECOND} on average, or it is cut off
 * (408). The rate counts from the first read, not from the body's first byte, so a small body that waited whole
 * in the buffer while its sender was authenticated is never taken for a slow one (Jetty's own
 * minRequestDataRate counts from the first byte and refuses exactly those).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class BodyLimitFilter implements ContainerRequestFilter {
    public static final int MAX_BYTES = 1 << 20;
    static final long MIN_BYTES_PER_SECOND = 1024;
    static final long RATE_GRACE_NANOS = 5_000_000_000L;
    private static final Pattern FILE_UPLOAD = Pattern.compile("/?api/v1/konwents/[^/]+/documents/[^/]+/files/?");

    private final long maxFileBytes;

    /** {@code maxFileBytes}: the largest file a document of the archive takes. */
    public BodyLimitFilter(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        boolean upload = "POST".equals(request.getMethod())
                && FILE_UPLOAD.matcher(request.getUriInfo().getPath()).matches();
        long limit = upload ? Math.max(MAX_BYTES, maxFileBytes) : MAX_BYTES;
        if (request.getLength() > limit) {
            request.abortWith(tooLarge(limit));
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Limited(request.getEntityStream(), limit));
        }
    }

    public static jakarta.ws.rs.core.Response tooLarge(long limit) {
        return ProblemType.PAYLOAD_TOO_LARGE.response("The request body is larger than " + limit + " bytes");
    }

    /** Raised by the body stream past the limit, whoever reads it; {@code ProblemMapper} answers it with 413. */
    public static final class TooLarge extends IOException {
        private final long limit;

        TooLarge(long limit) {
            super("request body over " + limit + " bytes", null);
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /** Raised by the body stream when the body comes too slowly; {@code ProblemMapper} answers it with 408. */
    public static final class TooSlow extends IOException {
        TooSlow() {
            super("request body slower than " + MIN_BYTES_PER_SECOND + " bytes per second", null);
        }
    }

    /** Counts what is read and fails once the limit is passed, or the body comes too slowly. */
    static final class Limited extends FilterInputStream {
        private final long limit;
        private long read;
        private long firstReadAt;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            startClock();
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            startClock();
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void startClock() {
            if (firstReadAt == 0) {
                firstReadAt = System.nanoTime() | 1;
            }
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                throw new TooLarge(limit);
            }
            long elapsed = System.nanoTime() - firstReadAt;
            if (elapsed > RATE_GRACE_NANOS && read * 1_000_000_000L / elapsed < MIN_BYTES_PER_SECOND) {
                throw new TooSlow();
            }
        }
    }
}
