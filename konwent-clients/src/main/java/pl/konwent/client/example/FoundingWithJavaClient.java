package pl.konwent.client.example;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import pl.konwent.client.ApiClient;
import pl.konwent.client.ApiException;
import pl.konwent.client.api.AccessApi;
import pl.konwent.client.api.KonwentsApi;
import pl.konwent.client.api.MembershipApi;
import pl.konwent.client.model.AccountInput;
import pl.konwent.client.model.Address;
import pl.konwent.client.model.DecisionInput;
import pl.konwent.client.model.Declaration;
import pl.konwent.client.model.DeclarationInput;
import pl.konwent.client.model.FoundingInstitution;
import pl.konwent.client.model.KonwentInput;
import pl.konwent.client.model.Login;
import pl.konwent.client.model.Member;
import pl.konwent.client.model.MemberKind;
import pl.konwent.client.model.MemberStatus;
import pl.konwent.client.model.Representative;
import pl.konwent.client.model.Role;
import pl.konwent.client.model.RoleGrantInput;

/**
 * The founding journey with the Java client generated from openapi.yaml: the first ADMIN logs in, founds a
 * konwent and makes the department's account; the department receives three membership declarations, accepts
 * them (deciding while there is no council yet, M2) and reads the register. Every command carries an
 * Idempotency-Key, so running it again changes nothing.
 *
 * <p>Run: {@code java pl.konwent.client.example.FoundingWithJavaClient http://localhost:8080 <admin password>}.
 */
public final class FoundingWithJavaClient {
    private static final String DEPARTMENT_PASSWORD = "haslo-departamentu-klient";

    private final URI server;

    public FoundingWithJavaClient(URI server) {
        this.server = server;
    }

    public static void main(String[] args) throws ApiException {
        if (args.length != 2) {
            System.err.println("usage: FoundingWithJavaClient <server url> <admin password>");
            System.exit(2);
        }
        List<Member> members = new FoundingWithJavaClient(URI.create(args[0])).found("wielkopolski", args[1]);
        members.forEach(member -> System.out.println(member.getName() + " (" + member.getKind() + ")"));
    }

    /** Founds the konwent {@code konwentId} and returns its register of active members. */
    public List<Member> found(String konwentId, String adminPassword) throws ApiException {
        ApiClient admin = signedIn("admin", adminPassword);
        new KonwentsApi(admin).createKonwent(new KonwentInput()
                .id(konwentId)
                .name("Konwent CIS i KIS Województwa Wielkopolskiego")
                .voivodeship("30"), "found-" + konwentId);

        AccessApi access = new AccessApi(admin);
        String departmentUser = "departament-" + konwentId;
        String department = access.createAccount(new AccountInput()
                .username(departmentUser)
                .password(DEPARTMENT_PASSWORD)
                .displayName("Departament Pomocy i Integracji Społecznej"), "account-" + departmentUser).getId();
        access.grantRole(department, new RoleGrantInput().konwentId(konwentId).role(Role.DEPARTMENT),
                "role-" + departmentUser);

        MembershipApi membership = new MembershipApi(signedIn(departmentUser, DEPARTMENT_PASSWORD));
        List<String> towns = List.of("Pniewy", "Poznań", "Gniezno");
        for (int i = 0; i < towns.size(); i++) {
            Declaration declaration = membership.submitDeclaration(konwentId,
                    declarationOf(towns.get(i), i + 1), "declaration-" + konwentId + "-" + (i + 1));
            membership.decideDeclaration(konwentId, declaration.getId(), new DecisionInput()
                    .outcome(DecisionInput.OutcomeEnum.ACCEPTED)
                    .reason("Deklaracja kompletna"), "decision-" + declaration.getId());
        }
        return membership.listMembers(konwentId, null, null, null, MemberStatus.ACTIVE, null, 500, null, null)
                .getItems();
    }

    /** A client that logs in once and sends the bearer token with every request. */
    private ApiClient signedIn(String username, String password) throws ApiException {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.toString());
        String token = new AccessApi(client).createToken(new Login().username(username).password(password), null)
                .getToken();
        return client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }

    private static DeclarationInput declarationOf(String town, int number) {
        Address address = new Address().street("ul. Społeczna " + number)
                .postalCode(String.format("62-%03d", number)).town(town).voivodeship("30");
        return new DeclarationInput()
                .memberName("Centrum Integracji Społecznej w " + town)
                .kind(MemberKind.CIS)
                .address(address)
                .phone("+48 61 000 00 0" + number)
                .email("cis" + number + "@example.pl")
                .foundingInstitution(new FoundingInstitution().name("Gmina " + town)
                        .address(new Address().street("ul. Urzędowa 1").postalCode("62-000").town(town)))
                .representatives(List.of(new Representative().name("Przedstawiciel " + number)
                        .email("przedstawiciel" + number + "@example.pl")))
                .signedBy("Kierownik " + number)
                .signedOn(LocalDate.of(2011, 3, number));
    }
}
