#!/usr/bin/env bash
# Submit a membership declaration (anyone may, no credentials needed): prints the declaration's id.
# Usage: KONWENT_URL=… examples/declaration.sh KONWENT_ID "MEMBER NAME" TOWN
set -euo pipefail
. "$(dirname "$0")/lib.sh"
konwent=${1:?konwent id}
name=${2:?member name}
town=${3:?town}
KONWENT_TOKEN='' call POST "/konwents/$konwent/declarations" '{
  "memberName": "'"$name"'", "kind": "CIS",
  "address": {"street": "ul. Przykładowa 1", "postalCode": "62-045", "town": "'"$town"'", "voivodeship": "30"},
  "phone": "+48 61 000 00 00", "email": "cis@example.pl",
  "foundingInstitution": {"name": "Gmina '"$town"'",
                          "address": {"street": "ul. Urzędowa 1", "postalCode": "62-045", "town": "'"$town"'"}},
  "representatives": [{"name": "Anna Nowak", "email": "anna@example.pl"}],
  "signedBy": "Jan Kowalski", "signedOn": "2011-03-15"}' -H "Idempotency-Key: declaration-$konwent-$(key "$name")" | field id
