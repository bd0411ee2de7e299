package pl.konwent.domain.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.FieldError;
import pl.konwent.domain.shared.FieldErrors;
import pl.konwent.domain.shared.Voivodeship;

class DeclarationRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2011, 3, 20);
    private final AtomicInteger ids = new AtomicInteger();
    private final Supplier<String> newIds = () -> "r" + ids.incrementAndGet();

    @Test
    void M1_aCompleteDeclarationOfTheTemplateIsValid() {
        DeclarationContent content = validate(declaration("+48 61 000 00 00", "62-045", "30", "2011-03-15",
                List.of(new ContactInput.RepresentativeInput(null, "Anna Nowak", null, "anna@example.pl"))));

        assertThat(content.kind()).isEqualTo(MemberKind.CIS);
        assertThat(content.contact().address().voivodeship()).isEqualTo(Voivodeship.WIELKOPOLSKIE);
        assertThat(content.contact().representatives()).singleElement()
                .satisfies(person -> assertThat(person.id()).isEqualTo("r1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"62045", "6-2045", "AB-123", "62-04", "62-0455"})
    void M1_postalCodesArePolish(String postalCode) {
        assertThat(errorsOf(declaration("+48 61 000 00 00", postalCode, "30", "2011-03-15", people())))
                .containsExactly("address.postalCode");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "01", "33", "3", "wielkopolskie"})
    void M1_voivodeshipsAreTerytCodes(String code) {
        assertThat(errorsOf(declaration("+48 61 000 00 00", "62-045", code, "2011-03-15", people())))
                .containsExactly("address.voivodeship");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "telefon", "+48 61", "1234567890123456789"})
    void M1_phonesHaveNineToFifteenDigits(String phone) {
        assertThat(errorsOf(declaration(phone, "62-045", "30", "2011-03-15", people()))).containsExactly("phone");
    }

    @Test
    void M1_theSignatureDateIsNotInTheFuture() {
        assertThat(errorsOf(declaration("+48 61 000 00 00", "62-045", "30", "2011-03-21", people())))
                .containsExactly("signedOn");
        assertThat(errorsOf(declaration("+48 61 000 00 00", "62-045", "30", "15.03.2011", people())))
                .containsExactly("signedOn");
    }

    @Test
    void M1_atLeastOneRepresentativeReachableByPhoneOrEmail() {
        assertThat(errorsOf(declaration("+48 61 000 00 00", "62-045", "30", "2011-03-15", List.of())))
                .containsExactly("representatives");
        assertThat(errorsOf(declaration("+48 61 000 00 00", "62-045", "30", "2011-03-15",
                List.of(new ContactInput.RepresentativeInput(null, "Anna Nowak", null, null)))))
                .containsExactly("representatives[0]");
    }

    @Test
    void anOrganisationIsItsNameAndTownWithoutCaseAccentsOrQuotes() {
        DeclarationContent a = validate(named("Centrum Integracji Społecznej „Przystań”", "Łódź"));
        DeclarationContent b = validate(named("centrum integracji  spolecznej przystan", "LODZ"));
        DeclarationContent c = validate(named("Centrum Integracji Społecznej „Przystań”", "Bytów"));

        assertThat(a.organisationKey()).isEqualTo(b.organisationKey()).isNotEqualTo(c.organisationKey());
    }

    private DeclarationInput named(String name, String town) {
        ContactInput.AddressInput address = new ContactInput.AddressInput("ul. Długa 1", "90-001", town, "10");
        return new DeclarationInput(name, "CIS", new ContactInput(address, "+48 42 000 00 00", "cis@example.pl",
                new ContactInput.InstitutionInput("Miasto", address, null, null), people()), "Jan Kowalski",
                "2011-03-15");
    }

    private static List<ContactInput.RepresentativeInput> people() {
        return List.of(new ContactInput.RepresentativeInput(null, "Anna Nowak", "+48 600 000 000", null));
    }

    private static DeclarationInput declaration(String phone, String postalCode, String voivodeship, String signedOn,
                                                List<ContactInput.RepresentativeInput> representatives) {
        ContactInput.AddressInput seat = new ContactInput.AddressInput("ul. Przykładowa 1", postalCode, "Pniewy",
                voivodeship);
        ContactInput.AddressInput founderSeat = new ContactInput.AddressInput("ul. Rynek 1", "62-045", "Pniewy", null);
        return new DeclarationInput("CIS w Pniewach", "CIS", new ContactInput(seat, phone, "cis@example.pl",
                new ContactInput.InstitutionInput("Gmina Pniewy", founderSeat, null, null), representatives),
                "Jan Kowalski", signedOn);
    }

    private DeclarationContent validate(DeclarationInput input) {
        FieldErrors errors = new FieldErrors();
        DeclarationContent content = input.validate(errors, TODAY, newIds);
        errors.throwIfAny();
        return content;
    }

    private List<String> errorsOf(DeclarationInput input) {
        try {
            validate(input);
        } catch (DomainException.InvalidInput e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
        throw new AssertionError("valid, but should not be");
    }

    @Test
    void controlCharactersAreRefusedInText() {
        assertThatThrownBy(() -> validate(named("CIS\u0000Pniewy", "Pniewy")))
                .isInstanceOf(DomainException.InvalidInput.class);
    }
}
