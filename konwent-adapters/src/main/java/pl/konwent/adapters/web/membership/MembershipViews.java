package pl.konwent.adapters.web.membership;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import pl.konwent.domain.membership.Address;
import pl.konwent.domain.membership.Contact;
import pl.konwent.domain.membership.ContactInput;
import pl.konwent.domain.membership.Declaration;
import pl.konwent.domain.membership.DeclarationInput;
import pl.konwent.domain.membership.Delegations;
import pl.konwent.domain.membership.FoundingInstitution;
import pl.konwent.domain.membership.Member;
import pl.konwent.domain.membership.MembershipService;
import pl.konwent.domain.membership.Representative;

/** Declarations and members as the API shows and takes them. Personal data appears only in full views. */
public final class MembershipViews {
    private MembershipViews() {
    }

    public record AddressView(String street, String postalCode, String town, String voivodeship) {
        static AddressView of(Address a) {
            return a == null ? null : new AddressView(a.street(), a.postalCode(), a.town(),
                    a.voivodeship() == null ? null : a.voivodeship().teryt());
        }

        ContactInput.AddressInput toInput() {
            return new ContactInput.AddressInput(street, postalCode, town, voivodeship);
        }
    }

    public record InstitutionView(String name, AddressView address, String phone, String email) {
        static InstitutionView of(FoundingInstitution f) {
            return new InstitutionView(f.name(), AddressView.of(f.address()), f.phone(), f.email());
        }

        ContactInput.InstitutionInput toInput() {
            return new ContactInput.InstitutionInput(name, address == null ? null : address.toInput(), phone, email);
        }
    }

    public record PublicInstitutionView(String name) {
    }

    public record RepresentativeView(String id, String name, String phone, String email) {
        static RepresentativeView of(Representative r) {
            return new RepresentativeView(r.id(), r.name(), r.phone(), r.email());
        }

        ContactInput.RepresentativeInput toInput() {
            return new ContactInput.RepresentativeInput(id, name, phone, email);
        }
    }

    /** The body of POST …/declarations: the template of seed 003 §V. */
    public record DeclarationRequest(String memberName, String kind, AddressView address, String phone, String email,
                                     InstitutionView foundingInstitution, List<RepresentativeView> representatives,
                                     String signedBy, String signedOn) {
        DeclarationInput toInput() {
            return new DeclarationInput(memberName, kind, contact(address, phone, email, foundingInstitution,
                    representatives), signedBy, signedOn);
        }
    }

    /** The body of PUT …/members/{id}: the contact part a representative keeps up to date. */
    public record ContactRequest(AddressView address, String phone, String email, InstitutionView foundingInstitution,
                                 List<RepresentativeView> representatives) {
        ContactInput toInput() {
            return contact(address, phone, email, foundingInstitution, representatives);
        }
    }

    public record DecisionRequest(String outcome, String reason) {
    }

    public record WithdrawalRequest(String reason) {
    }

    public record DecisionView(String outcome, String reason, String decidedBy, Instant decidedAt) {
    }

    public record DeclarationView(String id, String konwentId, String state, String memberName, String kind,
                                  AddressView address, String phone, String email, InstitutionView foundingInstitution,
                                  List<RepresentativeView> representatives, String signedBy, LocalDate signedOn,
                                  Instant submittedAt, DecisionView decision, String memberId) {
        static DeclarationView of(Declaration d) {
            Contact c = d.content().contact();
            Declaration.Decision made = d.decision();
            return new DeclarationView(d.id(), d.konwent().value(), d.state().name(), d.content().memberName(),
                    d.content().kind().name(), AddressView.of(c.address()), c.phone(), c.email(),
                    InstitutionView.of(c.foundingInstitution()),
                    c.representatives().stream().map(RepresentativeView::of).toList(), d.content().signedBy(),
                    d.content().signedOn(), d.submittedAt(), made == null ? null : new DecisionView(
                            made.outcome().name(), made.reason(), made.decidedByName(), made.decidedAt()),
                    d.memberId());
        }
    }

    /**
     * A member of the register. {@code view} says which: PUBLIC leaves out every personal field (phone, e-mail,
     * representatives, the founder's contacts); FULL has them.
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record MemberView(String id, String konwentId, String view, String name, String kind, String status,
                             AddressView address, Object foundingInstitution, String phone, String email,
                             List<RepresentativeView> representatives, Instant joinedAt, Instant withdrawnAt,
                             String withdrawalReason) {
        static MemberView of(MembershipService.MemberRead read) {
            return read.view() == MembershipService.View.FULL ? full(read.member()) : publicView(read.member());
        }

        static MemberView full(Member m) {
            Contact c = m.contact();
            return new MemberView(m.id(), m.konwent().value(), "FULL", m.name(), m.kind().name(), m.status().name(),
                    AddressView.of(c.address()), InstitutionView.of(c.foundingInstitution()), c.phone(), c.email(),
                    c.representatives().stream().map(RepresentativeView::of).toList(), m.joinedAt(), m.withdrawnAt(),
                    m.withdrawalReason());
        }

        static MemberView publicView(Member m) {
            Contact c = m.contact();
            return new MemberView(m.id(), m.konwent().value(), "PUBLIC", m.name(), m.kind().name(), m.status().name(),
                    AddressView.of(c.address()), new PublicInstitutionView(c.foundingInstitution().name()), null, null,
                    null, m.joinedAt(), m.withdrawnAt(), m.withdrawalReason());
        }
    }

    public record PersonalDataView(MemberView member, List<DeclarationView> declarations,
                                   List<DelegationView> delegations) {
        static PersonalDataView of(MembershipService.PersonalData data) {
            return new PersonalDataView(MemberView.full(data.member()),
                    data.declarations().stream().map(DeclarationView::of).toList(),
                    data.delegations().stream().map(DelegationView::of).toList());
        }
    }

    /** A member's delegation to a meeting, as its personal-data export shows it: the persons it sent. */
    public record DelegationView(String meetingId, List<DelegateView> persons, Instant registeredAt) {
        static DelegationView of(Delegations.Delegation delegation) {
            return new DelegationView(delegation.meetingId(), delegation.persons().stream()
                    .map(p -> new DelegateView(p.name(), p.participation())).toList(), delegation.registeredAt());
        }
    }

    public record DelegateView(String name, String participation) {
    }

    private static ContactInput contact(AddressView address, String phone, String email, InstitutionView founder,
                                        List<RepresentativeView> representatives) {
        return new ContactInput(address == null ? null : address.toInput(), phone, email,
                founder == null ? null : founder.toInput(),
                representatives == null ? null : representatives.stream()
                        .map(r -> r == null ? null : r.toInput()).toList());
    }
}
