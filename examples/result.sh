#!/usr/bin/env bash
# Close a vote (with --close; COUNCIL, SECRETARIAT or ADMIN) and read its result (public): while open only the
# turnout, after closing the counts, whether the quorum was reached and whether it was adopted.
# Usage: KONWENT_URL=… [KONWENT_TOKEN=…] examples/result.sh KONWENT_ID VOTE_ID [--close]
set -euo pipefail
. "$(dirname "$0")/lib.sh"
konwent=${1:?konwent id}
vote=${2:?vote id}
if [ "${3:-}" = --close ]; then
  call POST "/konwents/$konwent/votes/$vote/closing" '' -H "Idempotency-Key: close-$vote" >/dev/null
fi
KONWENT_TOKEN='' call GET "/konwents/$konwent/votes/$vote/result"
echo
