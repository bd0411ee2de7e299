package pl.konwent.adapters.jdbi.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pl.konwent.adapters.jdbi.audit.JdbiAuditTrail;
import pl.konwent.adapters.jdbi.konwent.JdbiKonwents;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.domain.access.Account;
import pl.konwent.domain.access.AccountId;
import pl.konwent.domain.access.Role;
import pl.konwent.domain.access.RoleGrant;
import pl.konwent.domain.audit.AuditEntry;
import pl.konwent.domain.audit.AuditTrail;
import pl.konwent.domain.konwent.Charter;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/** Accounts, role grants, tokens and the audit trail on every database engine. */
abstract class AccessStoresContract {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123Z");
    private static final KonwentId KRAJOWY = new KonwentId("krajowy");

    private JdbiAccounts accounts;
    private JdbiRoleGrants grants;
    private JdbiTokens tokens;
    private JdbiAuditTrail audit;

    abstract TestDatabases.Engine engine();

    @BeforeEach
    void freshDatabase() {
        Jdbi jdbi = TestDatabases.fresh(engine()).jdbi();
        accounts = new JdbiAccounts(jdbi);
        grants = new JdbiRoleGrants(jdbi, java.time.Clock.systemUTC());
        tokens = new JdbiTokens(jdbi);
        audit = new JdbiAuditTrail(jdbi);
        new JdbiKonwents(jdbi).add(new Konwent(KRAJOWY, "Konwent", null, null, Charter.defaults(), null, T0, T0, 1));
    }

    @Test
    void accountsRoundTripAndUsernamesAreUnique() {
        Account anna = account("00000000-0000-0000-0000-00000000000a", "anna.nowak", "Anna Nowak-Żółkiewska");
        accounts.add(anna, null);

        assertThat(accounts.find(anna.id())).contains(anna);
        assertThat(accounts.findByUsername("anna.nowak")).contains(anna);
        assertThat(accounts.creatorOf(anna.id())).isEmpty();
        assertThatThrownBy(() -> accounts.add(account("00000000-0000-0000-0000-00000000000b", "anna.nowak", "Inna"),
                anna.id())).isInstanceOf(DomainException.Conflict.class);
    }

    @Test
    void accountsAreReplacedOnlyFromTheExpectedVersionAndListedByUsername() {
        Account anna = account("00000000-0000-0000-0000-00000000000a", "anna", "Anna");
        Account jan = account("00000000-0000-0000-0000-00000000000b", "jan", "Jan");
        accounts.add(jan, null);
        accounts.add(anna, jan.id());

        assertThat(accounts.replace(anna.withEnabled(false, T0.plusSeconds(1)), 1)).isTrue();
        assertThat(accounts.replace(anna.withEnabled(true, T0.plusSeconds(2)), 1)).isFalse();
        assertThat(accounts.find(anna.id()).orElseThrow().enabled()).isFalse();
        assertThat(accounts.creatorOf(anna.id())).contains(jan.id());
        Page<Account> first = accounts.list(PageRequest.first(1));
        assertThat(first.items()).extracting(Account::username).containsExactly("anna");
        assertThat(accounts.list(new PageRequest(1, first.nextAfter())).items()).extracting(Account::username)
                .containsExactly("jan");
    }

    @Test
    void theSameRoleCannotBeHeldTwiceEvenInstallationWide() {
        Account anna = account("00000000-0000-0000-0000-00000000000a", "anna", "Anna");
        accounts.add(anna, null);
        grants.add(new RoleGrant("g1", anna.id(), null, Role.ADMIN, null, T0));
        grants.add(new RoleGrant("g2", anna.id(), KRAJOWY, Role.REPRESENTATIVE, "cis-a", T0));
        grants.add(new RoleGrant("g3", anna.id(), KRAJOWY, Role.REPRESENTATIVE, "cis-b", T0));

        assertThatThrownBy(() -> grants.add(new RoleGrant("g4", anna.id(), null, Role.ADMIN, null, T0)))
                .isInstanceOf(DomainException.Conflict.class);
        assertThatThrownBy(() -> grants.add(new RoleGrant("g5", anna.id(), KRAJOWY, Role.REPRESENTATIVE, "cis-a", T0)))
                .isInstanceOf(DomainException.Conflict.class);
        List<RoleGrant> held = grants.of(anna.id());
        assertThat(held).hasSize(3);
        assertThat(held).filteredOn(g -> g.role() == Role.ADMIN).singleElement()
                .satisfies(g -> assertThat(g.konwent()).isNull());

        grants.remove("g2");
        assertThat(grants.find(anna.id(), "g2")).isEmpty();
        assertThat(grants.find(anna.id(), "g3")).isPresent();
    }

