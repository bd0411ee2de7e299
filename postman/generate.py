#!/usr/bin/env python3
"""Writes konwent.postman_collection.json (Postman v2.1) from ../openapi.yaml and the JOURNEY below.

The collection is one journey through the API, the way a konwent lives: an ADMIN logs in, founds a konwent (and a
regional one), makes the department's account, subscribes a webhook, accepts five members, appoints the first
council and elects the next one (with a tie and its run-off), plans, invites, holds and reports a meeting with a
vote (its minutes drawn up as PDF/A), proposes a work plan, announces the organiser competition, keeps documents, reads the feeds, and ends with
withdrawals, deletions and logging out. Every request expects one status: the success of its operation, or, where
the server's real clock makes success impossible within a run, one documented refusal whose problem type is checked
(the request's description says why). Ids travel from one request to the next in collection variables, set by the
tests; 2xx answers are checked for what the request did (states, counts, names), not only for required fields.
Every request goes as the ADMIN that logged in (or anonymously, where the public may call), since an ADMIN may act
in any role but one: it never casts a member's ballot (V6). So the ADMIN makes one account the REPRESENTATIVE of
three members (A2: of the first CIS because that member named the account's e-mail among its representatives, of the
other two with a reason the audit trail keeps), and the ballots go as that account. The department's account is
made because communiqués are sent to it.

Method, path, summary and the required fields of each answer come from the contract; the journey names operations
by operationId, and this script fails if an operation of openapi.yaml has no step (add one) or a step names an
operation the contract lacks. Run it again after changing openapi.yaml or the journey (python3 with PyYAML);
PostmanCollectionTest checks that every operation has a request and runs the collection with newman."""
import json
import pathlib
import re

import yaml

HERE = pathlib.Path(__file__).resolve().parent
SPEC = yaml.safe_load((HERE.parent / "openapi.yaml").read_text(encoding="utf-8"))
METHODS = ["get", "post", "put", "delete", "patch"]


def resolve(node):
    while isinstance(node, dict) and "$ref" in node:
        target = SPEC
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


OPERATIONS = {op["operationId"]: (path, method, op) for path, item in SPEC["paths"].items()
              for method, op in item.items() if method in METHODS}

# Set by the first request: names unique to this run (so the collection runs again against the same server), and
# times relative to now, on the server's calendar (Europe/Warsaw), so that no date in it goes stale.
SETUP = r"""
const now = Date.now(), hour = 3600 * 1000, day = 24 * hour;
const run = now.toString(36);
const iso = ms => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
let today;
try {
    today = new Intl.DateTimeFormat('en-CA', {timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit',
        day: '2-digit'}).format(new Date(now));
} catch (e) {
    today = new Date(now + hour).toISOString().slice(0, 10);
}
const year = Number(today.slice(0, 4));
const set = (name, value) => pm.collectionVariables.set(name, String(value));
set('run', run);
set('konwentId', 'postman-' + run);
set('regionalKonwentId', 'postman-' + run + '-pomorski');
set('departmentUsername', 'departament-' + run);
set('today', today);
set('year', year);
set('nextYear', year + 1);
set('heldStartsAt', iso(now - 3 * hour));
set('heldEndsAt', iso(now - hour));
set('startsAt', iso(now + 30 * day));
set('endsAt', iso(now + 30 * day + 5 * hour));
set('registrationDeadline', iso(now + 28 * day));
set('competitionDeadline', iso(now + 60 * day));
""".strip().splitlines()


def declaration(name, kind, town, postal, voivodeship, person, email):
    return {"memberName": name, "kind": kind,
            "address": {"street": "ul. Przykładowa 1", "postalCode": postal, "town": town,
                        "voivodeship": voivodeship},
            "phone": "+48 61 000 00 00", "email": email,
            "foundingInstitution": {"name": "Gmina " + town,
                                    "address": {"street": "ul. Rynek 1", "postalCode": postal, "town": town},
                                    "phone": "+48 61 111 11 11", "email": "gmina@example.pl"},
            "representatives": [{"name": person, "phone": "+48 600 000 000", "email": email.replace("@", ".rep@")}],
            "signedBy": "Jan Kowalski", "signedOn": "{{today}}"}


def meeting(title, starts, ends, deadline=None, limit=2):
    body = {"title": title, "startsAt": starts, "endsAt": ends,
            "venue": {"name": "Centrum Integracji Społecznej w Pniewach", "address": "ul. Przykładowa 1, 62-045 Pniewy"},
            "onlineUrl": "https://spotkania.example.pl/konwent",
            "scope": "Zatrudnienie socjalne; współpraca CIS i KIS z powiatowymi urzędami pracy.",
            "agenda": [{"title": "Otwarcie posiedzenia"}, {"title": "Stanowisko Konwentu"}, {"title": "Wolne wnioski"}],
            "delegationLimit": limit, "capacity": 60}
    if deadline:
        body["registrationDeadline"] = deadline
    return body


CHARTER = {"defaultMajority": "SIMPLE", "defaultQuorum": 0.5, "alternation": True, "councilSize": 2, "termYears": 1}
ID = "json.id"
ok = "pm.expect"

