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

    /** Creates an account holding {@code role} in {@code konwentId} and returns a client logged in as it. */
    public static Api withRole(Api admin, Api anonymous, String username, String konwentId, String role,
                               String memberId) {
        String id = create(admin, username);
        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("konwentId", konwentId);
        grant.put("role", role);
        if (memberId != null) {
            grant.put("memberId", memberId);
        }
        admin.post("/api/v1/accounts/" + id + "/roles", grant).expect(201);
        return anonymous.as(username, PASSWORD);
    }
}
