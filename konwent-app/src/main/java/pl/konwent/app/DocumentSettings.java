package pl.konwent.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.validation.MinDataSize;
import jakarta.validation.constraints.NotNull;

/** The documents archive (konwent.yml, section {@code documents}): how large an uploaded file may be. */
public class DocumentSettings {
    @JsonProperty
    @NotNull
    @MinDataSize(1)
    private DataSize maxFileSize = DataSize.megabytes(20);

    public DataSize getMaxFileSize() {
        return maxFileSize;
    }
}
