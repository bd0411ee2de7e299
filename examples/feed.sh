#!/usr/bin/env bash
# Read a konwent's public feed as a regional portal does: JSON Feed 1.1 (or Atom with --atom), then ask again
# with the ETag it carried: an unchanged feed answers 304 with no body. Prints the feed, then the second status.
# Usage: KONWENT_URL=… examples/feed.sh KONWENT_ID [--atom]
set -euo pipefail
. "$(dirname "$0")/lib.sh"
konwent=${1:?konwent id}
feed="$api/konwents/$konwent/feed.json"
[ "${2:-}" = --atom ] && feed="$api/konwents/$konwent/feed.atom"
headers=$(mktemp)
trap 'rm -f "$headers"' EXIT
curl -sSf -D "$headers" "$feed"
echo
etag=$(tr -d '\r' < "$headers" | sed -n 's/^etag: //Ip')
curl -sS -o /dev/null -w 'unchanged: %{http_code}\n' -H "If-None-Match: $etag" "$feed"
