#!/usr/bin/env bash
# Cast a member's ballot in an open vote (its REPRESENTATIVE): prints the ballot. A second ballot of the same
# member is a 409; a retry with the same Idempotency-Key gets the first answer.
# Usage: KONWENT_URL=… KONWENT_TOKEN=… examples/ballot.sh KONWENT_ID VOTE_ID MEMBER_ID FOR|AGAINST|ABSTAIN
set -euo pipefail
. "$(dirname "$0")/lib.sh"
konwent=${1:?konwent id}
vote=${2:?vote id}
member=${3:?member id}
choice=${4:?FOR, AGAINST or ABSTAIN}
call POST "/konwents/$konwent/votes/$vote/ballots" "{\"memberId\": \"$member\", \"choice\": \"$choice\"}" \
  -H "Idempotency-Key: ballot-$vote-$member"
echo
