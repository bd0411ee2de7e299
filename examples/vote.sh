#!/usr/bin/env bash
# Prepare a resolution vote and open it (COUNCIL, SECRETARIAT or ADMIN): the members current now become its
# electors. Prints the vote's id.
# Usage: KONWENT_URL=… KONWENT_TOKEN=… examples/vote.sh KONWENT_ID "TITLE"
set -euo pipefail
. "$(dirname "$0")/lib.sh"
konwent=${1:?konwent id}
title=${2:?title}
vote=$(call POST "/konwents/$konwent/votes" '{"title": "'"$title"'", "kind": "POSITION",
  "text": "Konwent popiera stanowisko w sprawie finansowania CIS.", "secret": false, "majority": "SIMPLE"}' \
  -H "Idempotency-Key: vote-$konwent-$(key "$title")" | field id)
call POST "/konwents/$konwent/votes/$vote/opening" '' -H "Idempotency-Key: open-$vote" >/dev/null
echo "$vote"
