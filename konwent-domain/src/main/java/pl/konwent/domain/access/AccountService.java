package pl.konwent.domain.access;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.konwent.Konwents;
import pl.konwent.domain.membership.Member;
import pl.konwent.domain.membership.Members;
import pl.konwent.domain.membership.Representative;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Enums;
import pl.konwent.domain.shared.FieldErrors;
import pl.konwent.domain.shared.IdSource;
import pl.konwent.domain.shared.InvalidValue;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.shared.UnitOfWork;

/**
 * Use cases of accounts and their roles. ADMIN manages everything. DEPARTMENT creates accounts and grants
 * the konwent-level roles SECRETARIAT and REPRESENTATIVE in its own konwent, within the rules of {@link RoleRules}
 * (A1 to A3). COUNCIL is nobody's to grant: it follows the council term (C2). Everyone reads and edits their own
 * account.
 */
public final class AccountService {
    public record NewAccount(String username, String password, String displayName, String email) {
    }

    /** {@code reason}: why an ADMIN grants REPRESENTATIVE to a person the member has not named (A2), else null. */
    public record NewGrant(String konwentId, String role, String memberId, String reason) {
    }

    public static final int MAX_REASON = 500;

    private final Accounts accounts;
    private final RoleGrants grants;
    private final Tokens tokens;
    private final Konwents konwents;
    private final Members members;
    private final PasswordHasher hasher;
    private final UnitOfWork unitOfWork;
    private final IdSource ids;
    private final Clock clock;

    public AccountService(Accounts accounts, RoleGrants grants, Tokens tokens, Konwents konwents, Members members,
                          PasswordHasher hasher, UnitOfWork unitOfWork, IdSource ids, Clock clock) {
        this.accounts = accounts;
        this.grants = grants;
        this.tokens = tokens;
        this.konwents = konwents;
        this.members = members;
        this.hasher = hasher;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
    }

    public Account create(Optional<Caller> caller, NewAccount input) {
        Caller creator = Access.authenticated(caller);
        if (!creator.isAdmin() && !holdsAnywhere(creator, Role.DEPARTMENT)) {
            throw new DomainException.Forbidden("Only an ADMIN or a DEPARTMENT may create accounts");
        }
        FieldErrors errors = new FieldErrors();
        String username = AccountInput.username(errors, input.username());
        String password = AccountInput.password(errors, "password", input.password());
        String displayName = AccountInput.displayName(errors, input.displayName());
        String email = AccountInput.email(errors, input.email());
        errors.throwIfAny();
        Instant now = now();
        Account account = new Account(AccountId.of(ids.newId()), username, displayName, email,
                hasher.hash(password), true, now, now, 1);
        return unitOfWork.inTransaction(() -> {
            accounts.add(account, creator.id());
            return account;
        });
    }

    /** Creates the first ADMIN account with this password, unless an account of that name exists. */
    public boolean ensureAdmin(String rawUsername, String password) {
        String username = Usernames.normal(rawUsername);
        if (accounts.findByUsername(username).isPresent()) {
            return false;
        }
        Instant now = now();
        Account admin = new Account(AccountId.of(ids.newId()), username, "Administrator", null,
                hasher.hash(password), true, now, now, 1);
        try {
            unitOfWork.inTransaction(() -> {
                accounts.add(admin, null);
                grants.add(new RoleGrant(ids.newId().toString(), admin.id(), null, Role.ADMIN, null, now));
                return null;
            });
            return true;
        } catch (DomainException.Conflict anotherInstanceWasFirst) {
            return false;
        }
    }

    public Account current(Optional<Caller> caller) {
        return get(caller, Access.authenticated(caller).id().value());
    }

    public Account get(Optional<Caller> caller, String rawId) {
        Caller reader = Access.authenticated(caller);
        Account account = find(rawId);
        requireVisible(reader, account.id());
        return account;
    }

    public Page<Account> list(Optional<Caller> caller, PageRequest page) {
        Access.requireAdmin(caller);
        return accounts.list(page);
    }

