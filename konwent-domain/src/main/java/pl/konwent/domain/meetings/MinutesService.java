package pl.konwent.domain.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import pl.konwent.domain.access.Access;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.access.Role;
import pl.konwent.domain.council.ElectionService;
import pl.konwent.domain.documents.Archive;
import pl.konwent.domain.documents.Document;
import pl.konwent.domain.documents.DocumentKind;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentService;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.shared.PolishTime;
import pl.konwent.domain.voting.VotingService;

/**
 * O2, D1: a held meeting's minutes (protokół), drawn up from its recorded data by its secretariat or the council
 * (or ADMIN), rendered as PDF/A and archived as the meeting's public MINUTES document. Drawing them up again (a
 * vote closed later, attendance corrected) is a new version of the same document with one more PDF: the earlier
 * editions stay in the archive. The results of the meeting's votes and elections are public as they are.
 */
public final class MinutesService {
    /** The results of a meeting: its closed votes and the elections closed while it sat. */
    public record Results(Meeting meeting, List<VotingService.Result> votes, List<ElectionService.Result> elections) {
    }

    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss",
            Locale.ROOT).withZone(PolishTime.ZONE);

    private final MeetingService meetings;
    private final Registrations registrations;
    private final VotingService voting;
    private final ElectionService elections;
    private final KonwentService konwents;
    private final Archive archive;
    private final MinutesRenderer renderer;
    private final Clock clock;

    public MinutesService(MeetingService meetings, Registrations registrations, VotingService voting,
                          ElectionService elections, KonwentService konwents, Archive archive,
                          MinutesRenderer renderer, Clock clock) {
        this.meetings = meetings;
        this.registrations = registrations;
        this.voting = voting;
        this.elections = elections;
        this.konwents = konwents;
        this.archive = archive;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** Draws the minutes up and archives them: the first edition creates the document, a later one revises it. */
    public Archive.Edition drawUp(Optional<Caller> caller, String konwentId, String meetingId) {
        Access.authenticated(caller);
        Konwent konwent = konwents.get(konwentId);
        Access.requireRole(caller, konwent.id(), Role.SECRETARIAT, Role.COUNCIL);
        Meeting meeting = meetings.find(konwent, meetingId);
        if (meeting.state() != Meeting.State.HELD) {
            throw new DomainException.Conflict("Meeting '" + meetingId + "' is " + meeting.state()
                    + "; minutes are drawn up after the meeting is held");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Results results = results(konwent, meeting);
        Attendance attendance = meetings.attendance(konwentId, meetingId);
        Minutes minutes = new Minutes(konwent, meeting, attendance, delegations(attendance, meeting), results.votes(),
                results.elections(), now);
        MinutesText text = MinutesText.of(minutes);
        byte[] pdf = renderer.render(text);
        return archive.archiveEdition(konwent.id(), new Archive.Entry(text.title(), DocumentKind.MINUTES,
                        meeting.details().startsAt().atZone(PolishTime.ZONE).toLocalDate(), text.plain(),
                        new Document.Source(Document.Source.Type.MINUTES, meeting.id())),
                "protokol-" + FILE_STAMP.format(now) + ".pdf", pdf);
    }

    /** The meeting's minutes as archived, newest edition last among its files; 404 before they are drawn up. */
    public Document get(String konwentId, String meetingId) {
        Konwent konwent = konwents.get(konwentId);
        Meeting meeting = meetings.find(konwent, meetingId);
        return archive.findPublic(konwent.id(), new Document.Source(Document.Source.Type.MINUTES, meeting.id()))
                .orElseThrow(() -> new DomainException.NotFound("The minutes of meeting '" + meetingId
                        + "' have not been drawn up"));
    }

    /** Public: the closed votes of the meeting and the elections closed from its start to its end. */
    public Results results(String konwentId, String meetingId) {
        Konwent konwent = konwents.get(konwentId);
        return results(konwent, meetings.find(konwent, meetingId));
    }

    /**
     * Elections are not held "at" a meeting in the data, so a meeting reports those closed while it sat: from its
     * start to its end, or to when it was marked held if that was later.
     */
    private Results results(Konwent konwent, Meeting meeting) {
        Instant until = meeting.heldAt() != null && meeting.heldAt().isAfter(meeting.details().endsAt())
                ? meeting.heldAt() : meeting.details().endsAt();
        return new Results(meeting, voting.closedAtMeeting(konwent, meeting.id()),
                elections.closedBetween(konwent, meeting.details().startsAt(), until));
    }

    /** Each member present with the size of the delegation it registered (O3), by the attendance's order. */
    private List<Minutes.Delegation> delegations(Attendance attendance, Meeting meeting) {
        Map<String, Registration> byMember = new HashMap<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (page != null) {
            Page<Registration> read = registrations.list(meeting.id(), page);
            read.items().forEach(r -> byMember.put(r.memberId(), r));
            page = read.nextAfter() == null ? null : new PageRequest(PageRequest.MAX_LIMIT, read.nextAfter());
        }
        return attendance.present().stream().map(p -> {
            Registration r = byMember.get(p.memberId());
            Meeting.Registered counted = r == null ? Meeting.Registered.NONE : r.counted();
            return new Minutes.Delegation(p.memberId(), p.memberName(), p.mode(), counted.persons(),
                    counted.inPerson());
        }).toList();
    }
}
