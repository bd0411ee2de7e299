package pl.konwent.domain.meetings;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import pl.konwent.domain.council.ApprovalCount;
import pl.konwent.domain.council.Election;
import pl.konwent.domain.council.TieDecision;
import pl.konwent.domain.council.ElectionService;
import pl.konwent.domain.shared.PolishTime;
import pl.konwent.domain.voting.Choice;
import pl.konwent.domain.voting.Majority;
import pl.konwent.domain.voting.ResolutionKind;
import pl.konwent.domain.voting.Tally;
import pl.konwent.domain.voting.Vote;
import pl.konwent.domain.voting.Authorisation;
import pl.konwent.domain.voting.Votes;
import pl.konwent.domain.voting.VotingService;

/**
 * The minutes as text in Polish: a title and sections of paragraphs, the same for the PDF and for the archived
 * document's body. A new kind of recorded fact (proxies, the rules a vote was opened under) is one more section
 * or line here; the renderer only lays text out.
 */
public record MinutesText(String title, String subject, List<Section> sections) {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d.MM.yyyy HH:mm", Locale.ROOT)
            .withZone(PolishTime.ZONE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
            .withZone(PolishTime.ZONE);

    public MinutesText {
        sections = List.copyOf(sections);
    }

    /** A heading and its paragraphs, each a line of its own that the renderer wraps. */
    public record Section(String heading, List<String> paragraphs) {
        public Section {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    public static MinutesText of(Minutes minutes) {
        Meeting meeting = minutes.meeting();
        List<Section> sections = new ArrayList<>();
        sections.add(meetingSection(minutes));
        sections.add(attendanceSection(minutes));
        sections.add(new Section("Głosowania", votes(minutes.votes())));
        sections.add(new Section("Wybory do Rady Programowej", elections(minutes.elections())));
        sections.add(new Section("Przyjęte uchwały", adopted(minutes.adopted())));
        sections.add(new Section("Sporządzenie", List.of("Protokół sporządzono " + at(minutes.drawnUpAt())
                + " (czas polski) na podstawie danych zapisanych w systemie Konwent.")));
        return new MinutesText("Protokół posiedzenia: " + meeting.details().title(),
                minutes.konwent().name() + ", " + at(meeting.details().startsAt()), sections);
    }

    /** The whole text, headings underlined by a blank line: the archived document's body. */
    public String plain() {
        StringBuilder text = new StringBuilder(title).append('\n').append(subject).append('\n');
        for (Section section : sections) {
            text.append('\n').append(section.heading()).append('\n');
            section.paragraphs().forEach(p -> text.append(p).append('\n'));
        }
        return text.toString();
    }

    private static Section meetingSection(Minutes minutes) {
        Meeting.Details d = minutes.meeting().details();
        List<String> lines = new ArrayList<>();
        lines.add("Konwent: " + minutes.konwent().name());
        lines.add("Termin: " + at(d.startsAt()) + "–" + TIME.format(d.endsAt()) + " (czas polski)");
        lines.add("Miejsce: " + d.venue().name() + (d.venue().address() == null || d.venue().address().isBlank() ? ""
                : ", " + d.venue().address()));
        lines.add(d.onlineUrl() == null ? "Transmisja online: nie było" : "Transmisja online: " + d.onlineUrl());
        if (d.scope() != null && !d.scope().isBlank()) {
            lines.add("Zakres tematyczny: " + d.scope());
        }
        for (int i = 0; i < d.agenda().size(); i++) {
            Meeting.AgendaItem item = d.agenda().get(i);
            lines.add((i == 0 ? "Porządek obrad: " : "") + (i + 1) + ". " + item.title()
                    + (item.description() == null || item.description().isBlank() ? "" : " – " + item.description()));
        }
        return new Section("Posiedzenie", lines);
    }

    private static Section attendanceSection(Minutes minutes) {
        Attendance attendance = minutes.attendance();
        List<String> lines = new ArrayList<>();
        if (minutes.meeting().attendance() == null) {
            lines.add("Obecności nie zapisano.");
            return new Section("Obecność", lines);
        }
        lines.add("Obecnych członków: " + attendance.present().size() + " z " + attendance.members()
                + ". Kworum posiedzenia (V2, " + fraction(attendance.quorum().fraction()) + " członków): wymagane "
                + attendance.required() + ", " + (attendance.quorumReached() ? "osiągnięte." : "nieosiągnięte."));
        int i = 1;
        for (Minutes.Delegation d : minutes.delegations()) {
            lines.add(i++ + ". " + d.memberName() + " – " + (d.mode() == Presence.Mode.IN_PERSON ? "na miejscu"
                    : "online") + "; " + (d.persons() == 0 ? "delegacji nie zgłoszono"
                    : "delegacja: " + d.persons() + " os. (na miejscu " + d.inPerson() + ", online "
                    + (d.persons() - d.inPerson()) + ")"));
        }
        return new Section("Obecność", lines);
    }

    private static List<String> votes(List<VotingService.Result> results) {
        if (results.isEmpty()) {
            return List.of("Na posiedzeniu nie przeprowadzono głosowań.");
        }
        List<String> lines = new ArrayList<>();
        int i = 1;
        for (VotingService.Result r : results) {
            Vote vote = r.vote();
            Tally tally = r.tally();
            lines.add(i++ + ". " + vote.question().title() + " (" + kind(vote.question().kind()) + ", głosowanie "
                    + (vote.question().secret() ? "tajne" : "jawne") + ")");
            lines.add("Pytanie: " + vote.question().text());
            lines.add("Zasady: większość " + majority(r.majority()) + ", kworum " + fraction(r.quorum().fraction())
                    + "; uprawnionych " + vote.electorate() + (vote.present() == null ? ""
                    : ", obecnych przy zamknięciu " + vote.present()) + ".");
            lines.add("Wynik: za " + tally.forVotes() + ", przeciw " + tally.against() + ", wstrzymało się "
                    + tally.abstain() + " (oddano " + tally.cast() + "). Kworum "
                    + (tally.quorumReached(r.quorum()) ? "osiągnięte" : "nieosiągnięte") + "; uchwała "
                    + (tally.adopted(r.majority(), r.quorum()) ? "PRZYJĘTA." : "NIEPRZYJĘTA."));
            if (vote.question().secret()) {
                lines.add("Głosowanie tajne: podaje się wyłącznie liczby głosów (V3).");
            } else if (!r.named().isEmpty()) {
                lines.add("Głosy imienne: " + r.named().stream().map(b -> b.memberName() + " – " + choice(b.choice())
                        + castUnder(b.castUnder())).collect(Collectors.joining("; ")) + ".");
            }
        }
        return lines;
    }

    private static List<String> elections(List<ElectionService.Result> results) {
        if (results.isEmpty()) {
            return List.of("W czasie posiedzenia nie zamknięto wyborów.");
        }
        List<String> lines = new ArrayList<>();
        for (ElectionService.Result r : results) {
            Election e = r.election();
            lines.add("Wybory na rok " + e.year() + (e.round() > 1 ? ", dogrywka (tura " + e.round() + ")" : "")
                    + ": mandatów " + e.seats() + ", uprawnionych " + e.electorate() + ", oddano kart " + r.turnout()
                    + ". " + tie(e, r.decision()));
            if (r.count() != null) {
                for (ApprovalCount.Ranked ranked : r.count().ranking()) {
                    lines.add(ranked.rank() + ". " + ranked.candidate().personName() + " ("
                            + ranked.candidate().memberName() + ") – głosów " + ranked.approvals() + ", "
                            + standing(ranked.standing()));
                }
            }
        }
        return lines;
    }

    /** V4: who cast a member's ballot for it, in open votes only (the caller never passes a secret vote's). */
    private static String castUnder(Votes.CastUnder castUnder) {
        if (castUnder == null) {
            return "";
        }
        return castUnder.kind() == Authorisation.Kind.SUBSTITUTE ? " (głos oddał zastępca z delegacji członka)"
                : " (głos oddał pełnomocnik: przedstawiciel " + castUnder.holderMemberName() + ")";
    }

    /** C6: how a tie at the last seat went, by the rule fixed when the election opened. */
    private static String tie(Election e, TieDecision decision) {
        if (decision != null) {
            return "Remis o ostatni mandat rozstrzygnięty " + switch (decision.rule()) {
                case SENIORITY -> "według starszeństwa członkostwa (C6).";
                case LOT -> "losowaniem (C6); zobowiązanie " + decision.commitment() + ", ujawnione ziarno "
                        + decision.seed() + ".";
                case RUN_OFF -> "dogrywką (C6).";
            };
        }
        return e.outcome() == Election.Outcome.TIE_AT_LAST_SEAT ? "Remis o ostatni mandat: rozstrzyga dogrywka (C6)."
                : "Wszystkie mandaty obsadzone.";
    }

    private static List<String> adopted(List<VotingService.Result> adopted) {
        if (adopted.isEmpty()) {
            return List.of("Na posiedzeniu nie przyjęto uchwał.");
        }
        List<String> lines = new ArrayList<>();
        int i = 1;
        for (VotingService.Result r : adopted) {
            lines.add(i++ + ". " + r.vote().question().title() + " (" + kind(r.vote().question().kind()) + ")");
        }
        return lines;
    }

    private static String at(Instant instant) {
        return DATE_TIME.format(instant);
    }

    private static String fraction(BigDecimal fraction) {
        return fraction.toPlainString().replace('.', ',');
    }

    static String kind(ResolutionKind kind) {
        return switch (kind) {
            case POSITION -> "stanowisko";
            case MOTION -> "wniosek";
            case POSTULATE -> "postulat";
            case WORK_PLAN -> "plan pracy";
            case OTHER -> "inna uchwała";
        };
    }

    static String majority(Majority majority) {
        return switch (majority) {
            case SIMPLE -> "zwykła";
            case ABSOLUTE -> "bezwzględna";
            case TWO_THIRDS -> "2/3 głosów";
        };
    }

    private static String choice(Choice choice) {
        return switch (choice) {
            case FOR -> "za";
            case AGAINST -> "przeciw";
            case ABSTAIN -> "wstrzymał się";
        };
    }

    private static String standing(ApprovalCount.Standing standing) {
        return switch (standing) {
            case ELECTED -> "wybrany";
            case TIED -> "remis";
            case NOT_ELECTED -> "niewybrany";
        };
    }
}