# The journey. Each step: operationId, what it does (the request is named "operationId: what it does"), the status
# it expects, and options:
#   vars      path parameter -> collection variable, where it is not the variable of the same name
#   query     query parameters;  body  the JSON body (default: the contract's example);  headers  more headers
#   anonymous sent without credentials;  as_token  sent with the bearer token in this variable, not the ADMIN's
#   save  variable -> JS expression, kept when the status is the expected one
#   checks    JS assertions on `json` (or `text`), one test;  problem  the problem type a refusal must carry
#   note      why the step expects what it expects (its description)
JOURNEY = [
    # Logging in, and what the server offers to anyone
    ("createToken", "log in as the first ADMIN", 201, dict(
        anonymous=True, prerequest=SETUP, body={"username": "{{username}}", "password": "{{password}}"},
        save={"token": "json.token"},
        checks=["pm.expect(json.token).to.be.a('string').and.not.empty",
                "pm.expect(json.tokenType).to.eql('Bearer')",
                "pm.expect(Date.parse(json.expiresAt)).to.be.above(Date.now())"])),
    ("getRoot", "links to everything", 200, dict(anonymous=True, checks=["pm.expect(text).to.include('/api/v1/konwents')"])),
    ("getContract", "the contract", 200, dict(anonymous=True, checks=["pm.expect(text).to.match(/^openapi: 3/m)"])),
    ("getDocs", "Swagger UI", 200, dict(anonymous=True, checks=["pm.expect(text).to.include('swagger-ui')"])),
    ("getDocsAsset", "Swagger UI's style sheet", 200, dict(
        anonymous=True, vars={"file": "docsAsset"},
        checks=["pm.expect(pm.response.headers.get('Content-Type')).to.include('text/css')"])),
    ("getProblemType", "what a conflict means", 200, dict(
        anonymous=True, vars={"problemType": "problemType"}, checks=["pm.expect(text).to.include('409')"])),
    ("getCurrentAccount", "who is logged in", 200, dict(
        checks=["pm.expect(json.username).to.eql(pm.variables.get('username'))", "pm.expect(json.enabled).to.be.true"])),

    # Konwents
    ("createKonwent", "found a konwent (two council seats, alternation on)", 201, dict(
        headers={"Idempotency-Key": "found-{{konwentId}}"},
        body={"id": "{{konwentId}}", "name": "Konwent Centrów i Klubów Integracji Społecznej (Postman)",
              "charter": CHARTER},
        checks=["pm.expect(json.id).to.eql(pm.variables.get('konwentId'))",
                "pm.expect(json.charter.councilSize).to.eql(2)", "pm.expect(json.charter.alternation).to.be.true",
                "pm.expect(pm.response.headers.get('Location')).to.include('/api/v1/konwents/' + json.id)"])),
    ("createKonwent", "found a regional konwent, for the forum link", 201, dict(
        body={"id": "{{regionalKonwentId}}", "name": "Konwent CIS i KIS Województwa Pomorskiego (Postman)",
              "voivodeship": "22"},
        checks=["pm.expect(json.id).to.eql(pm.variables.get('regionalKonwentId'))",
                "pm.expect(json.charter.councilSize).to.eql(5)"])),
    ("listKonwents", "all konwents", 200, dict(
        anonymous=True, query={"limit": "500"},
        checks=["pm.expect(json.items.map(k => k.id)).to.include(pm.variables.get('konwentId'))"])),
    ("getKonwent", "read it, with its ETag", 200, dict(
        anonymous=True, save={"konwentEtag": "pm.response.headers.get('ETag')"},
        checks=["pm.expect(json.id).to.eql(pm.variables.get('konwentId'))",
                "pm.expect(pm.response.headers.get('ETag')).to.be.a('string')"])),
    ("updateKonwent", "describe it, if unchanged since read", 200, dict(
        headers={"If-Match": "{{konwentEtag}}"},
        body={"name": "Konwent Centrów i Klubów Integracji Społecznej (Postman)",
              "description": "Konwent założony przez kolekcję Postmana.", "charter": CHARTER},
        checks=["pm.expect(json.description).to.eql('Konwent założony przez kolekcję Postmana.')",
                "pm.expect(json.charter.councilSize).to.eql(2)",
                "pm.expect(pm.response.headers.get('ETag')).to.not.eql(pm.variables.get('konwentEtag'))"])),

    # The department's account
    ("createAccount", "an account for the ministry department", 201, dict(
        body={"username": "{{departmentUsername}}", "password": "haslo-departamentu-{{run}}",
              "displayName": "Departament Pożytku Publicznego", "email": "departament@example.pl"},
        save={"accountId": ID},
        checks=["pm.expect(json.username).to.eql(pm.variables.get('departmentUsername'))",
                "pm.expect(json.enabled).to.be.true", "pm.expect(json).to.not.have.property('password')"])),
    ("getAccount", "read it", 200, dict(checks=["pm.expect(json.id).to.eql(pm.variables.get('accountId'))",
                                             "pm.expect(json.email).to.eql('departament@example.pl')"])),
    ("updateAccount", "rename it", 200, dict(
        body={"displayName": "Departament Ekonomii Społecznej", "email": "departament@example.pl"},
        checks=["pm.expect(json.displayName).to.eql('Departament Ekonomii Społecznej')"])),
    ("changePassword", "the ADMIN resets its password", 204, dict(body={"newPassword": "nowe-haslo-departamentu-{{run}}"})),
    ("grantRole", "make it the konwent's DEPARTMENT", 201, dict(
        body={"konwentId": "{{konwentId}}", "role": "DEPARTMENT"}, save={"roleId": ID},
        checks=["pm.expect(json.role).to.eql('DEPARTMENT')", "pm.expect(json.konwentId).to.eql(pm.variables.get('konwentId'))"])),
    ("listAccountRoles", "its roles", 200, dict(
        checks=["pm.expect(json.items.map(r => r.role)).to.eql(['DEPARTMENT'])"])),
    ("listAccounts", "all accounts", 200, dict(
        query={"limit": "500"},
        checks=["pm.expect(json.items.map(a => a.id)).to.include(pm.variables.get('accountId'))"])),
    ("disableAccount", "disable it", 200, dict(checks=["pm.expect(json.enabled).to.be.false"])),
    ("enableAccount", "enable it again", 200, dict(checks=["pm.expect(json.enabled).to.be.true"])),

    # A webhook, so that what follows is announced
    ("registerWebhook", "subscribe a portal to the konwent's events", 201, dict(
        body={"url": "{{webhookUrl}}", "events": ["member.accepted", "meeting.invited", "vote.closed",
                                                  "document.published"], "description": "Portal regionalny"},
        save={"webhookId": ID},
        checks=["pm.expect(json.secret).to.match(/^whsec_/)", "pm.expect(json.active).to.be.true",
                "pm.expect(json.events).to.have.length(4)"])),
    ("getWebhook", "read it, with its ETag", 200, dict(
        save={"webhookEtag": "pm.response.headers.get('ETag')"},
        checks=["pm.expect(json.secret).to.be.null", "pm.expect(json.secretHint).to.be.a('string')"])),
    ("updateWebhook", "describe it better", 200, dict(
        headers={"If-Match": "{{webhookEtag}}"},
        body={"url": "{{webhookUrl}}", "events": ["member.accepted", "meeting.invited", "vote.closed",
                                                  "document.published"],
              "description": "Portal regionalny: członkowie, posiedzenia, uchwały, dokumenty", "active": True},
        checks=["pm.expect(json.description).to.include('uchwały')"])),
    ("listWebhooks", "the konwent's webhooks", 200, dict(
        checks=["pm.expect(json.items.map(w => w.id)).to.eql([pm.variables.get('webhookId')])"])),
    ("rotateWebhookSecret", "a new secret", 200, dict(checks=["pm.expect(json.secret).to.match(/^whsec_/)"])),
    ("pingWebhook", "a test event", 202, dict(checks=["pm.expect(json.eventType).to.eql('webhook.ping')", "pm.expect(json.status).to.eql('PENDING')"])),

    # Members: five declarations, anonymous as an organisation would send them, accepted by the department
    ("submitDeclaration", "a CIS declares (anonymously)", 201, dict(
        anonymous=True, body=declaration("Centrum Integracji Społecznej w Pniewach", "CIS", "Pniewy", "62-045", "30",
                                         "Anna Nowak", "cis.pniewy@example.pl"),
        save={"declarationId": ID},
        checks=["pm.expect(json.state).to.eql('SUBMITTED')", "pm.expect(json.memberId).to.be.null"])),
    ("listDeclarations", "what waits for a decision", 200, dict(
        query={"state": "SUBMITTED"}, checks=["pm.expect(json.items.map(d => d.id)).to.eql([pm.variables.get('declarationId')])"])),
    ("getDeclaration", "read it", 200, dict(
        checks=["pm.expect(json.memberName).to.eql('Centrum Integracji Społecznej w Pniewach')",
                "pm.expect(json.representatives[0].name).to.eql('Anna Nowak')"])),
    ("decideDeclaration", "accept it: the member is made", 200, dict(
        body={"outcome": "ACCEPTED", "reason": "Spełnia warunki deklaracji."}, save={"memberId": "json.memberId"},
        checks=["pm.expect(json.state).to.eql('ACCEPTED')", "pm.expect(json.memberId).to.be.a('string')"])),
    ("submitDeclaration", "a KIS declares", 201, dict(
        anonymous=True, body=declaration("Klub Integracji Społecznej w Szamotułach", "KIS", "Szamotuły", "64-500",
                                         "30", "Barbara Wiśniewska", "kis.szamotuly@example.pl"),
        save={"kisDeclarationId": ID})),
    ("decideDeclaration", "accept the KIS", 200, dict(
        vars={"declarationId": "kisDeclarationId"}, body={"outcome": "ACCEPTED", "reason": "Spełnia warunki."},
        save={"kisMemberId": "json.memberId"}, checks=["pm.expect(json.state).to.eql('ACCEPTED')"])),
    ("submitDeclaration", "a second CIS declares", 201, dict(
        anonymous=True, body=declaration("Centrum Integracji Społecznej w Gdyni", "CIS", "Gdynia", "81-001", "22",
                                         "Celina Zając", "cis.gdynia@example.pl"),
        save={"thirdDeclarationId": ID})),
    ("decideDeclaration", "accept the second CIS", 200, dict(
        vars={"declarationId": "thirdDeclarationId"}, body={"outcome": "ACCEPTED", "reason": "Spełnia warunki."},
        save={"thirdMemberId": "json.memberId"}, checks=["pm.expect(json.state).to.eql('ACCEPTED')"])),
    ("submitDeclaration", "a KIS that will leave declares", 201, dict(
        anonymous=True, body=declaration("Klub Integracji Społecznej w Lublinie", "KIS", "Lublin", "20-001", "06",
                                         "Dariusz Lis", "kis.lublin@example.pl"),
        save={"leavingDeclarationId": ID})),
    ("decideDeclaration", "accept the leaving KIS", 200, dict(
        vars={"declarationId": "leavingDeclarationId"}, body={"outcome": "ACCEPTED", "reason": "Spełnia warunki."},
        save={"leavingMemberId": "json.memberId"}, checks=["pm.expect(json.state).to.eql('ACCEPTED')"])),
    ("submitDeclaration", "the regional konwent declares", 201, dict(
        anonymous=True, body=declaration("Konwent CIS i KIS Województwa Pomorskiego", "REGIONAL_KONWENT", "Gdańsk",
                                         "80-001", "22", "Ewa Kowalczyk", "konwent.pomorski@example.pl"),
        save={"regionalDeclarationId": ID})),
    ("decideDeclaration", "accept the regional konwent", 200, dict(
        vars={"declarationId": "regionalDeclarationId"}, body={"outcome": "ACCEPTED", "reason": "Spełnia warunki."},
        save={"regionalMemberId": "json.memberId"}, checks=["pm.expect(json.state).to.eql('ACCEPTED')"])),
    ("listMembers", "the register", 200, dict(
        anonymous=True, query={"status": "ACTIVE"},
        checks=["pm.expect(json.items).to.have.length(5)",
                "json.items.forEach(m => pm.expect(m).to.not.have.property('representatives'))"])),
    ("getMember", "a member as the ADMIN sees it, with its ETag", 200, dict(
        save={"memberEtag": "pm.response.headers.get('ETag')"},
        checks=["pm.expect(json.name).to.eql('Centrum Integracji Społecznej w Pniewach')",
                "pm.expect(json.status).to.eql('ACTIVE')", "pm.expect(json.representatives).to.have.length(1)"])),
    ("updateMember", "its representative changes its contact data", 200, dict(
        headers={"If-Match": "{{memberEtag}}"},
        body={"address": {"street": "ul. Poznańska 12", "postalCode": "62-045", "town": "Pniewy", "voivodeship": "30"},
              "phone": "+48 61 000 00 01", "email": "cis.pniewy@example.pl",
              "foundingInstitution": {"name": "Gmina Pniewy", "address": {"street": "ul. Rynek 1", "postalCode": "62-045",
                                                                            "town": "Pniewy"},
                                      "phone": "+48 61 111 11 11", "email": "gmina@example.pl"},
              "representatives": [{"name": "Anna Nowak", "phone": "+48 600 000 000", "email": "anna@example.pl"},
                                  {"name": "Łukasz Wiśniewski", "email": "lukasz@example.pl"}]},
        checks=["pm.expect(json.address.street).to.eql('ul. Poznańska 12')",
                "pm.expect(json.representatives.map(r => r.name)).to.eql(['Anna Nowak', 'Łukasz Wiśniewski'])"])),
    ("exportMemberPersonalData", "what is kept about the leaving member's people (GDPR)", 200, dict(
        vars={"memberId": "leavingMemberId"},
        save={"representativeId": "json.member.representatives[0].id"},
        checks=["pm.expect(json.member.representatives[0].name).to.eql('Dariusz Lis')",
                "pm.expect(json.declarations).to.have.length(1)"])),
    ("eraseRepresentative", "erase its representative (GDPR)", 204, dict(vars={"memberId": "leavingMemberId"})),
    ("linkMemberKonwent", "the regional member is the regional konwent hosted here", 200, dict(
        vars={"memberId": "regionalMemberId"}, body={"konwentId": "{{regionalKonwentId}}"},
        checks=["pm.expect(json.konwentId).to.eql(pm.variables.get('regionalKonwentId'))"])),
    ("getKonwentLink", "read the link", 200, dict(
        anonymous=True, vars={"memberId": "regionalMemberId"},
        checks=["pm.expect(json.memberId).to.eql(pm.variables.get('regionalMemberId'))"])),

    # The members' voice: an account the ADMIN makes REPRESENTATIVE of three members, to cast their ballots (V6)
    ("createAccount", "an account for the members' representative", 201, dict(
        body={"username": "glos-{{run}}", "password": "haslo-przedstawiciela-{{run}}",
              "displayName": "Anna Nowak", "email": "anna@example.pl"},
        save={"voiceAccountId": ID})),
    ("grantRole", "the first CIS named this person: its REPRESENTATIVE", 201, dict(
        vars={"accountId": "voiceAccountId"},
        body={"konwentId": "{{konwentId}}", "role": "REPRESENTATIVE", "memberId": "{{memberId}}"},
        checks=["pm.expect(json.memberId).to.eql(pm.variables.get('memberId'))"])),
    ("grantRole", "the KIS's REPRESENTATIVE too, with a reason (A2)", 201, dict(
        vars={"accountId": "voiceAccountId"},
        body={"konwentId": "{{konwentId}}", "role": "REPRESENTATIVE", "memberId": "{{kisMemberId}}",
              "reason": "Pełnomocnictwo zarządu KIS z dnia posiedzenia"})),
    ("grantRole", "the second CIS's REPRESENTATIVE too, with a reason (A2)", 201, dict(
        vars={"accountId": "voiceAccountId"},
        body={"konwentId": "{{konwentId}}", "role": "REPRESENTATIVE", "memberId": "{{thirdMemberId}}",
              "reason": "Pełnomocnictwo zarządu CIS w Gdyni z dnia posiedzenia"})),
    ("createToken", "the representative logs in", 201, dict(
        anonymous=True, body={"username": "glos-{{run}}", "password": "haslo-przedstawiciela-{{run}}"},
        save={"voiceToken": "json.token"})),

    # The first council, appointed for this year, and its officers
    ("appointCouncil", "the department appoints this year's council", 201, dict(
        body={"year": "{{year}}", "seats": [{"memberId": "{{memberId}}", "holderName": "Anna Nowak"},
                                            {"memberId": "{{kisMemberId}}", "holderName": "Barbara Wiśniewska"}],
              "consultantName": "Departament Pożytku Publicznego"},
        checks=["pm.expect(json.year).to.eql(Number(pm.variables.get('year')))", "pm.expect(json.inOffice).to.be.true",
                "pm.expect(json.origin).to.eql('APPOINTED')", "pm.expect(json.seats).to.have.length(2)",
                "pm.expect(json.endsOn).to.eql(pm.variables.get('year') + '-12-31')"])),
    ("listCouncilTerms", "councils", 200, dict(anonymous=True, checks=["pm.expect(json.items).to.have.length(1)"])),
    ("getCouncilTerm", "this year's council", 200, dict(
        anonymous=True, checks=["pm.expect(json.consultantName).to.eql('Departament Pożytku Publicznego')"])),
    ("electCouncilOfficers", "a CIS chairs, a KIS deputises (C4)", 200, dict(
        body={"chairMemberId": "{{memberId}}", "deputyMemberId": "{{kisMemberId}}"},
        checks=["pm.expect(json.chair.memberId).to.eql(pm.variables.get('memberId'))",
                "pm.expect(json.deputy.memberId).to.eql(pm.variables.get('kisMemberId'))"])),

    # Next year's council is elected: three candidates for two seats, a tie, a run-off
    ("createElection", "call the election of next year's council", 201, dict(
        body={"year": "{{nextYear}}", "seats": 2}, save={"electionId": ID},
        checks=["pm.expect(json.state).to.eql('NOMINATING')", "pm.expect(json.seats).to.eql(2)"])),
    ("nominateCandidate", "the first CIS nominates itself", 201, dict(
        body={"memberId": "{{memberId}}", "personName": "Anna Nowak", "nominatedBy": "{{memberId}}"},
        save={"candidateId": ID}, checks=["pm.expect(json.state).to.eql('ACCEPTED')"])),
    ("nominateCandidate", "it nominates the KIS", 201, dict(
        body={"memberId": "{{kisMemberId}}", "personName": "Barbara Wiśniewska", "nominatedBy": "{{memberId}}"},
        save={"nominatedCandidateId": ID}, checks=["pm.expect(json.state).to.eql('NOMINATED')"])),
    ("acceptNomination", "the KIS accepts", 200, dict(
        vars={"candidateId": "nominatedCandidateId"}, checks=["pm.expect(json.state).to.eql('ACCEPTED')"])),
    ("nominateCandidate", "the second CIS nominates itself", 201, dict(
        body={"memberId": "{{thirdMemberId}}", "personName": "Celina Zając", "nominatedBy": "{{thirdMemberId}}"},
        save={"thirdCandidateId": ID})),
    ("nominateCandidate", "the leaving KIS nominates itself", 201, dict(
        body={"memberId": "{{leavingMemberId}}", "personName": "Dariusz Lis", "nominatedBy": "{{leavingMemberId}}"},
        save={"withdrawnCandidateId": ID})),
    ("withdrawCandidate", "and withdraws", 200, dict(
        vars={"candidateId": "withdrawnCandidateId"}, checks=["pm.expect(json.state).to.eql('WITHDRAWN')"])),
    ("listCandidates", "the candidates", 200, dict(
        anonymous=True, checks=["pm.expect(json.items).to.have.length(4)"])),
    ("getCandidate", "one candidate", 200, dict(
        anonymous=True, checks=["pm.expect(json.memberId).to.eql(pm.variables.get('memberId'))",
                                "pm.expect(json.personName).to.eql('Anna Nowak')"])),
    ("listElections", "elections", 200, dict(anonymous=True, checks=["pm.expect(json.items).to.have.length(1)"])),
    ("openElection", "open the ballot", 200, dict(
        checks=["pm.expect(json.state).to.eql('OPEN')", "pm.expect(json.electorate).to.eql(5)"])),
    ("castApprovalBallot", "the first CIS approves itself and the KIS", 201, dict(as_token="voiceToken", 
        body={"memberId": "{{memberId}}", "approve": ["{{candidateId}}", "{{nominatedCandidateId}}"]})),
    ("castApprovalBallot", "the KIS approves the first CIS and the second CIS", 201, dict(as_token="voiceToken", 
        body={"memberId": "{{kisMemberId}}", "approve": ["{{candidateId}}", "{{thirdCandidateId}}"]})),
    ("getApprovalBallot", "has the first CIS voted?", 200, dict(
        anonymous=True, checks=["pm.expect(json.voted).to.be.true"])),
    ("listElectionNonVoters", "who has not voted in the election yet (never a choice)", 200, dict(
        checks=["pm.expect(json.items).to.have.length(3)"])),
    ("remindElectionNonVoters", "remind them: mail through the outbox and a vote.reminder event", 200, dict(
        checks=["pm.expect(json.electionId).to.eql(pm.variables.get('electionId'))",
                "pm.expect(json.reminded).to.have.length(3)"])),
    ("getElection", "the open election", 200, dict(anonymous=True, checks=["pm.expect(json.state).to.eql('OPEN')"])),
    ("closeElection", "close it: a tie at the last seat", 200, dict(
        checks=["pm.expect(json.outcome).to.eql('TIE_AT_LAST_SEAT')", "pm.expect(json.seatsUndecided).to.eql(1)"])),
    ("getElectionResult", "the ranking", 200, dict(
        anonymous=True, checks=["pm.expect(json.turnout).to.eql(2)", "pm.expect(json.outcome).to.eql('TIE_AT_LAST_SEAT')",
                                "pm.expect(json.ranking).to.have.length(3)",
                                "pm.expect(json.rules.tieBreak).to.eql('RUN_OFF')", "pm.expect(json.lot).to.be.null"])),
    ("callRunOff", "a run-off among the tied for the undecided seat", 201, dict(
        save={"runOffId": ID},
        checks=["pm.expect(json.runOffOf).to.eql(pm.variables.get('electionId'))", "pm.expect(json.seats).to.eql(1)"])),
    ("listCandidates", "the run-off's candidates", 200, dict(
        anonymous=True, vars={"electionId": "runOffId"},
        save={"runOffCandidateId": "json.items.find(c => c.memberId === pm.variables.get('kisMemberId')).id"},
        checks=["pm.expect(json.items).to.have.length(2)"])),
    ("openElection", "open the run-off", 200, dict(vars={"electionId": "runOffId"})),
    ("castApprovalBallot", "the second CIS approves the KIS", 201, dict(as_token="voiceToken", 
        vars={"electionId": "runOffId"}, body={"memberId": "{{thirdMemberId}}", "approve": ["{{runOffCandidateId}}"]})),
    ("closeElection", "close the run-off: next year's council is installed", 200, dict(
        vars={"electionId": "runOffId"}, checks=["pm.expect(json.outcome).to.eql('ELECTED')"])),
    ("getCouncilTerm", "next year's elected council", 200, dict(
        anonymous=True, vars={"year": "nextYear"},
        checks=["pm.expect(json.origin).to.eql('ELECTED')", "pm.expect(json.inOffice).to.be.false",
                "pm.expect(json.seats.map(s => s.memberId).sort()).to.eql([pm.variables.get('memberId'), "
                "pm.variables.get('kisMemberId')].sort())"])),

    # A meeting still to come: planned, changed, invited to, registered for
    ("createMeeting", "plan a meeting a month ahead", 201, dict(
        body=meeting("Posiedzenie Konwentu (Postman)", "{{startsAt}}", "{{endsAt}}", "{{registrationDeadline}}"),
        save={"meetingId": ID},
        checks=["pm.expect(json.state).to.eql('PLANNED')", "pm.expect(json.hybrid).to.be.true"])),
    ("getMeeting", "read it, with its ETag", 200, dict(
        anonymous=True, save={"meetingEtag": "pm.response.headers.get('ETag')"},
        checks=["pm.expect(json.agenda).to.have.length(3)"])),
    ("updateMeeting", "delegations of up to three", 200, dict(
        headers={"If-Match": "{{meetingEtag}}"},
        body=meeting("Posiedzenie Konwentu (Postman)", "{{startsAt}}", "{{endsAt}}", "{{registrationDeadline}}", 3),
        checks=["pm.expect(json.delegationLimit).to.eql(3)"])),
    ("inviteToMeeting", "invite every member", 200, dict(checks=["pm.expect(json.state).to.eql('INVITED')"])),
    ("listInvitations", "who was invited", 200, dict(checks=["pm.expect(json.items).to.have.length(5)"])),
    ("registerDelegation", "the first CIS registers two persons", 201, dict(
        body={"memberId": "{{memberId}}", "persons": [{"name": "Anna Nowak", "participation": "IN_PERSON"},
                                                      {"name": "Łukasz Wiśniewski", "participation": "ONLINE"}]},
        checks=["pm.expect(json.persons).to.have.length(2)"])),
    ("getRegistration", "read it", 200, dict(checks=["pm.expect(json.memberName).to.eql('Centrum Integracji Społecznej w Pniewach')"])),
    ("updateRegistration", "three persons now", 200, dict(
        body={"persons": [{"name": "Anna Nowak", "participation": "IN_PERSON"},
                          {"name": "Łukasz Wiśniewski", "participation": "IN_PERSON"},
                          {"name": "Ewa Kowalska", "participation": "ONLINE"}]},
        checks=["pm.expect(json.persons).to.have.length(3)"])),
    ("listRegistrations", "the registered delegations", 200, dict(checks=["pm.expect(json.items).to.have.length(1)"])),
    ("listMeetings", "meetings", 200, dict(anonymous=True, checks=["pm.expect(json.items).to.have.length(1)"])),
    ("getMeetingCalendar", "the calendar to subscribe to", 200, dict(
        anonymous=True, checks=["pm.expect(text).to.include('BEGIN:VCALENDAR')",
                                "pm.expect(text).to.include('Posiedzenie Konwentu (Postman)')"])),

    # The konwent's calendar: a task of the department's own, the computed obligations, the task done
    ("addCalendarTask", "a statutory report, public, due in the calendar", 201, dict(
        body={"title": "Sprawozdanie z realizacji ustawy (Postman)", "dueOn": "{{today}}", "visibility": "PUBLIC"},
        save={"taskId": ID},
        checks=["pm.expect(json.status).to.eql('OPEN')", "pm.expect(json.visibility).to.eql('PUBLIC')"])),
    ("getCalendarTask", "read it", 200, dict(
        anonymous=True, checks=["pm.expect(json.id).to.eql(pm.variables.get('taskId'))"])),
    ("listObligations", "the open obligations: the meeting's communiqué, the council's duties, the task", 200, dict(
        anonymous=True, query={"status": "OPEN", "limit": "500"},
        checks=["pm.expect(json.items.map(o => o.kind)).to.include.members(['COMMUNIQUE', 'TASK'])"])),
    ("completeCalendarTask", "mark the report done", 200, dict(checks=["pm.expect(json.status).to.eql('DONE')"])),
    ("deleteCalendarTask", "and remove it from the calendar", 204, {}),

    # A meeting that began three hours ago: invited, its attendance and a vote, held, its communiqué
    ("createMeeting", "record a meeting that began three hours ago", 201, dict(
        body=meeting("Posiedzenie sprawozdawcze (Postman)", "{{heldStartsAt}}", "{{heldEndsAt}}"),
        save={"heldMeetingId": ID}),
    ),
    ("inviteToMeeting", "its invitations", 200, dict(vars={"meetingId": "heldMeetingId"})),
    ("recordAttendance", "three members came", 200, dict(
        vars={"meetingId": "heldMeetingId"},
        body={"present": [{"memberId": "{{memberId}}", "mode": "IN_PERSON"},
                          {"memberId": "{{kisMemberId}}", "mode": "IN_PERSON"},
                          {"memberId": "{{thirdMemberId}}", "mode": "ONLINE"}]},
        checks=["pm.expect(json.present).to.have.length(3)", "pm.expect(json.quorum.reached).to.be.true"])),
    ("getAttendance", "who came", 200, dict(
        anonymous=True, vars={"meetingId": "heldMeetingId"}, checks=["pm.expect(json.present).to.have.length(3)"])),
    ("createVote", "a position, voted at the meeting", 201, dict(
        body={"title": "Stanowisko w sprawie finansowania CIS", "kind": "POSITION",
              "text": "Konwent postuluje stabilne finansowanie centrów integracji społecznej.", "secret": False,
              "meetingId": "{{heldMeetingId}}"},
        save={"voteId": ID}, checks=["pm.expect(json.state).to.eql('DRAFT')",
                                     "pm.expect(json.meetingId).to.eql(pm.variables.get('heldMeetingId'))",
                                     "pm.expect(json.majority).to.be.null"])),
    ("updateVote", "sharpen its text while a draft", 200, dict(
        body={"title": "Stanowisko w sprawie finansowania CIS i KIS", "kind": "POSITION",
              "text": "Konwent postuluje stabilne, wieloletnie finansowanie CIS i KIS.", "secret": False,
              "meetingId": "{{heldMeetingId}}"},
        checks=["pm.expect(json.title).to.eql('Stanowisko w sprawie finansowania CIS i KIS')"])),
    ("getVote", "read it", 200, dict(anonymous=True, checks=["pm.expect(json.text).to.include('wieloletnie')"])),
    ("openVote", "open it", 200, dict(checks=["pm.expect(json.state).to.eql('OPEN')", "pm.expect(json.electorate).to.eql(5)"])),
    ("castBallot", "the first CIS votes FOR", 201, dict(as_token="voiceToken", body={"memberId": "{{memberId}}", "choice": "FOR"})),
    ("castBallot", "the KIS votes FOR", 201, dict(as_token="voiceToken", body={"memberId": "{{kisMemberId}}", "choice": "FOR"})),
    ("listNonVoters", "who has not voted yet (never a choice)", 200, dict(
        checks=["pm.expect(json.items).to.have.length(3)",
                "pm.expect(json.items.map(e => e.memberId)).to.include(pm.variables.get('thirdMemberId'))"])),
    ("remindNonVoters", "remind them: mail through the outbox and a vote.reminder event", 200, dict(
        checks=["pm.expect(json.reminded).to.have.length(3)", "pm.expect(json.mails).to.be.at.least(1)"])),
    # V4: the second CIS's representative cannot stay; a person of its delegation votes for it on a written authorisation
    ("createAccount", "an account for the second CIS's substitute", 201, dict(
        body={"username": "zastepca-{{run}}", "password": "haslo-zastepcy-{{run}}",
              "displayName": "Celina Zając", "email": "celina@example.pl"},
        save={"substituteAccountId": ID})),
    ("createToken", "the substitute logs in", 201, dict(
        anonymous=True, body={"username": "zastepca-{{run}}", "password": "haslo-zastepcy-{{run}}"},
        save={"substituteToken": "json.token"})),
    ("submitAuthorisation", "the second CIS authorises its substitute for the meeting (V4)", 201, dict(
        as_token="voiceToken",
        body={"memberId": "{{thirdMemberId}}", "kind": "SUBSTITUTE", "holderAccountId": "{{substituteAccountId}}",
              "meetingId": "{{heldMeetingId}}", "signedBy": "Jan Kowalski"},
        save={"authorisationId": ID},
        checks=["pm.expect(json.state).to.eql('SUBMITTED')", "pm.expect(json.fileId).to.be.null"])),
    ("uploadAuthorisationFile", "the signed authorisation, kept INTERNAL in the archive", 201, dict(
        as_token="voiceToken", query={"filename": "pelnomocnictwo.pdf"},
        checks=["pm.expect(json.contentType).to.eql('application/pdf')"])),
    ("decideAuthorisation", "the secretariat accepts it", 200, dict(
        body={"outcome": "ACCEPTED", "reason": "Podpisane przez dyrektora CIS."},
        checks=["pm.expect(json.state).to.eql('ACCEPTED')"])),
    ("getAuthorisation", "read it", 200, dict(checks=["pm.expect(json.fileId).to.be.a('string')"])),
    ("listAuthorisations", "the konwent's authorisations", 200, dict(
        checks=["pm.expect(json.items).to.have.length(1)"])),
    ("castBallot", "the second CIS abstains, through its substitute", 201, dict(
        as_token="substituteToken", body={"memberId": "{{thirdMemberId}}", "choice": "ABSTAIN"})),
    ("revokeAuthorisation", "too late to revoke: a ballot was cast under it", 409, dict(
        as_token="voiceToken", body={"reason": "Przedstawiciel jednak został."},
        problem="/problems/conflict", checks=["pm.expect(json.detail).to.include('already cast')"])),
    ("getBallot", "has the first CIS voted?", 200, dict(anonymous=True, checks=["pm.expect(json.voted).to.be.true"])),
    ("listVotes", "votes", 200, dict(anonymous=True, checks=["pm.expect(json.items).to.have.length(1)"])),
    ("closeVote", "close it", 200, dict(checks=["pm.expect(json.state).to.eql('CLOSED')"])),
    ("getVoteResult", "adopted, with the quorum of those present", 200, dict(
        anonymous=True, checks=["pm.expect(json.adopted).to.be.true", "pm.expect(json.quorumReached).to.be.true",
                                "pm.expect(json.quorumBasis).to.eql('ATTENDANCE')",
                                 "pm.expect(json.rules.majority).to.eql('SIMPLE')",
                                 "pm.expect(json.rules.charterVersion).to.be.a('number')",
                                "pm.expect(json.counts).to.include({for: 2, against: 0, abstain: 1})",
                                "pm.expect(json.ballots.filter(b => b.castUnder).map(b => b.castUnder.kind)).to.eql(['SUBSTITUTE'])"])),
    ("completeMeeting", "record that it was held", 200, dict(
        vars={"meetingId": "heldMeetingId"}, checks=["pm.expect(json.state).to.eql('HELD')"])),
    ("writeCommunique", "write its communiqué", 201, dict(
        vars={"meetingId": "heldMeetingId"},
        body={"title": "Komunikat z posiedzenia sprawozdawczego",
              "text": "Konwent przyjął stanowisko w sprawie finansowania CIS i KIS."},
        checks=["pm.expect(json.resolutions).to.have.length(1)"])),
    ("getCommunique", "read it", 200, dict(vars={"meetingId": "heldMeetingId"},
                                        checks=["pm.expect(json.title).to.eql('Komunikat z posiedzenia sprawozdawczego')"])),
    ("sendCommunique", "send it to the department", 200, dict(
        vars={"meetingId": "heldMeetingId"}, checks=["pm.expect(json.sentToDepartmentAt).to.be.a('string')"])),
    ("publishCommunique", "publish it", 200, dict(
        vars={"meetingId": "heldMeetingId"}, checks=["pm.expect(json.publishedAt).to.be.a('string')"])),
    ("drawUpMinutes", "draw up its minutes: a PDF/A archived as a public MINUTES document", 201, dict(
        vars={"meetingId": "heldMeetingId"}, save={"minutesDocumentId": ID},
        checks=["pm.expect(json.kind).to.eql('MINUTES')", "pm.expect(json.visibility).to.eql('PUBLIC')",
                "pm.expect(json.files).to.have.length(1)", "pm.expect(json.files[0].contentType).to.eql('application/pdf')",
                "pm.expect(json.body).to.include('Stanowisko w sprawie finansowania CIS i KIS')"])),
    ("drawUpMinutes", "draw them up again: a new version, the first PDF kept", 200, dict(
        vars={"meetingId": "heldMeetingId"},
        checks=["pm.expect(json.id).to.eql(pm.variables.get('minutesDocumentId'))",
                "pm.expect(json.files).to.have.length(2)"])),
    ("getMinutes", "the minutes as the archive keeps them", 200, dict(
        anonymous=True, vars={"meetingId": "heldMeetingId"},
        checks=["pm.expect(json.source).to.eql({type: 'MINUTES', id: pm.variables.get('heldMeetingId')})"])),
    ("getMeetingResults", "the results of its votes and elections", 200, dict(
        anonymous=True, vars={"meetingId": "heldMeetingId"},
        checks=["pm.expect(json.votes).to.have.length(1)",
                "pm.expect(json.votes[0].result.counts).to.include({for: 2, against: 0, abstain: 1})"])),

    # Next year's work plan
    ("proposeWorkPlan", "the council proposes next year's work plan", 201, dict(
        vars={"year": "nextYear"},
        body={"themes": [{"title": "Zatrudnienie socjalne a rynek pracy",
                          "description": "Współpraca CIS i KIS z powiatowymi urzędami pracy."},
                         {"title": "Ekonomia społeczna"}],
              "schedule": [{"plannedOn": "{{nextYear}}-03-10", "title": "Posiedzenie wiosenne", "place": "Pniewy"},
                           {"plannedOn": "{{nextYear}}-10-15", "title": "Posiedzenie jesienne"}],
              "notes": "Harmonogram może się zmienić po rozstrzygnięciu konkursu na organizatora."},
        checks=["pm.expect(json.state).to.eql('PROPOSED')", "pm.expect(json.themes).to.have.length(2)"])),
    ("getWorkPlan", "read it", 200, dict(vars={"year": "nextYear"}, checks=["pm.expect(json.schedule).to.have.length(2)"])),
    ("callWorkPlanVote", "call the members' vote on it", 201, dict(
        vars={"year": "nextYear"}, body={"secret": False, "majority": "SIMPLE"}, save={"workPlanVoteId": ID},
        checks=["pm.expect(json.kind).to.eql('WORK_PLAN')", "pm.expect(json.state).to.eql('DRAFT')"])),
    ("listWorkPlans", "work plans", 200, dict(checks=["pm.expect(json.items.map(p => p.state)).to.eql(['PROPOSED'])",
                "pm.expect(json.items[0].voteId).to.eql(pm.variables.get('workPlanVoteId'))"])),

    # The organiser competition
    ("announceCompetition", "announce next year's organiser competition", 201, dict(
        body={"year": "{{nextYear}}", "title": "Konkurs na organizatora posiedzeń Konwentu",
              "description": "Organizator zapewnia salę, transmisję online i obsługę sekretariatu.",
              "grantAmount": 40000, "deadline": "{{competitionDeadline}}"},
        save={"competitionId": ID},
        checks=["pm.expect(json.acceptsApplications).to.be.true", "pm.expect(json.currency).to.eql('PLN')"])),
    ("applyToCompetition", "an association running a CIS applies (anonymously)", 201, dict(
        anonymous=True,
        body={"institutionName": "Stowarzyszenie na rzecz Integracji Społecznej „Razem”",
              "runs": [{"kind": "CIS", "name": "Centrum Integracji Społecznej w Pniewach"}], "memberId": "{{memberId}}",
              "offer": "Sala na 80 osób z nagłośnieniem, transmisja online, obsługa sekretariatu.",
              "contact": {"name": "Katarzyna Zając", "email": "sekretariat@razem.example.pl"}},
        save={"applicationId": ID})),
    ("listApplications", "the applications", 200, dict(checks=["pm.expect(json.items).to.have.length(1)"])),
    ("getApplication", "read it", 200, dict(checks=["pm.expect(json.institutionName).to.include('Razem')"])),
    ("getCompetition", "the competition", 200, dict(anonymous=True, checks=["pm.expect(json.award).to.be.null"])),
    ("listCompetitions", "competitions", 200, dict(anonymous=True, checks=["pm.expect(json.items).to.have.length(1)"])),
    ("awardCompetition", "award it: refused before the deadline", 409, dict(
        body={"applicationId": "{{applicationId}}", "accountIds": ["{{accountId}}"],
              "reason": "Najkorzystniejsza oferta."},
        problem="/problems/conflict", checks=["pm.expect(json.detail).to.include('open until')"],
        note="Expected 409: the competition is awarded only after its deadline (O1), and a deadline must be in the "
             "future when it is announced, so within one run against a server on the real clock the award is always "
             "early. The refusal names the deadline.")),

    # The archive
    ("createDocument", "an internal document", 201, dict(
        body={"title": "Sprawozdanie rady programowej", "kind": "OTHER", "date": "{{today}}",
              "body": "Rada programowa przedstawia sprawozdanie z działalności.", "visibility": "INTERNAL"},
        save={"documentId": ID, "documentEtag": "pm.response.headers.get('ETag')"},
        checks=["pm.expect(json.visibility).to.eql('INTERNAL')", "pm.expect(json.publishedAt).to.be.null"])),
    ("uploadDocumentFile", "attach its PDF", 201, dict(
        query={"filename": "sprawozdanie.pdf"}, save={"fileId": ID},
        checks=["pm.expect(json.contentType).to.eql('application/pdf')", "pm.expect(json.sha256).to.have.length(64)"])),
    ("getDocument", "read it, with its ETag", 200, dict(
        save={"documentEtag": "pm.response.headers.get('ETag')"}, checks=["pm.expect(json.files).to.have.length(1)"])),
    ("updateDocument", "publish it", 200, dict(
        headers={"If-Match": "{{documentEtag}}"},
        body={"title": "Sprawozdanie rady programowej", "kind": "OTHER", "date": "{{today}}",
              "body": "Rada programowa przedstawia sprawozdanie z działalności.", "visibility": "PUBLIC"},
        save={"documentEtag": "pm.response.headers.get('ETag')"},
        checks=["pm.expect(json.visibility).to.eql('PUBLIC')", "pm.expect(json.publishedAt).to.be.a('string')"])),
    ("downloadDocumentFile", "download the PDF (public now)", 200, dict(
        anonymous=True, checks=["pm.expect(text).to.match(/^%PDF-/)"])),
    ("listDocuments", "the public archive: the report, the position, the communiqué and the minutes", 200, dict(
        anonymous=True, checks=["pm.expect(json.items.map(d => d.kind).sort()).to.eql(['COMMUNIQUE', 'MINUTES', 'OTHER', "
                                "'POSITION'])"])),
    ("listArchiveChain", "the archive chain: each publication a record linked to the one before", 200, dict(
        anonymous=True, checks=["pm.expect(json.items.map(r => r.action)).to.include('PUBLISHED')",
                                "json.items.forEach((r, i) => pm.expect(r.previousHash).to.eql(i === 0 ? '0'.repeat(64) "
                                ": json.items[i - 1].hash))"])),
    ("getArchiveChainHead", "the chain's head, to pin", 200, dict(
        anonymous=True, checks=["pm.expect(json.hash).to.match(/^[0-9a-f]{64}$/)",
                                "pm.expect(json.sequence).to.be.above(2)"])),
    ("verifyArchiveChain", "the server walks the chain, re-reading every document and file", 200, dict(
        checks=["pm.expect(json.valid).to.eql(true)", "pm.expect(json.broken).to.be.null"])),

    # What portals and the department read
    ("getAtomFeed", "the Atom feed, with the regional konwent's entries", 200, dict(
        anonymous=True, query={"include": "member-konwents"},
        checks=["pm.expect(text).to.include('<feed')", "pm.expect(text).to.include('Posiedzenie Konwentu (Postman)')"])),
    ("getJsonFeed", "the JSON feed", 200, dict(
        anonymous=True, checks=["pm.expect(json.version).to.include('jsonfeed.org')", "pm.expect(json.items).to.not.be.empty",
                                "pm.expect(json.language).to.eql('pl')", "pm.expect(json.items[0].url).to.include('/portal/v1/')"])),
    ("getPortalComponent", "the portal view a regional portal embeds", 200, dict(
        anonymous=True, checks=["pm.expect(pm.response.headers.get('Content-Type')).to.include('text/javascript')",
                                "pm.expect(text).to.include(\"customElements.define('konwent-portal'\")"])),
    ("getPortalPage", "the konwent's portal page", 200, dict(
        anonymous=True, checks=["pm.expect(text).to.include('<konwent-portal')", "pm.expect(text).to.include('lang=\"pl\"')"])),
    ("getDocumentPage", "the published report as a page", 200, dict(
        anonymous=True, checks=["pm.expect(text).to.include('Sprawozdanie rady programowej')"])),
    ("getMeetingPage", "the meeting to come as a page", 200, dict(
        anonymous=True, checks=["pm.expect(text).to.include('Dodaj do kalendarza')"])),
    ("listAuditEntries", "what happened", 200, dict(query={"limit": "10"}, checks=["pm.expect(json.items).to.have.length(10)"])),
    ("listWebhookDeliveries", "what the portal is sent", 200, dict(
        checks=["pm.expect(json.items.map(d => d.eventType)).to.include.members(['webhook.ping', 'member.accepted', "
                "'meeting.invited', 'vote.closed', 'document.published'])"])),

    # Leaving, withdrawing, deleting, logging out
    ("withdrawRegistration", "the first CIS withdraws its delegation", 204, {}),
    ("cancelMeeting", "cancel the meeting to come", 200, dict(
        body={"reason": "Sala konferencyjna jest niedostępna; nowy termin podamy wkrótce."},
        checks=["pm.expect(json.state).to.eql('CANCELLED')"])),
    ("withdrawMember", "the leaving KIS leaves", 200, dict(
        vars={"memberId": "leavingMemberId"}, body={"reason": "Zakończenie działalności klubu."},
        checks=["pm.expect(json.status).to.eql('WITHDRAWN')"])),
    ("deleteVote", "withdraw the draft vote on the work plan", 204, dict(vars={"voteId": "workPlanVoteId"})),
    ("unlinkMemberKonwent", "unlink the regional konwent", 204, dict(vars={"memberId": "regionalMemberId"})),
    ("deleteDocumentFile", "delete the PDF", 204, {}),
    ("deleteDocument", "delete the report", 204, {}),
    ("deleteWebhook", "unsubscribe the portal", 204, {}),
    ("revokeRole", "the department's role ends", 204, {}),
    ("deleteCurrentToken", "log out", 204, {}),
]


