package pl.konwent.app.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test fixtures: declarations as the template of seed 003 §V has them. */
public final class Declarations {
    private Declarations() {
    }

    /** A complete, valid declaration of a CIS in Pniewy (wielkopolskie) named {@code name}. */
    public static Map<String, Object> of(String name) {
        Map<String, Object> declaration = new LinkedHashMap<>();
        declaration.put("memberName", name);
        declaration.put("kind", "CIS");
        declaration.put("address", Map.of("street", "ul. Przykładowa 1", "postalCode", "62-045", "town", "Pniewy",
                "voivodeship", "30"));
        declaration.put("phone", "+48 61 000 00 00");
        declaration.put("email", "cis@example.pl");
        declaration.put("foundingInstitution", Map.of("name", "Gmina Pniewy", "address",
                Map.of("street", "ul. Rynek 1", "postalCode", "62-045", "town", "Pniewy"),
                "phone", "+48 61 111 11 11", "email", "gmina@example.pl"));
        declaration.put("representatives", List.of(Map.of("name", "Anna Nowak", "phone", "+48 600 000 000",
                "email", "anna@example.pl")));
        declaration.put("signedBy", "Jan Kowalski");
        declaration.put("signedOn", "2011-03-15");
        return declaration;
    }

    /** Submits a declaration as {@code submitter} and accepts it as {@code decider}; returns the member id. */
    public static String acceptedMember(Api submitter, Api decider, String konwentId, String name) {
        return acceptedMember(submitter, decider, konwentId, name, "CIS");
    }

    /** The same for a member that names the person of {@code representativeEmail} its representative (A2). */
    public static String acceptedMemberNaming(Api submitter, Api decider, String konwentId, String name,
                                              String representativeEmail) {
        Map<String, Object> declaration = of(name);
        declaration.put("representatives", List.of(Map.of("name", "Osoba wskazana", "phone", "+48 600 000 001",
                "email", representativeEmail)));
        String id = submitter.post("/api/v1/konwents/" + konwentId + "/declarations", declaration)
                .expect(201).json().path("id").asText();
        return decider.post("/api/v1/konwents/" + konwentId + "/declarations/" + id + "/decision",
                Map.of("outcome", "ACCEPTED", "reason", "Spełnia warunki")).expect(200).json().path("memberId").asText();
    }

    /** The same for a member of {@code kind} (CIS, KIS or REGIONAL_KONWENT). */
    public static String acceptedMember(Api submitter, Api decider, String konwentId, String name, String kind) {
        Map<String, Object> declaration0 = of(name);
        declaration0.put("kind", kind);
        String declaration = submitter.post("/api/v1/konwents/" + konwentId + "/declarations", declaration0)
                .expect(201).json().path("id").asText();
        return decider.post("/api/v1/konwents/" + konwentId + "/declarations/" + declaration + "/decision",
                Map.of("outcome", "ACCEPTED", "reason", "Spełnia warunki")).expect(200).json().path("memberId").asText();
    }
}
