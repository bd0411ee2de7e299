package pl.konwent.adapters.web.access;

import java.time.Instant;
import pl.konwent.domain.access.Account;
import pl.konwent.domain.access.RoleGrant;

/** Accounts and roles as the API shows them: never a password hash. */
public final class AccountViews {
    private AccountViews() {
    }

    public record AccountView(String id, String username, String displayName, String email, boolean enabled,
                       Instant createdAt, Instant updatedAt) {
        static AccountView of(Account account) {
            return new AccountView(account.id().value(), account.username(), account.displayName(), account.email(),
                    account.enabled(), account.createdAt(), account.updatedAt());
        }
    }

    public record RoleView(String id, String role, String konwentId, String memberId, Instant grantedAt) {
        static RoleView of(RoleGrant grant) {
            return new RoleView(grant.id(), grant.role().name(), grant.konwent() == null ? null : grant.konwent().value(),
                    grant.memberId(), grant.grantedAt());
        }
    }

    public record RoleList(java.util.List<RoleView> items) {
    }

    public record NewAccountRequest(String username, String password, String displayName, String email) {
    }

    public record ProfileRequest(String id, String displayName, String email) {
    }

    public record PasswordRequest(String currentPassword, String newPassword) {
    }

    public record RoleRequest(String konwentId, String role, String memberId, String reason) {
    }
}
