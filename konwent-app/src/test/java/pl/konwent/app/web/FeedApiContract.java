package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Accounts;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.Councils;
import pl.konwent.app.testing.Declarations;

/**
 * D2 over HTTP, on each engine: the feeds a regional portal polls (Atom 1.0 checked against RFC 4287's rules,
 * JSON Feed 1.1), their conditional polls, the forum's feed of its member konwents, and cross-origin reads.
 */
abstract class FeedApiContract {
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    abstract DropwizardAppExtension<KonwentConfiguration> app();

    private Api anonymous;
    private Api admin;
    private Api department;
    private Api councilMember;
    private String konwent;

    @BeforeEach
    void aKonwentWithACouncilAndAMeeting() {
        anonymous = new Api(app().getLocalPort());
        admin = anonymous.asAdmin();
        konwent = newKonwent("Konwent Dolnośląski");
        department = Accounts.withRole(admin, anonymous, konwent + "-dep", konwent, "DEPARTMENT", null);
        councilMember = Councils.appoint(admin, anonymous, department, konwent, konwent, Councils.thisYear()).any();
        String meeting = admin.post(path(konwent, "/meetings"), Map.of("title", "Posiedzenie wiosenne <&> „Łódź”",
                "startsAt", "2031-03-10T10:00:00+01:00", "endsAt", "2031-03-10T14:00:00+01:00",
                "venue", Map.of("name", "Sala"), "scope", "Ekonomia społeczna", "delegationLimit", 2)).expect(201)
                .json().path("id").asText();
        admin.post(path(konwent, "/meetings/" + meeting + "/invitation"), null).expect(200);
    }

    @Test
    void theAtomFeedIsValidAtomWithTheKonwentsPublicFactsNewestFirstAndNoPersonalData() throws Exception {
        Api.Reply reply = anonymous.get(path(konwent, "/feed.atom")).expect(200);

        assertThat(reply.header("Content-Type")).startsWith("application/atom+xml");
        Element feed = parse(reply.body());
        assertValidAtom(feed);
        List<Element> entries = children(feed, "entry");
        assertThat(entries).hasSize(7);
        assertThat(entries.stream().map(e -> category(e, "https://konwent-api/feed-kind")))
                .containsOnly("MEETING", "COUNCIL", "MEMBER").contains("MEETING", "COUNCIL", "MEMBER");
        List<OffsetDateTime> updated = entries.stream().map(e -> OffsetDateTime.parse(text(e, "updated"))).toList();
        assertThat(updated).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(entries.stream().map(e -> text(e, "title"))).anyMatch(t -> t.contains("„Łódź”") && t.contains("<&>"));
        assertThat(reply.body()).doesNotContain("anna@example.pl").doesNotContain("+48 600");
        assertThat(text(feed, "title")).isEqualTo("Konwent Dolnośląski");
    }

    @Test
    void anUnchangedFeedIsNotSentAgainAndAChangeIsSeenAtOnce() {
        Api.Reply first = anonymous.get(path(konwent, "/feed.atom")).expect(200);
        String etag = first.header("ETag");
        assertThat(first.header("Last-Modified")).isNotBlank();

        anonymous.get(path(konwent, "/feed.atom"), "If-None-Match", etag).expect(304);
        anonymous.get(path(konwent, "/feed.atom"), "If-Modified-Since", first.header("Last-Modified")).expect(304);
        assertThat(anonymous.get(path(konwent, "/feed.json")).expect(200).header("ETag")).isNotEqualTo(etag);

        Declarations.acceptedMember(anonymous, councilMember, konwent, "KIS Nowy", "KIS");
        Api.Reply changed = anonymous.get(path(konwent, "/feed.atom"), "If-None-Match", etag).expect(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.body()).contains("Nowy członek: KIS Nowy");
    }

