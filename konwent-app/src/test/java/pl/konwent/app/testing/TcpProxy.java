package pl.konwent.app.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on loopback between a server under test and its database, to stage database outages without
 * touching the real database server (which other tests and people share): {@link #cut()} drops every open
 * connection and refuses new ones, as a stopped database does; {@link #stall()} keeps every connection open and
 * takes new ones but passes no byte on, as a database behind a network black hole; {@link #restore()} listens again
 * on the same port and lets bytes flow again.
 */
public final class TcpProxy implements AutoCloseable {
    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;
    private volatile boolean stalled;

    private TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        accept(listener);
    }

    /** A proxy to the host and port of a {@code jdbc:mysql://host:port/...} url. */
    public static TcpProxy to(String jdbcUrl) {
        URI server = URI.create(jdbcUrl.substring("jdbc:".length()));
        return new TcpProxy(server.getHost(), server.getPort() == -1 ? 3306 : server.getPort());
    }

    /** The same url, through this proxy. */
    public String through(String jdbcUrl) {
        URI server = URI.create(jdbcUrl.substring("jdbc:".length()));
        String authority = server.getHost() + (server.getPort() == -1 ? "" : ":" + server.getPort());
        return jdbcUrl.replaceFirst(java.util.regex.Pattern.quote(authority), "127.0.0.1:" + port);
    }

    /** The database "stops": open connections are reset and new ones refused. */
    public synchronized void cut() {
        closeQuietly(listener);
        listener = null;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    /** The database goes silent: connections stay open and new ones are taken, but nothing passes either way. */
    public synchronized void stall() {
        stalled = true;
    }

    /** The database is back. */
    public synchronized void restore() {
        stalled = false;
        notifyAll();
        if (listener == null) {
            listener = listen(port);
            accept(listener);
        }
    }

    @Override
    public synchronized void close() {
        cut();
        stalled = false;
        notifyAll();
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket socket) {
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Socket upstream;
                    try {
                        upstream = new Socket(targetHost, targetPort);
                    } catch (IOException refused) {
                        closeQuietly(client);
                        continue;
                    }
                    open.add(client);
                    open.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException e) {
                    // the listener was closed by cut(), or the database refused: the client sees its socket close
                }
            }
        }, "tcp-proxy-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read; (read = in.read(buffer)) != -1; ) {
                    awaitFlowing();
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed: close both below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-pump-" + port);
        pump.setDaemon(true);
        pump.start();
    }

    /** Holds what was read while the proxy is stalled; {@link #restore()} lets it go on. */
    private synchronized void awaitFlowing() throws IOException {
        while (stalled) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while stalled", e);
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            // already closed
        }
    }
}
