package pl.konwent.app.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** Test fixtures: accounts with a role, made through the API itself. */
public final class Accounts {
    public static final String PASSWORD = "haslo-konta-testowego";

    private Accounts() {
    }

    /** Creates an account (as {@code admin}) and returns its id. */
    public static String create(Api admin, String username) {
        return admin.post("/api/v1/accounts", Map.of("username", username, "password", PASSWORD,
                "displayName", "Konto " + username, "email", username + "@example.pl")).expect(201)
                .json().path("id").asText();
    }

    /**
     * Creates an account holding {@code role} in {@code konwentId} and returns a client logged in as it. A
     * REPRESENTATIVE is granted by the ADMIN with a reason (A2: the fixture's account is not one the member named);
     * SECRETARIAT needs a konwent whose charter has no organiser competition (A3).
     */
    public static Api withRole(Api admin, Api anonymous, String username, String konwentId, String role,
                               String memberId) {
        String id = create(admin, username);
        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("konwentId", konwentId);
        grant.put("role", role);
        if (memberId != null) {
            grant.put("memberId", memberId);
            grant.put("reason", "test fixture");
        }
        admin.post("/api/v1/accounts/" + id + "/roles", grant).expect(201);
        return anonymous.as(username, PASSWORD);
    }

    /**
     * One account made the REPRESENTATIVE of each of {@code memberIds} (by the ADMIN with a reason, A2), logged in
     * with a token: the voice of many members in load tests, since V6 keeps the ADMIN from casting their ballots.
     */
    public static Api representing(Api admin, Api anonymous, String username, String konwentId,
                                   java.util.List<String> memberIds) {
        return anonymous.withToken(representingToken(admin, anonymous, username, konwentId, memberIds));
    }

    /** The same, giving the token, for use at several instances. */
    public static String representingToken(Api admin, Api anonymous, String username, String konwentId,
                                           java.util.List<String> memberIds) {
        String id = create(admin, username);
        for (String member : memberIds) {
            admin.post("/api/v1/accounts/" + id + "/roles", Map.of("konwentId", konwentId, "role", "REPRESENTATIVE",
                    "memberId", member, "reason", "test fixture: the voice of many members")).expect(201);
        }
        return anonymous.post("/api/v1/tokens", Map.of("username", username, "password", PASSWORD)).expect(201)
                .json().path("token").asText();
    }
}
