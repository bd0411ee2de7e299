#!/usr/bin/env bash
# The founding of the national konwent over HTTP, from the list of seed 002: the first ADMIN founds the konwent
# "krajowy" and makes the department's account; the department enters the 43 declarations of the CIS/KIS (in
# 2011 the signed forms were posted to it, seed 003 §V) and, deciding while there is no council yet (M2), accepts
# each one; the register is exported as CSV. Every command carries an Idempotency-Key, so the script can be run
# again after an interruption without doubling anything. Needs bash and curl.
#
# Usage: KONWENT_URL=http://localhost:8080 KONWENT_ADMIN_PASSWORD=… [KONWENT_ID=krajowy] examples/founding.sh [out.csv]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
admin_password="${KONWENT_ADMIN_PASSWORD:?set KONWENT_ADMIN_PASSWORD}"
konwent="${KONWENT_ID:-krajowy}"
department_password="haslo-departamentu-$konwent"
out="${1:-register-$konwent.csv}"

# call METHOD PATH [BODY] [curl options…], shared with the journey scripts; this script signs in with -u, not a token
unset KONWENT_TOKEN
source "$here/lib.sh"
# the "id" of the JSON object on standard input (the first "id" is the object's own in every reply used here)
id_of() { sed -n 's/^{"id":"\([^"]*\)".*/\1/p'; }
# a JSON string literal
json() { local text=${1//\\/\\\\}; printf '"%s"' "${text//\"/\\\"}"; }

admin=(-u "admin:$admin_password")
# founded only if it is not there yet (README's example founds krajowy too, with another body and key)
if ! curl -sf -o /dev/null "$api/konwents/$konwent"; then
  call POST /konwents '{"id": "'"$konwent"'", "name": "Konwent Centrów i Klubów Integracji Społecznej"}' \
    "${admin[@]}" -H "Idempotency-Key: found-$konwent" >/dev/null
fi
department=$(call POST /accounts '{"username": "departament-'"$konwent"'", "password": "'"$department_password"'",
  "displayName": "Departament Pomocy i Integracji Społecznej"}' "${admin[@]}" \
  -H "Idempotency-Key: account-departament-$konwent" | id_of)
call POST "/accounts/$department/roles" '{"konwentId": "'"$konwent"'", "role": "DEPARTMENT"}' "${admin[@]}" \
  -H "Idempotency-Key: role-departament-$konwent" >/dev/null
dep=(-u "departament-$konwent:$department_password")

count=0
while IFS=';' read -r name kind town voivodeship email note; do
  case "$name" in ''|'#'*) continue ;; esac
  count=$((count + 1))
  body='{"memberName": '"$(json "$name")"', "kind": "'"$kind"'",
    "address": {"street": "ul. Społeczna '"$count"'", "postalCode": "'"$(printf '%s-%03d' "$voivodeship" "$count")"'",
                "town": '"$(json "$town")"', "voivodeship": "'"$voivodeship"'"},
    "phone": "'"$(printf '+48 22 600 %02d %02d' $((count / 100)) $((count % 100)))"'", "email": '"$(json "$email")"',
    "foundingInstitution": {"name": '"$(json "Instytucja tworząca: $town")"',
                            "address": {"street": "ul. Urzędowa 1", "postalCode": "'"$voivodeship"'-000",
                                        "town": '"$(json "$town")"'}},
    "representatives": [{"name": "Przedstawiciel '"$count"'", "email": '"$(json "$email")"'}],
    "signedBy": "Kierownik '"$count"'", "signedOn": "'"$(printf '2011-03-%02d' $((1 + count % 28)))"'"}'
  declaration=$(call POST "/konwents/$konwent/declarations" "$body" -H "Idempotency-Key: declaration-$konwent-$count" \
    "${dep[@]}" | id_of)
  call POST "/konwents/$konwent/declarations/$declaration/decision" \
    '{"outcome": "ACCEPTED", "reason": "Deklaracja kompletna (Konwent, 14 października 2011)"}' "${dep[@]}" \
    -H "Idempotency-Key: decision-$declaration" >/dev/null
done < "$here/seed-002-founding-members.csv"

curl -sSf "${dep[@]}" -H 'Accept: text/csv' "$api/konwents/$konwent/members?status=ACTIVE" -o "$out"
echo "Founded konwent '$konwent': $count declarations accepted; register exported to $out"
