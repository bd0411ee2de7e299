package pl.konwent.app.testing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pl.konwent.domain.shared.PolishTime;

/** Test fixtures: a konwent's programme council, made through the API the way the department makes the first one. */
public final class Councils {
    /** The members holding seats and clients logged in as their REPRESENTATIVEs, who hold COUNCIL in office. */
    public record Council(List<String> memberIds, List<Api> representatives) {
        public Api any() {
            return representatives.get(0);
        }
    }

    private Councils() {
    }

    /**
     * The current year in Poland on the server's clock: a council appointed for it is in office now (C5: a yearly
     * term of a past year has lapsed).
     */
    public static int thisYear(Clock serverClock) {
        return PolishTime.year(serverClock);
    }

    /** The same for a server that keeps the real time. */
    public static int thisYear() {
        return thisYear(Clock.systemUTC());
    }

    /**
     * Accepts five members (CIS and KIS in turn) as {@code department}, gives each a REPRESENTATIVE account named
     * {@code prefix-rep-N}, and has the department appoint them the council of {@code year}.
     */
    public static Council appoint(Api admin, Api anonymous, Api department, String konwentId, String prefix,
                                  int year) {
        List<String> members = new ArrayList<>();
        List<Api> representatives = new ArrayList<>();
        List<Map<String, Object>> seats = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String kind = i % 2 == 0 ? "CIS" : "KIS";
            String member = Declarations.acceptedMember(anonymous, department, konwentId,
                    kind + " " + prefix + " " + (i + 1), kind);
            members.add(member);
            representatives.add(Accounts.withRole(admin, anonymous, prefix + "-rep-" + (i + 1), konwentId,
                    "REPRESENTATIVE", member));
            Map<String, Object> seat = new LinkedHashMap<>();
            seat.put("memberId", member);
            seat.put("holderName", "Osoba " + (i + 1));
            seats.add(seat);
        }
        department.post("/api/v1/konwents/" + konwentId + "/council-terms", Map.of("year", year, "seats", seats,
                "consultantName", "Departament Pożytku Publicznego")).expect(201);
        return new Council(members, representatives);
    }
}
