package pl.konwent.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * Changeset 028: fills member's columns {@code street}, {@code postal_code} and {@code founder_name} from each row's
 * {@code contact} JSON, in the changeset's transaction, so that the public register reads them instead of the JSON.
 */
public final class MemberPublicColumns implements CustomTaskChange {
    private static final int BATCH = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void execute(Database database) throws CustomChangeException {
        Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        try (PreparedStatement read = connection.prepareStatement("SELECT id, contact FROM member");
             PreparedStatement write = connection.prepareStatement(
                     "UPDATE member SET street = ?, postal_code = ?, founder_name = ? WHERE id = ?");
             ResultSet rows = read.executeQuery()) {
            int pending = 0;
            while (rows.next()) {
                JsonNode contact = JSON.readTree(rows.getString("contact"));
                write.setString(1, text(contact.path("address").path("street")));
                write.setString(2, text(contact.path("address").path("postalCode")));
                write.setString(3, text(contact.path("foundingInstitution").path("name")));
                write.setString(4, rows.getString("id"));
                write.addBatch();
                if (++pending == BATCH) {
                    write.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        } catch (Exception e) {
            throw new CustomChangeException("Cannot fill member's public columns from its contacts", e);
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    @Override
    public String getConfirmationMessage() {
        return "member's public columns filled from its contacts";
    }

    @Override
    public void setUp() {
    }

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {
    }

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
