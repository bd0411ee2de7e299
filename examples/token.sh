#!/usr/bin/env bash
# Obtain a bearer token: prints it. Use it as KONWENT_TOKEN for the other scripts; it works for
# KONWENT_TOKEN_LIFETIME (12 hours by default) or until `DELETE /api/v1/tokens/current`.
# Usage: KONWENT_URL=http://localhost:8080 examples/token.sh USERNAME PASSWORD
set -euo pipefail
. "$(dirname "$0")/lib.sh"
username=${1:?username}
password=${2:?password}
KONWENT_TOKEN='' call POST /tokens "{\"username\": \"$username\", \"password\": \"$password\"}" | field token