    @Test
    void tokensAreFoundUntilTheyExpireOrAreRemoved() {
        Account anna = account("00000000-0000-0000-0000-00000000000a", "anna", "Anna");
        accounts.add(anna, null);
        tokens.add("hash-1", anna.id(), T0, T0.plusSeconds(60));
        tokens.add("hash-2", anna.id(), T0, T0.plusSeconds(60));

        assertThat(tokens.accountOf("hash-1", T0.plusSeconds(59))).contains(anna.id());
        assertThat(tokens.accountOf("hash-1", T0.plusSeconds(60))).isEmpty();
        // the one joined read every bearer request makes: the token's account as stored, until it expires
        assertThat(tokens.holderOf("hash-1", T0.plusSeconds(59), accounts)).contains(anna);
        assertThat(tokens.holderOf("hash-1", T0.plusSeconds(60), accounts)).isEmpty();
        assertThat(tokens.holderOf("no-such-hash", T0, accounts)).isEmpty();
        tokens.remove("hash-1");
        assertThat(tokens.holderOf("hash-1", T0, accounts)).isEmpty();
        assertThat(tokens.accountOf("hash-1", T0)).isEmpty();
        tokens.removeAllOf(anna.id());
        assertThat(tokens.accountOf("hash-2", T0)).isEmpty();
    }

    @Test
    void theAuditTrailFiltersAndPagesNewestFirst() {
        for (int i = 0; i < 5; i++) {
            audit.record(new AuditEntry("e" + i, T0.plusSeconds(i), null, i % 2 == 0 ? "anna" : "jan", KRAJOWY,
                    "PUT /api/v1/konwents/{konwentId}", "/api/v1/konwents/krajowy", 200, AuditEntry.Outcome.SUCCEEDED,
                    i == 4 ? "named by the member by letter" : null));
        }
        audit.record(new AuditEntry("other", T0, null, "anna", null, "POST /api/v1/accounts", "/api/v1/accounts/x",
                201, AuditEntry.Outcome.SUCCEEDED, null));
        AuditTrail.Query all = new AuditTrail.Query(null, null, null, null);

        Page<AuditEntry> first = audit.list(KRAJOWY, all, PageRequest.first(2));
        Page<AuditEntry> second = audit.list(KRAJOWY, all, new PageRequest(2, first.nextAfter()));

        assertThat(first.items()).extracting(AuditEntry::id).containsExactly("e4", "e3");
        assertThat(first.items()).extracting(AuditEntry::reason).containsExactly("named by the member by letter", null);
        assertThat(second.items()).extracting(AuditEntry::id).containsExactly("e2", "e1");
        assertThat(audit.list(KRAJOWY, new AuditTrail.Query(null, null, "anna", null), PageRequest.first(10)).items())
                .extracting(AuditEntry::id).containsExactly("e4", "e2", "e0");
        assertThat(audit.list(KRAJOWY, new AuditTrail.Query(T0.plusSeconds(1), T0.plusSeconds(3), null, null),
                PageRequest.first(10)).items()).extracting(AuditEntry::id).containsExactly("e2", "e1");
        assertThat(audit.list(KRAJOWY, new AuditTrail.Query(null, null, null, "/api/v1/konwents/krajowy"),
                PageRequest.first(10)).items()).hasSize(5);
        assertThat(audit.list(KRAJOWY, new AuditTrail.Query(null, null, null, "/api/v1/konwents/k_"),
                PageRequest.first(10)).items()).isEmpty();
    }

    private static Account account(String id, String username, String name) {
        return new Account(new AccountId(id), username, name, username + "@example.pl", "$2b$10$hash", true, T0, T0, 1);
    }
}