    @Test
    void publicDocumentsJoinTheFeedsAndInternalOnesNeverDo() throws Exception {
        String etag = anonymous.get(path(konwent, "/feed.atom")).expect(200).header("ETag");
        department.post(path(konwent, "/documents"), Map.of("title", "Projekt wewnętrzny", "kind", "OTHER",
                "date", "2011-10-20", "visibility", "INTERNAL", "body", "Tylko dla departamentu")).expect(201);
        anonymous.get(path(konwent, "/feed.atom"), "If-None-Match", etag).expect(304);
        String published = department.post(path(konwent, "/documents"), Map.of("title", "Stanowisko jawne",
                "kind", "POSITION", "date", "2011-10-21", "visibility", "PUBLIC", "body", "Treść stanowiska"))
                .expect(201).json().path("id").asText();

        Api.Reply atom = anonymous.get(path(konwent, "/feed.atom"), "If-None-Match", etag).expect(200);
        Element feed = parse(atom.body());
        assertValidAtom(feed);
        Element entry = children(feed, "entry").get(0);
        assertThat(text(entry, "title")).isEqualTo("Stanowisko jawne");
        assertThat(category(entry, "https://konwent-api/feed-kind")).isEqualTo("DOCUMENT");
        assertThat(children(entry, "category").get(0).getAttribute("label")).isEqualTo("Dokument");
        assertThat(text(entry, "id")).endsWith("/documents/" + published);
        assertThat(text(entry, "summary")).isEqualTo("Treść stanowiska");
        assertThat(link(entry, "text/html")).endsWith("/portal/v1/konwents/" + konwent + "/documents/" + published);
        assertThat(atom.body()).doesNotContain("Projekt wewnętrzny");
        assertThat(anonymous.get(path(konwent, "/feed.json")).expect(200).body()).doesNotContain("Projekt wewnętrzny")
                .contains("Stanowisko jawne");
    }