def example_body(operation):
    content = resolve(operation.get("requestBody", {})).get("content", {})
    if "application/json" in content:
        media = content["application/json"]
        if "example" in media:
            return "application/json", media["example"]
        examples = media.get("examples")
        if examples:
            return "application/json", resolve(next(iter(examples.values()))).get("value")
        return "application/json", {}
    if content:
        return next(iter(content)), "%PDF-1.4\n%Konwent\n"
    return None, None


def raw_json(body):
    text = json.dumps(body, ensure_ascii=False, indent=2)
    # numbers carried in variables: "{{year}}" in the body is the number itself
    return re.sub(r'"\{\{(year|nextYear)\}\}"', r"{{\1}}", text)


def js_string(text):
    return json.dumps(text, ensure_ascii=False)


def required_fields(responses, status):
    answer = resolve(responses.get(str(status), {}))
    schema = resolve(answer.get("content", {}).get("application/json", {}).get("schema", {}))
    return schema.get("required", [])


counts = {}
for operation_id, *_ in JOURNEY:
    counts[operation_id] = counts.get(operation_id, 0) + 1
missing = sorted(set(OPERATIONS) - set(counts))
unknown = sorted(set(counts) - set(OPERATIONS))
if missing or unknown:
    raise SystemExit(f"The journey lacks a step for {missing} and names operations the contract lacks: {unknown}")

