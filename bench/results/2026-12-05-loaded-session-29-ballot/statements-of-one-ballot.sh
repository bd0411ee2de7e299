#!/usr/bin/env bash
# statements of a few ballots in the MariaDB general log, only this server's connections
# usage: statements-of-one-ballot.sh <outdir>   env: DB_URL_OPTS
set -euo pipefail
cd "$(dirname "$0")/../../.."
out=$1; mkdir -p "$out"
jar=konwent-app/target/konwent.jar
port=18680; admin_port=18681
api=http://127.0.0.1:$port/api/v1
password=bench-admin-password-$RANDOM$RANDOM
database=konwent_s29g_$(date +%s)_$$
work=$(mktemp -d -t s29g.XXXXXX)
bench() { java -cp "$jar" bench/Bench.java "$@"; }
server_pid=
my() { mariadb -h127.0.0.1 -uroot -N "$@"; }
cleanup() { rc=$?; my -e "SET GLOBAL general_log=0" || true; [ -n "$server_pid" ] && { kill $server_pid; wait $server_pid 2>/dev/null || true; }; bench dropdb jdbc:mysql://127.0.0.1:3306/ $database || true; rm -rf "$work"; exit $rc; }
trap cleanup EXIT
bench createdb jdbc:mysql://127.0.0.1:3306/ $database
KONWENT_PORT=$port KONWENT_ADMIN_PORT=$admin_port KONWENT_ADMIN_HOST=127.0.0.1 \
  KONWENT_DATA_DIR=$work/data KONWENT_ADMIN_PASSWORD=$password KONWENT_BCRYPT_COST=10 \
  KONWENT_MAX_DECLARATIONS_PER_HOUR=1000000 KONWENT_MIGRATE_ON_START=true KONWENT_REQUEST_LOG_LEVEL=OFF KONWENT_LOG_LEVEL=WARN \
  KONWENT_DATABASE_URL="jdbc:mysql://127.0.0.1:3306/$database${DB_URL_OPTS:-}" KONWENT_DATABASE_USER=root KONWENT_DATABASE_PASSWORD= \
  java -Ddw.server.applicationConnectors[0].bindHost=127.0.0.1 -jar "$jar" server >"$out/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 2400); do [ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' $api)" = 200 ] && break; sleep 0.05; done
bench setup $api $password $out/setup.json g-a:1 >/dev/null
token=$(jq -r .token $out/setup.json)
member=$(jq -r '.templateMembers["g-a"]' $out/setup.json)
bench voice $api $token g-a 1 $out/voice.txt
voice=$(head -1 $out/voice.txt)
base=$api/konwents/g-a
# two votes so the same member casts twice (a warm-up ballot, then the logged one)
v1=$(curl -s -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"title":"a","kind":"MOTION","text":"t","secret":false,"majority":"SIMPLE"}' $base/votes | jq -r .id)
v2=$(curl -s -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"title":"b","kind":"MOTION","text":"t","secret":'${SECRET:-false}',"majority":"SIMPLE"}' $base/votes | jq -r .id)
curl -s -o /dev/null -X POST -H "Authorization: Bearer $token" $base/votes/$v1/opening
curl -s -o /dev/null -X POST -H "Authorization: Bearer $token" $base/votes/$v2/opening
curl -s -o /dev/null -w '%{http_code}\n' -X POST -H "Authorization: Bearer $voice" -H 'Content-Type: application/json' -d "{\"memberId\":\"$member\",\"choice\":\"FOR\"}" $base/votes/$v1/ballots
sleep 0.5
my -e "SET GLOBAL log_output='TABLE'; TRUNCATE mysql.general_log; SET GLOBAL general_log=1"
curl -s -o /dev/null -w '%{http_code}\n' -X POST -H "Authorization: Bearer $voice" -H 'Content-Type: application/json' -d "{\"memberId\":\"$member\",\"choice\":\"FOR\"}" $base/votes/$v2/ballots
sleep 0.3
my -e "SET GLOBAL general_log=0"
ids=$(my -e "SELECT GROUP_CONCAT(id) FROM information_schema.processlist WHERE db='$database'")
my -e "SELECT thread_id, command_type, LEFT(REPLACE(argument,'\n',' '),220) FROM mysql.general_log WHERE thread_id IN ($ids) ORDER BY event_time" > $out/statements.txt
cat $out/statements.txt
echo "statements: $(wc -l < $out/statements.txt)"
