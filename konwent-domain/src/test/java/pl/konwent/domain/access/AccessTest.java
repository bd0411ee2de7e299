package pl.konwent.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.DomainException;

class AccessTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final KonwentId POMORSKI = new KonwentId("pomorski");
    private static final KonwentId LUBELSKI = new KonwentId("lubelski");
    private static final AccountId ID = new AccountId("00000000-0000-0000-0000-00000000000a");

    @Test
    void noCallerIsUnauthenticatedNotForbidden() {
        assertThatThrownBy(() -> Access.requireRole(Optional.empty(), POMORSKI, Role.COUNCIL))
                .isInstanceOf(DomainException.Unauthenticated.class);
    }

    @Test
    void aRoleCountsOnlyInTheKonwentItWasGrantedIn() {
        Optional<Caller> council = caller(new RoleGrant("g", ID, POMORSKI, Role.COUNCIL, null, T0));

        assertThat(Access.requireRole(council, POMORSKI, Role.COUNCIL).username()).isEqualTo("anna");
        assertThatThrownBy(() -> Access.requireRole(council, LUBELSKI, Role.COUNCIL))
                .isInstanceOf(DomainException.Forbidden.class).hasMessageContaining("lubelski");
        assertThatThrownBy(() -> Access.requireRole(council, POMORSKI, Role.SECRETARIAT))
                .isInstanceOf(DomainException.Forbidden.class);
    }

    @Test
    void aRepresentativeActsOnlyForItsOwnMember() {
        Optional<Caller> representative = caller(new RoleGrant("g", ID, POMORSKI, Role.REPRESENTATIVE, "cis-a", T0));

        Access.requireRepresentativeOf(representative, POMORSKI, "cis-a");
        assertThatThrownBy(() -> Access.requireRepresentativeOf(representative, POMORSKI, "cis-b"))
                .isInstanceOf(DomainException.Forbidden.class);
        assertThatThrownBy(() -> Access.requireRepresentativeOf(representative, LUBELSKI, "cis-a"))
                .isInstanceOf(DomainException.Forbidden.class);
    }

    @Test
    void anAdminMayDoEverything() {
        Optional<Caller> admin = caller(new RoleGrant("g", ID, null, Role.ADMIN, null, T0));

        Access.requireAdmin(admin);
        Access.requireRole(admin, LUBELSKI, Role.DEPARTMENT);
        Access.requireRepresentativeOf(admin, LUBELSKI, "cis-z");
    }

    private static Optional<Caller> caller(RoleGrant grant) {
        return Optional.of(new Caller(ID, "anna", List.of(grant)));
    }
}