items = []
path_variables = set()
for operation_id, label, expected, options in JOURNEY:
    path, method, op = OPERATIONS[operation_id]
    responses = {code: resolve(answer) for code, answer in op["responses"].items()}
    if str(expected) not in responses:
        raise SystemExit(f"{operation_id} does not document {expected}")
    title = f"{operation_id}: {label}"
    tests = [
        f"pm.test({js_string(title + ' -> ' + str(expected))}, function () {{",
        f"    pm.response.to.have.status({expected});",
        "});",
        "const text = pm.response.text();",
        "const json = (pm.response.headers.get('Content-Type') || '').includes('json') && text ? pm.response.json() : null;",
    ]
    required = required_fields(responses, expected) if expected < 300 else []
    if required:
        tests += [f"pm.test({js_string(operation_id + ': the fields the contract requires')}, function () {{",
                  f"    pm.expect(json).to.include.all.keys({json.dumps(required)});",
                  "});"]
    if expected >= 400:
        tests += [f"pm.test({js_string(operation_id + ': the refusal is a ' + options['problem'] + ' problem')}, function () {{",
                  "    pm.expect(json).to.include.all.keys('type', 'title', 'status', 'detail');",
                  f"    pm.expect(json.type).to.eql({js_string(options['problem'])});",
                  f"    pm.expect(json.status).to.eql({expected});",
                  "});"]
    if options.get("checks"):
        tests += [f"pm.test({js_string(title)}, function () {{"]
        tests += [f"    {check};" for check in options["checks"]]
        tests += ["});"]
    if options.get("save"):
        tests += [f"if (pm.response.code === {expected}) {{"]
        tests += [f"    pm.collectionVariables.set({js_string(name)}, {expression});"
                  for name, expression in options["save"].items()]
        tests += ["}"]

    headers = [{"key": "Accept", "value": "application/json, application/problem+json, */*"}]
    parameters = list(map(resolve, op.get("parameters", []) + SPEC["paths"][path].get("parameters", [])))
    extra = dict(options.get("headers", {}))
    if any(p["in"] == "header" and p["name"] == "Idempotency-Key" for p in parameters):
        extra.setdefault("Idempotency-Key", "{{$guid}}")
    headers += [{"key": key, "value": value} for key, value in extra.items()]
    content_type, body = example_body(op)
    if "body" in options:
        body = options["body"]
    raw = None
    if content_type:
        headers.append({"key": "Content-Type", "value": content_type})
        raw = raw_json(body) if content_type == "application/json" else body

    names = options.get("vars", {})
    url_path = re.sub(r"\{([A-Za-z]+)\}", lambda m: "{{" + names.get(m.group(1), m.group(1)) + "}}",
                      path).lstrip("/").split("/")
    path_variables.update(names.get(name, name) for name in re.findall(r"\{([A-Za-z]+)\}", path))
    query = [{"key": key, "value": value} for key, value in options.get("query", {}).items()]
    raw_url = "{{baseUrl}}/" + "/".join(url_path) + ("?" + "&".join(f"{q['key']}={q['value']}" for q in query)
                                                    if query else "")
    url = {"raw": raw_url, "host": ["{{baseUrl}}"], "path": url_path}
    if query:
        url["query"] = query
    description = (op.get("summary", "") + "\n\n" + op.get("description", "")).strip()
    if options.get("note"):
        description = options["note"] + "\n\n" + description
    request = {"method": method.upper(), "header": headers, "url": url, "description": description}
    if raw is not None:
        request["body"] = {"mode": "raw", "raw": raw}
    if options.get("anonymous"):
        request["auth"] = {"type": "noauth"}
    elif options.get("as_token"):
        request["auth"] = {"type": "bearer", "bearer": [{"key": "token", "value": "{{" + options["as_token"] + "}}",
                                                         "type": "string"}]}
    events = [{"listen": "test", "script": {"type": "text/javascript", "exec": tests}}]
    if options.get("prerequest"):
        events.insert(0, {"listen": "prerequest", "script": {"type": "text/javascript", "exec": options["prerequest"]}})
    items.append({"name": title, "event": events, "request": request})

defaults = {"token": "", "docsAsset": "swagger-ui.css", "problemType": "conflict",
            "webhookUrl": "https://example.org/konwent-webhook"}
saved = {name for *_, options in JOURNEY for name in options.get("save", {})}
saved |= set(re.findall(r"set\('([A-Za-z]+)'", "\n".join(SETUP)))
variables = sorted((path_variables | saved) - set(defaults))
collection = {
    "info": {"name": "Konwent API", "description": SPEC["info"]["description"] + "\n\n" + __doc__,
             "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
    "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{token}}", "type": "string"}]},
    "variable": [{"key": key, "value": value} for key, value in defaults.items()]
                + [{"key": name, "value": ""} for name in variables],
    "item": items,
}
(HERE / "konwent.postman_collection.json").write_text(
    json.dumps(collection, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
successes = sum(1 for _, _, expected, _ in JOURNEY if expected < 400)
print(f"{len(items)} requests for {len(OPERATIONS)} operations: {successes} expect a 2xx, "
      f"{len(items) - successes} a deliberate refusal")
