#!/usr/bin/env bash
# Decide a declaration: ACCEPTED makes the member. The council decides, or the DEPARTMENT (or an ADMIN) while
# the konwent has no council yet. Prints the new member's id (nothing when REJECTED).
# Usage: KONWENT_URL=… KONWENT_TOKEN=… examples/decision.sh KONWENT_ID DECLARATION_ID [ACCEPTED|REJECTED] [REASON]
set -euo pipefail
. "$(dirname "$0")/lib.sh"
konwent=${1:?konwent id}
declaration=${2:?declaration id}
outcome=${3:-ACCEPTED}
reason=${4:-Deklaracja kompletna}
call POST "/konwents/$konwent/declarations/$declaration/decision" \
  "{\"outcome\": \"$outcome\", \"reason\": \"$reason\"}" -H "Idempotency-Key: decision-$declaration" | field memberId
