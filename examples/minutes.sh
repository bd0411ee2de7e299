#!/usr/bin/env bash
# Draw up the minutes of a HELD meeting (SECRETARIAT, COUNCIL or ADMIN): a PDF/A archived as the meeting's public
# MINUTES document, a new version each time; save the newest PDF as protokol-MEETING_ID.pdf and the results of the
# meeting's votes and elections (public) as wyniki-MEETING_ID.csv, spreadsheet-safe.
# Usage: KONWENT_URL=… KONWENT_TOKEN=… examples/minutes.sh KONWENT_ID MEETING_ID
set -euo pipefail
. "$(dirname "$0")/lib.sh"
konwent=${1:?konwent id}
meeting=${2:?meeting id}
minutes=$(call POST "/konwents/$konwent/meetings/$meeting/minutes" '')
document=$(printf '%s' "$minutes" | field id)
newest=$(printf '%s' "$minutes" | grep -o '"files":\[.*\]' | grep -o '"id":"[^"]*"' | tail -n 1 | sed 's/.*:"\(.*\)"/\1/')
curl -sS -o "protokol-$meeting.pdf" "$api/konwents/$konwent/documents/$document/files/$newest"
curl -sS -H 'Accept: text/csv' -o "wyniki-$meeting.csv" "$api/konwents/$konwent/meetings/$meeting/results"
echo "minutes: document $document, file $newest -> protokol-$meeting.pdf; results -> wyniki-$meeting.csv"