    public Account updateProfile(Optional<Caller> caller, String rawId, String displayName, String email,
                                 OptionalLong expectedVersion) {
        Caller editor = Access.authenticated(caller);
        Account current = find(rawId);
        requireSelfOrAdmin(editor, current.id());
        FieldErrors errors = new FieldErrors();
        String validName = AccountInput.displayName(errors, displayName);
        String validEmail = AccountInput.email(errors, email);
        errors.throwIfAny();
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
            throw stale(current.id());
        }
        return replace(current, current.withProfile(validName, validEmail, now()));
    }

    /**
     * A new password. The account's owner must give the current one; an ADMIN resets without it. Every token
     * of the account stops working.
     */
    public void changePassword(Optional<Caller> caller, String rawId, String currentPassword, String newPassword) {
        Caller editor = Access.authenticated(caller);
        Account account = find(rawId);
        requireSelfOrAdmin(editor, account.id());
        FieldErrors errors = new FieldErrors();
        String valid = AccountInput.password(errors, "newPassword", newPassword);
        boolean self = editor.id().equals(account.id());
        if (self && (currentPassword == null || !hasher.matches(currentPassword, account.passwordHash()))) {
            errors.check(false, "currentPassword", "does not match the account's password");
        }
        errors.throwIfAny();
        unitOfWork.inTransaction(() -> {
            replace(account, account.withPasswordHash(hasher.hash(valid), now()));
            tokens.removeAllOf(account.id());
            return null;
        });
    }

    /** Disables or enables an account (ADMIN). A disabled account cannot log in, and its tokens stop working. */
    public Account setEnabled(Optional<Caller> caller, String rawId, boolean enabled) {
        Caller admin = Access.requireAdmin(caller);
        Account account = find(rawId);
        if (!enabled && admin.id().equals(account.id())) {
            throw new DomainException.Conflict("An ADMIN cannot disable their own account");
        }
        if (account.enabled() == enabled) {
            return account;
        }
        return unitOfWork.inTransaction(() -> {
            Account changed = replace(account, account.withEnabled(enabled, now()));
            if (!enabled) {
                tokens.removeAllOf(account.id());
            }
            return changed;
        });
    }

    public List<RoleGrant> roles(Optional<Caller> caller, String rawId) {
        Caller reader = Access.authenticated(caller);
        Account account = find(rawId);
        requireVisible(reader, account.id());
        return grants.of(account.id());
    }

    public RoleGrant grant(Optional<Caller> caller, String rawId, NewGrant input) {
        Caller granter = Access.authenticated(caller);
        Account account = find(rawId);
        FieldErrors errors = new FieldErrors();
        Role role = errors.parse("role", () -> Enums.parse(Role.class, input.role()));
        KonwentId konwent = null;
        if (role != null && role.isInstallationWide()) {
            errors.check(input.konwentId() == null, "konwentId", "must be left out: ADMIN holds for the installation");
        } else {
            konwent = errors.parse("konwentId", () -> existingKonwent(input.konwentId()));
        }
        String memberId = null;
        if (role == Role.REPRESENTATIVE) {
            memberId = errors.requireText("memberId", input.memberId(), 64);
        } else {
            errors.check(input.memberId() == null, "memberId", "goes only with the role REPRESENTATIVE");
        }
        String reason = errors.optionalText("reason", input.reason(), MAX_REASON);
        errors.throwIfAny();
        RoleRules.councilFollowsTheTerm(role);
        requireMayManage(granter, konwent, role);
        if (role == Role.SECRETARIAT) {
            RoleRules.secretariatFollowsTheCompetition(konwents.find(konwent).orElseThrow().charter());
        }
        if (role == Role.REPRESENTATIVE) {
            Optional<Member> represented = members.find(konwent, memberId);
            if (represented.isEmpty() && !granter.isAdmin()) {
                throw DomainException.InvalidInput.of("memberId", "names no member of konwent '" + konwent + "'");
            }
            // a member not (or no longer) in the register has named nobody: only an ADMIN with a reason grants it
            RoleRules.representativeIsNamedByTheMember(granter, account, represented.stream()
                    .flatMap(member -> member.contact().representatives().stream())
                    .map(Representative::email).toList(), reason);
        }
        RoleRules.departmentIsNeverAlsoRepresentative(grants.of(account.id()), konwent, role);
        RoleGrant grant = new RoleGrant(ids.newId().toString(), account.id(), konwent, role, memberId, now());
        return unitOfWork.inTransaction(() -> {
            grants.add(grant);
            return grant;
        });
    }

    public void revoke(Optional<Caller> caller, String rawId, String grantId) {
        Caller revoker = Access.authenticated(caller);
        Account account = find(rawId);
        RoleGrant grant = grants.find(account.id(), grantId)
                .orElseThrow(() -> new DomainException.NotFound("No role '" + grantId + "' on this account"));
        RoleRules.councilFollowsTheTerm(grant.role());
        if (grant.id().startsWith(RoleGrant.AWARDED_SECRETARIAT_PREFIX)) {
            throw new DomainException.RuleViolation("A3", "This SECRETARIAT role comes with the award of the "
                    + "organiser competition (O1) and lasts until the next award; it is not revoked by hand");
        }
        requireMayManage(revoker, grant.konwent(), grant.role());
        if (grant.role() == Role.ADMIN && revoker.id().equals(account.id())) {
            throw new DomainException.Conflict("An ADMIN cannot revoke their own ADMIN role");
        }
        unitOfWork.inTransaction(() -> {
            grants.remove(grant.id());
            return null;
        });
    }

    private void requireMayManage(Caller caller, KonwentId konwent, Role role) {
        if (caller.isAdmin()) {
            return;
        }
        boolean konwentLevel = role == Role.SECRETARIAT || role == Role.REPRESENTATIVE;
        if (!konwentLevel || !caller.holds(konwent, Role.DEPARTMENT)) {
            throw new DomainException.Forbidden("Only an ADMIN, or the DEPARTMENT of konwent '" + konwent
                    + "' for SECRETARIAT and REPRESENTATIVE, may grant or revoke this role");
        }
    }

    /**
     * An account is visible to itself, to ADMIN, and to the DEPARTMENT of a konwent in which it holds a role; a
     * DEPARTMENT also sees an account it created that holds no role yet, to grant it one. Anyone else, a DEPARTMENT
     * asking about another konwent's people or about an ADMIN included, is told it does not exist (issue 19, API1:
     * knowing an id must not be enough to read a person's account and roles).
     */
    private void requireVisible(Caller reader, AccountId account) {
        if (reader.isAdmin() || reader.id().equals(account)) {
            return;
        }
        if (holdsAnywhere(reader, Role.DEPARTMENT)) {
            List<RoleGrant> held = grants.of(account);
            boolean inItsKonwent = held.stream()
                    .anyMatch(grant -> grant.konwent() != null && reader.holds(grant.konwent(), Role.DEPARTMENT));
            boolean itsNewAccount = held.isEmpty()
                    && accounts.creatorOf(account).filter(reader.id()::equals).isPresent();
            if (inItsKonwent || itsNewAccount) {
                return;
            }
        }
        throw new DomainException.NotFound("No account '" + account + "'");
    }

    private static void requireSelfOrAdmin(Caller caller, AccountId account) {
        if (!caller.isAdmin() && !caller.id().equals(account)) {
            throw new DomainException.Forbidden("Only the account's owner or an ADMIN may change it");
        }
    }

    private static boolean holdsAnywhere(Caller caller, Role role) {
        return caller.grants().stream().anyMatch(grant -> grant.role() == role);
    }

    private KonwentId existingKonwent(String raw) {
        if (raw == null) {
            throw new InvalidValue("is required for this role");
        }
        KonwentId id = new KonwentId(raw);
        if (konwents.find(id).isEmpty()) {
            throw new InvalidValue("names no konwent of this installation");
        }
        return id;
    }

    private Account find(String rawId) {
        try {
            return accounts.find(new AccountId(rawId))
                    .orElseThrow(() -> new DomainException.NotFound("No account '" + rawId + "'"));
        } catch (InvalidValue e) {
            throw new DomainException.NotFound("No account '" + rawId + "'");
        }
    }

    private Account replace(Account current, Account revised) {
        if (!accounts.replace(revised, current.version())) {
            throw stale(current.id());
        }
        return revised;
    }

    private static DomainException.StaleVersion stale(AccountId id) {
        return new DomainException.StaleVersion("Account '" + id + "' was changed since the version you sent");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
