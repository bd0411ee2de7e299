# Helpers the journey scripts share; source it. Needs bash and curl, nothing else.
# KONWENT_URL (default http://localhost:8080) is the server; KONWENT_TOKEN, when set, is sent as the bearer token.
api="${KONWENT_URL:-http://localhost:8080}/api/v1"

# call METHOD PATH [BODY] [curl options…]: prints the body; on an HTTP error prints the problem and fails
call() {
  local method=$1 path=$2 body=${3:-}
  shift $(( $# < 3 ? $# : 3 ))
  local args=(-sS -X "$method" -H 'Content-Type: application/json' -w '\n%{http_code}' "$@")
  [ -n "${KONWENT_TOKEN:-}" ] && args+=(-H "Authorization: Bearer $KONWENT_TOKEN")
  [ -n "$body" ] && args+=(-d "$body")
  local reply status
  reply=$(curl "${args[@]}" "$api$path")
  status=${reply##*$'\n'}
  reply=${reply%$'\n'*}
  if [ "$status" -ge 400 ]; then
    echo "$method $path -> $status $reply" >&2
    return 1
  fi
  printf '%s' "$reply"
}

# field NAME: the first string field NAME of the JSON on standard input (the server writes compact JSON)
field() { grep -o "\"$1\":\"[^\"]*\"" | head -n 1 | sed 's/.*:"\(.*\)"/\1/'; }

# key TEXT…: an Idempotency-Key made from any text (keys are visible ASCII, at most 200 characters)
key() { printf '%s' "$*" | cksum | cut -d' ' -f1; }
