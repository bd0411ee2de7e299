#!/usr/bin/env bash
# The main journeys, one after another, with the scripts beside this one: the first ADMIN obtains a token and
# founds a konwent; an organisation submits its declaration; the ADMIN accepts it (no council yet) and gives the
# new member a REPRESENTATIVE account; a vote is opened; the representative casts the member's ballot; the vote
# is closed and its result read; the konwent's feed shows the new member. Safe to run again.
# Usage: KONWENT_URL=http://localhost:8080 KONWENT_ADMIN_PASSWORD=… examples/journey.sh [KONWENT_ID]
set -euo pipefail
here=$(dirname "$0")
. "$here/lib.sh"
konwent=${1:-pomorski}

KONWENT_TOKEN=$("$here/token.sh" admin "${KONWENT_ADMIN_PASSWORD:?set KONWENT_ADMIN_PASSWORD}")
export KONWENT_TOKEN
echo "token: obtained"
call POST /konwents '{"id": "'"$konwent"'", "name": "Konwent CIS i KIS Województwa Pomorskiego"}' \
  -H "Idempotency-Key: found-$konwent" >/dev/null
echo "konwent: $konwent"

declaration=$(KONWENT_TOKEN='' "$here/declaration.sh" "$konwent" "Centrum Integracji Społecznej w Gdyni" Gdynia)
echo "declaration: $declaration"
member=$("$here/decision.sh" "$konwent" "$declaration" ACCEPTED)
echo "member: $member"

# the account of the person the declaration names as the member's representative (rule A2: matched by e-mail)
account=$(call POST /accounts '{"username": "przedstawiciel-'"$konwent"'", "password": "haslo-przedstawiciela",
  "displayName": "Anna Nowak", "email": "anna@example.pl"}' -H "Idempotency-Key: account-przedstawiciel-$konwent" | field id)
call POST "/accounts/$account/roles" '{"konwentId": "'"$konwent"'", "role": "REPRESENTATIVE", "memberId": "'"$member"'"}' \
  -H "Idempotency-Key: role-przedstawiciel-$konwent" >/dev/null
representative=$("$here/token.sh" "przedstawiciel-$konwent" haslo-przedstawiciela)

vote=$("$here/vote.sh" "$konwent" "Stanowisko w sprawie finansowania CIS")
echo "vote: $vote"
echo "ballot: $(KONWENT_TOKEN=$representative "$here/ballot.sh" "$konwent" "$vote" "$member" FOR)"
echo "result: $("$here/result.sh" "$konwent" "$vote" --close)"
echo "feed: $("$here/feed.sh" "$konwent")"
