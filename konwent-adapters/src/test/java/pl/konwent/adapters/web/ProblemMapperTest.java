package pl.konwent.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;
import pl.konwent.domain.shared.DomainException;

class ProblemMapperTest {
    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void anythingUnexpectedIsA500WithoutItsMessageOrStack() {
        Response response = mapper.toResponse(new IllegalStateException("secret internals at line 42"));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        ProblemView problem = (ProblemView) response.getEntity();
        assertThat(problem.detail()).doesNotContain("secret internals").contains("quote");
    }

    @Test
    void aUniqueKeyViolationNoRepositoryNamedIsStillA409() {
        Response response = mapper.toResponse(new RuntimeException(
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062)));

        assertThat(response.getStatus()).isEqualTo(409);
    }

    @Test
    void aLostDatabaseConnectionIsA503WithRetryAfter() {
        Response response = mapper.toResponse(new RuntimeException(
                new SQLNonTransientConnectionException("Communications link failure", "08S01")));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
    }

    @Test
    void aConnectionLostInTheMiddleOfAResultIsA503NotA500() {
        // issue 21: a Galera node killed while sending a result; Connector/J gives no SQLSTATE for it
        Response response = mapper.toResponse(new RuntimeException(new SQLException("Can not read response from "
                + "server. Expected to read 120 bytes, read 97 bytes before connection was unexpectedly lost.",
                (String) null, new java.io.EOFException("Can not read response from server"))));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
    }

    @Test
    void aDeadlockThatOutlastedItsRetriesIsA503WithRetryAfterNotA500() {
        for (SQLException conflict : new SQLException[] {
                new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213),
                new SQLException("Lock wait timeout exceeded", "HY000", 1205)}) {
            Response response = mapper.toResponse(new RuntimeException(conflict));

            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
            assertThat(((ProblemView) response.getEntity()).detail()).doesNotContain("Deadlock", "Lock wait");
        }
    }

    @Test
    void domainRefusalsKeepTheirMeaning() {
        assertThat(mapper.toResponse(new DomainException.NotFound("x")).getStatus()).isEqualTo(404);
        assertThat(mapper.toResponse(new DomainException.Conflict("x")).getStatus()).isEqualTo(409);
        assertThat(mapper.toResponse(new DomainException.Forbidden("x")).getStatus()).isEqualTo(403);
        assertThat(mapper.toResponse(new DomainException.StaleVersion("x")).getStatus()).isEqualTo(412);
        assertThat(mapper.toResponse(new DomainException.RuleViolation("C4", "x")).getStatus()).isEqualTo(422);
        Response unauthenticated = mapper.toResponse(new DomainException.Unauthenticated("x"));
        assertThat(unauthenticated.getStatus()).isEqualTo(401);
        assertThat(unauthenticated.getHeaderString("WWW-Authenticate")).contains("Bearer", "Basic");
        Response tooMany = mapper.toResponse(new DomainException.TooManyAttempts("x", 30));
        assertThat(tooMany.getStatus()).isEqualTo(429);
        assertThat(tooMany.getHeaderString("Retry-After")).isEqualTo("30");
    }

    @Test
    void aBodyWhoseFramingJettyRefusedIsA4xxNotA500() {
        Response overflow = mapper.toResponse(new RuntimeException(
                new org.eclipse.jetty.http.BadMessageException(400, "Bad chunking")));

        assertThat(overflow.getStatus()).isEqualTo(400);
        assertThat(((ProblemView) overflow.getEntity()).type()).isEqualTo("/problems/malformed-request");
    }

    @Test
    void aBodyThatCameTooSlowlyOrStoppedComingIsA408() {
        Response stalled = mapper.toResponse(new java.io.IOException(
                new java.util.concurrent.TimeoutException("Idle timeout expired: 10000/10000 ms")));

        assertThat(stalled.getStatus()).isEqualTo(408);
        assertThat(((ProblemView) stalled.getEntity()).type()).isEqualTo("/problems/request-timeout");
    }
}