    @Test
    void theJsonFeedCarriesTheSameEntries() throws Exception {
        JsonNode json = anonymous.get(path(konwent, "/feed.json")).expect(200).json();
        Element atom = parse(anonymous.get(path(konwent, "/feed.atom")).expect(200).body());

        assertThat(json.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(json.path("title").asText()).isEqualTo("Konwent Dolnośląski");
        assertThat(json.path("items").findValuesAsText("id"))
                .containsExactlyElementsOf(children(atom, "entry").stream().map(e -> text(e, "id")).toList());
        assertThat(json.path("items").get(0).path("date_modified").asText()).isNotBlank();
    }

    @Test
    void entriesCarryAnExcerptAndAPageForPeopleAndTheFeedSaysWhoseItIs() throws Exception {
        StringBuilder body = new StringBuilder("Konwent <b>popiera</b> &\n\n zwiększenie środków.");
        while (body.length() < 600) {
            body.append(" Dalsze uzasadnienie stanowiska konwentu.");
        }
        String document = department.post(path(konwent, "/documents"), Map.of("title", "Stanowisko <&> „Łódź”",
                "kind", "POSITION", "date", "2011-10-21", "visibility", "PUBLIC", "body", body.toString()))
                .expect(201).json().path("id").asText();

        Element feed = parse(anonymous.get(path(konwent, "/feed.atom")).expect(200).body());
        assertThat(link(feed, "text/html")).endsWith("/portal/v1/konwents/" + konwent);
        Element documentEntry = children(feed, "entry").get(0);
        String excerpt = text(documentEntry, "summary");
        assertThat(excerpt).startsWith("Konwent <b>popiera</b> & zwiększenie środków.").endsWith("…")
                .hasSizeLessThanOrEqualTo(280);
        Element meetingEntry = children(feed, "entry").stream()
                .filter(e -> "MEETING".equals(category(e, "https://konwent-api/feed-kind"))).findFirst().orElseThrow();
        assertThat(text(meetingEntry, "summary")).isEqualTo("Termin: 10.03.2031, 10:00–14:00. Miejsce: Sala. "
                + "Zakres: Ekonomia społeczna");

        JsonNode json = anonymous.get(path(konwent, "/feed.json")).expect(200).json();
        assertThat(json.path("language").asText()).isEqualTo("pl");
        assertThat(json.path("authors").get(0).path("name").asText()).isEqualTo("Konwent Dolnośląski");
        assertThat(json.path("home_page_url").asText()).endsWith("/portal/v1/konwents/" + konwent);
        JsonNode item = json.path("items").get(0);
        assertThat(item.path("summary").asText()).isEqualTo(excerpt);
        assertThat(item.path("content_text").asText()).isEqualTo(excerpt);
        assertThat(item.path("url").asText()).isEqualTo(link(documentEntry, "text/html"));

        Api.Reply page = anonymous.get(java.net.URI.create(item.path("url").asText()).getRawPath()).expect(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"pl\">", "Stanowisko &lt;&amp;&gt; „Łódź”",
                "Konwent &lt;b&gt;popiera&lt;/b&gt; &amp;", "Stanowisko</span>").doesNotContain("<b>popiera");
        anonymous.get(java.net.URI.create(item.path("url").asText()).getRawPath(), "If-None-Match",
                page.header("ETag")).expect(304);
        assertThat(anonymous.get(java.net.URI.create(link(meetingEntry, "text/html")).getRawPath()).expect(200)
                .body()).contains("Posiedzenie wiosenne &lt;&amp;&gt; „Łódź”", "Dodaj do kalendarza", "/meetings.ics");
        assertThat(anonymous.get(java.net.URI.create(link(feed, "text/html")).getRawPath()).expect(200).body())
                .contains("<konwent-portal konwent=\"" + konwent + "\"", "/portal/v1/konwent-portal.js",
                        "application/atom+xml");
        assertThat(item.path("id").asText()).endsWith("/api/v1/konwents/" + konwent + "/documents/" + document);
    }

    @Test
    void thePagesForPeopleShowOnlyWhatIsPublic() {
        String internal = department.post(path(konwent, "/documents"), Map.of("title", "Projekt wewnętrzny",
                "kind", "OTHER", "date", "2011-10-20", "visibility", "INTERNAL", "body", "Tylko dla departamentu"))
                .expect(201).json().path("id").asText();
        String pages = "/portal/v1/konwents/" + konwent;

        anonymous.get(pages + "/documents/" + internal).expect(404);
        department.get(pages + "/documents/" + internal).expect(404);
        anonymous.get(pages + "/meetings/nie-ma-takiego").expect(404);
        anonymous.get("/portal/v1/konwents/nie-ma-takiego").expect(404);
        anonymous.unvalidatedRequest().get(pages, "Accept", "application/json").expect(406);
        assertThat(anonymous.get(pages).expect(200).header("Content-Security-Policy")).contains("default-src 'none'");
    }

    @Test
    void theComponentIsCachedLongAndReadableFromOtherOrigins() {
        Api.Reply script = anonymous.get("/portal/v1/konwent-portal.js", "Origin", "https://portal.dolnyslask.example")
                .expect(200);

        assertThat(script.header("Content-Type")).startsWith("text/javascript");
        assertThat(script.header("Cache-Control")).contains("public").contains("max-age=604800");
        assertThat(script.header("Access-Control-Allow-Origin")).isIn("*", "https://portal.dolnyslask.example");
        assertThat(script.body()).contains("customElements.define('konwent-portal'").doesNotContain("innerHTML");
        anonymous.get("/portal/v1/konwent-portal.js", "If-None-Match", script.header("ETag")).expect(304);
    }

    @Test
    void aForumReadsTheFeedsOfItsMemberKonwentsInOne() throws Exception {
        String forum = newKonwent("Forum Konwentów");
        Api forumDepartment = Accounts.withRole(admin, anonymous, forum + "-dep", forum, "DEPARTMENT", null);
        String regional = Declarations.acceptedMember(anonymous, forumDepartment, forum, "Konwent Dolnośląski",
                "REGIONAL_KONWENT");
        String cis = Declarations.acceptedMember(anonymous, forumDepartment, forum, "CIS Forum", "CIS");
        String link = path(forum, "/members/" + regional + "/konwent-link");

        assertThat(forumDepartment.put(path(forum, "/members/" + cis + "/konwent-link"), Map.of("konwentId", konwent))
                .expect(422).json().path("detail").asText()).contains("D2");
        department.put(link, Map.of("konwentId", konwent)).expect(403);
        forumDepartment.put(link, Map.of("konwentId", "nie-ma-takiego")).expect(422);
        anonymous.get(link).expect(404);
        forumDepartment.put(link, Map.of("konwentId", konwent)).expect(200);
        assertThat(anonymous.get(link).expect(200).json().path("konwentId").asText()).isEqualTo(konwent);

        Element own = parse(anonymous.get(path(forum, "/feed.atom")).expect(200).body());
        Element aggregated = parse(anonymous.get(path(forum, "/feed.atom?include=member-konwents")).expect(200)
                .body());
        assertValidAtom(aggregated);
        assertThat(children(own, "entry")).hasSize(2);
        assertThat(children(aggregated, "entry").stream().map(e -> category(e, "https://konwent-api/konwent")))
                .containsOnly(forum, konwent).contains(forum, konwent);
        assertThat(anonymous.get(path(forum, "/feed.json?include=member-konwents")).expect(200).json().path("items"))
                .hasSize(9);
        anonymous.unvalidatedRequest().get(path(forum, "/feed.atom?include=wszystko")).expect(422);

        forumDepartment.delete(link).expect(204);
        assertThat(children(parse(anonymous.get(path(forum, "/feed.atom?include=member-konwents")).expect(200)
                .body()), "entry")).hasSize(2);
    }

    @Test
    void webPagesElsewhereMayReadPublicResourcesButNotWrite() {
        Api browser = anonymous.outsideContract();
        Api.Reply read = browser.get(path(konwent, "/feed.json"), "Origin", "https://portal.dolnyslask.example");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Access-Control-Allow-Origin")).isIn("*", "https://portal.dolnyslask.example");
        assertThat(read.header("Access-Control-Expose-Headers")).containsIgnoringCase("ETag");
        assertThat(read.header("Access-Control-Allow-Credentials")).isNull();

        Api.Reply preflight = browser.send("OPTIONS", path(konwent, "/feed.json"), null,
                "Origin", "https://portal.dolnyslask.example", "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "if-none-match");
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("GET");
        Api.Reply write = browser.send("OPTIONS", path(konwent, "/meetings"), null,
                "Origin", "https://portal.dolnyslask.example", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type");
        assertThat(String.valueOf(write.header("Access-Control-Allow-Methods"))).doesNotContain("POST");
        assertThat(String.valueOf(write.header("Access-Control-Allow-Headers"))).doesNotContainIgnoringCase(
                "authorization");
    }

    /** RFC 4287 §4.1: the feed's and each entry's required elements, once each, dates in RFC 3339. */
    private static void assertValidAtom(Element feed) {
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        for (String required : List.of("id", "title", "updated")) {
            assertThat(children(feed, required)).as("feed/%s", required).hasSize(1);
        }
        assertThat(children(feed, "author")).hasSize(1);
        assertThat(text(children(feed, "author").get(0), "name")).isNotBlank();
        OffsetDateTime.parse(text(feed, "updated"));
        assertThat(children(feed, "link")).anyMatch(link -> link.getAttribute("rel").equals("self"));
        List<String> ids = new ArrayList<>();
        for (Element entry : children(feed, "entry")) {
            for (String required : List.of("id", "title", "updated")) {
                assertThat(children(entry, required)).as("entry/%s", required).hasSize(1);
            }
            assertThat(java.net.URI.create(text(entry, "id")).isAbsolute()).isTrue();
            OffsetDateTime.parse(text(entry, "updated"));
            OffsetDateTime.parse(text(entry, "published"));
            // §4.1.2: an entry without content has an alternate link, at most one of each type
            assertThat(children(entry, "link")).anyMatch(link -> link.getAttribute("rel").equals("alternate")
                    && java.net.URI.create(link.getAttribute("href")).isAbsolute());
            assertThat(children(entry, "link").stream().filter(link -> link.getAttribute("rel").equals("alternate"))
                    .map(link -> link.getAttribute("type"))).doesNotHaveDuplicates();
            assertThat(children(entry, "content")).isEmpty();
            ids.add(text(entry, "id"));
        }
        assertThat(ids).doesNotHaveDuplicates();
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                xml.getBytes(StandardCharsets.UTF_8)));
        return document.getDocumentElement();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && ATOM.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        return children(parent, name).get(0).getTextContent();
    }

    private static String link(Element parent, String type) {
        return children(parent, "link").stream().filter(l -> l.getAttribute("rel").equals("alternate")
                && l.getAttribute("type").equals(type)).map(l -> l.getAttribute("href")).findFirst().orElse(null);
    }

    private static String category(Element entry, String scheme) {
        return children(entry, "category").stream().filter(c -> c.getAttribute("scheme").equals(scheme))
                .map(c -> c.getAttribute("term")).findFirst().orElse(null);
    }

    private String newKonwent(String name) {
        String id = "f" + UUID.randomUUID().toString().substring(0, 8);
        admin.post("/api/v1/konwents", Map.of("id", id, "name", name)).expect(201);
        return id;
    }

    private static String path(String konwentId, String tail) {
        return "/api/v1/konwents/" + konwentId + tail;
    }
}
