package pl.konwent.app;

import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.ResourceConfigurationSourceProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a configuration file from disk when it exists there, else the one of that name inside the jar. */
final class FileOrClasspathSourceProvider implements ConfigurationSourceProvider {
    private final ConfigurationSourceProvider files = new FileConfigurationSourceProvider();
    private final ConfigurationSourceProvider resources = new ResourceConfigurationSourceProvider();

    @Override
    public InputStream open(String path) throws IOException {
        return Files.exists(Path.of(path)) ? files.open(path) : resources.open(path);
    }
}
