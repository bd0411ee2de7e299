package pl.konwent.adapters.web.meetings;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import pl.konwent.adapters.web.voting.VoteViews;
import pl.konwent.domain.meetings.CommuniqueService;
import pl.konwent.domain.meetings.Communique;
import pl.konwent.domain.meetings.Competition;
import pl.konwent.domain.meetings.CompetitionApplication;
import pl.konwent.domain.meetings.CompetitionService;
import pl.konwent.domain.meetings.WorkPlan;
import pl.konwent.domain.meetings.WorkPlanService;
import pl.konwent.domain.voting.Tally;
import pl.konwent.domain.voting.VotingService;

/** The organiser competition, work plans and communiqués as the API shows and takes them. */
public final class OrganiserViews {
    private OrganiserViews() {
    }

    public record CompetitionRequest(Integer year, String title, String description, BigDecimal grantAmount,
                                     String deadline) {
        CompetitionService.Announcement toInput() {
            return new CompetitionService.Announcement(year, title, description, grantAmount, deadline);
        }
    }

    /** The award as the public sees it: the winner, not the accounts that act for it. */
    public record AwardView(String applicationId, String institutionName, String reason, Instant awardedAt) {
    }

    public record CompetitionView(String id, String konwentId, int year, String title, String description,
                                  BigDecimal grantAmount, String currency, Instant deadline, String state,
                                  boolean acceptsApplications, AwardView award, Instant createdAt) {
        static CompetitionView of(Competition c, Instant now) {
            Competition.Award a = c.award();
            return new CompetitionView(c.id(), c.konwent().value(), c.year(), c.title(), c.description(),
                    c.grantAmount(), "PLN", c.deadline(), c.state().name(), c.acceptsApplications(now),
                    a == null ? null : new AwardView(a.applicationId(), a.institutionName(), a.reason(),
                            a.awardedAt()),
                    c.createdAt());
        }
    }

    public record UnitView(String kind, String name) {
    }

    public record ContactView(String name, String email, String phone) {
    }

    public record ApplicationRequest(String institutionName, List<UnitView> runs, String memberId, String offer,
                                     ContactView contact) {
        CompetitionService.ApplicationInput toInput() {
            return new CompetitionService.ApplicationInput(institutionName,
                    runs == null ? null : runs.stream().map(u -> u == null ? null
                            : new CompetitionService.UnitInput(u.kind(), u.name())).toList(),
                    memberId, offer,
                    contact == null ? null : new CompetitionService.ContactInput(contact.name(), contact.email(),
                            contact.phone()));
        }
    }

    public record ApplicationView(String id, String competitionId, String institutionName, List<UnitView> runs,
                                  String memberId, String offer, ContactView contact, String applicantAccountId,
                                  Instant submittedAt) {
        static ApplicationView of(CompetitionApplication a) {
            return new ApplicationView(a.id(), a.competitionId(), a.institutionName(),
                    a.runs().stream().map(u -> new UnitView(u.kind().name(), u.name())).toList(), a.memberId(),
                    a.offer(), new ContactView(a.contact().name(), a.contact().email(), a.contact().phone()),
                    a.applicantAccountId(), a.submittedAt());
        }
    }

    /** What the sender of an application gets back: its id and when it came, not the data it sent. */
    public record ApplicationReceipt(String id, String competitionId, Instant submittedAt) {
    }

    public record AwardRequest(String applicationId, List<String> accountIds, String reason) {
    }

    public record ThemeView(String title, String description) {
    }

    public record PlannedMeetingView(String plannedOn, String title, String place) {
    }

    public record WorkPlanRequest(List<ThemeView> themes, List<PlannedMeetingView> schedule, String notes) {
        WorkPlanService.PlanInput toInput() {
            return new WorkPlanService.PlanInput(
                    themes == null ? null : themes.stream().map(t -> t == null ? null
                            : new WorkPlanService.ThemeInput(t.title(), t.description())).toList(),
                    schedule == null ? null : schedule.stream().map(m -> m == null ? null
                            : new WorkPlanService.PlannedMeetingInput(m.plannedOn(), m.title(), m.place())).toList(),
                    notes);
        }
    }

    public record WorkPlanVoteRequest(String meetingId, Boolean secret, String majority, BigDecimal quorum) {
        WorkPlanService.VoteOptions toInput() {
            return new WorkPlanService.VoteOptions(meetingId, secret, majority, quorum);
        }
    }

    public record WorkPlanView(String konwentId, int year, String state, List<ThemeView> themes,
                               List<PlannedMeetingView> schedule, String notes, String voteId, Instant proposedAt,
                               Instant updatedAt, Instant adoptedAt) {
        static WorkPlanView of(WorkPlanService.View view) {
            WorkPlan p = view.plan();
            return new WorkPlanView(p.konwent().value(), p.year(), view.state().name(),
                    p.themes().stream().map(t -> new ThemeView(t.title(), t.description())).toList(),
                    p.schedule().stream().map(m -> new PlannedMeetingView(date(m.plannedOn()), m.title(), m.place()))
                            .toList(),
                    p.notes(), p.voteId(), p.proposedAt(), p.updatedAt(), view.adoptedAt());
        }
    }

    private static String date(LocalDate date) {
        return date.toString();
    }

    public record CommuniqueRequest(String title, String text) {
    }

    /** A resolution adopted at the meeting, with its result. */
    public record ResolutionView(String voteId, String title, String kind, Map<String, Long> counts,
                                 Integer present, Instant closedAt) {
        static ResolutionView of(VotingService.Result r) {
            Tally t = r.tally();
            return new ResolutionView(r.vote().id(), r.vote().question().title(), r.vote().question().kind().name(),
                    VoteViews.countsOf(t), t.present(),
                    r.vote().closedAt());
        }
    }

    public record CommuniqueView(String meetingId, String konwentId, String state, String title, String text,
                                 Instant writtenAt, Instant updatedAt, Instant sentToDepartmentAt, int sentTo,
                                 Instant publishedAt, List<ResolutionView> resolutions) {
        static CommuniqueView of(CommuniqueService.View view) {
            Communique c = view.communique();
            return new CommuniqueView(c.meetingId(), c.konwent().value(), c.state().name(), c.title(), c.text(),
                    c.writtenAt(), c.updatedAt(), c.sentAt(), c.sentTo(), c.publishedAt(),
                    view.resolutions().stream().map(ResolutionView::of).toList());
        }
    }
}
