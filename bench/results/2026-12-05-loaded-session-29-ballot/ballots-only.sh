#!/usr/bin/env bash
# The ballot path only (session 29): setup, seed, 64 voices, a warm-up burst and a measured burst (JFR with "jfr"), the bare floor.
# usage: ballots-only.sh <outdir> [jfr]   env: JAVA_OPTS_EXTRA, DB_URL_OPTS (appended to the server's jdbc url), KEEP=1
set -euo pipefail
cd "${TREE:-$(dirname "$0")/../../..}"   # the repository (TREE: another checkout, e.g. the "before" commit)
out=$1; jfr=${2:-}
mkdir -p "$out"
jar=konwent-app/target/konwent.jar
port=18580; admin_port=18581
api=http://127.0.0.1:$port/api/v1
password=bench-admin-password-$RANDOM$RANDOM
database=konwent_s29_$(date +%s)_$$
work=$(mktemp -d -t s29.XXXXXX)
bench() { java -cp "$jar" bench/Bench.java "$@"; }
server_pid=
stop_server() { if [ -n "$server_pid" ]; then kill $server_pid 2>/dev/null || true; for _ in $(seq 100); do kill -0 $server_pid 2>/dev/null || break; sleep 0.1; done; kill -9 $server_pid 2>/dev/null || true; wait $server_pid 2>/dev/null || true; fi; server_pid=; }
cleanup() { rc=$?; stop_server; [ -n "${KEEP:-}" ] || bench dropdb jdbc:mysql://127.0.0.1:3306/ $database || true; rm -rf "$work"; exit $rc; }
trap cleanup EXIT
db_url="jdbc:mysql://127.0.0.1:3306/$database${DB_URL_OPTS:-}"
start_server() {
  KONWENT_PORT=$port KONWENT_ADMIN_PORT=$admin_port KONWENT_ADMIN_HOST=127.0.0.1 \
  KONWENT_DATA_DIR=$work/data KONWENT_ADMIN_PASSWORD=$password KONWENT_BCRYPT_COST=10 \
  KONWENT_MAX_DECLARATIONS_PER_HOUR=1000000 KONWENT_MIGRATE_ON_START=true KONWENT_REQUEST_LOG_LEVEL=OFF KONWENT_LOG_LEVEL=WARN \
  KONWENT_DATABASE_URL=$db_url KONWENT_DATABASE_USER=root KONWENT_DATABASE_PASSWORD= \
    java ${1:-} -Ddw.server.applicationConnectors[0].bindHost=127.0.0.1 -jar "$jar" server >"$out/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 2400); do [ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' $api)" = 200 ] && return 0; kill -0 $server_pid || exit 1; sleep 0.05; done; exit 1
}
clk=$(getconf CLK_TCK)
cpu_ms() { awk -v t=$clk '{print ($14 + $15) * 1000 / t}' /proc/$1/stat; }
echo "$database" > "$out/database"
bench createdb jdbc:mysql://127.0.0.1:3306/ $database
start_server
bench setup $api $password $out/setup.json bench-1k:1000 bench-tally:1
token=$(sed -n 's/.*"token" : "\([^"]*\)".*/\1/p' $out/setup.json)
stop_server
bench seed "jdbc:mysql://127.0.0.1:3306/$database?rewriteBatchedStatements=true" root "" $out/seed.json bench-tally 10 bench-1k:1000
opts="${JAVA_OPTS_EXTRA:-}"
true
start_server "$opts"
echo "server pid $server_pid" > $out/pid
# the token is the ADMIN's; a fresh token after restart is not needed (tokens are stored)
dbpid=$(pgrep -x mariadbd | head -1)
bench voice $api $token bench-1k 64 $out/voices-1k.txt
for round in warm measured; do
  [ -n "$jfr" ] && [ $round = measured ] && jcmd $server_pid JFR.start name=burst settings=profile >/dev/null
  s0=$(cpu_ms $server_pid); d0=$(cpu_ms $dbpid); l0=$(cut -d' ' -f1 /proc/loadavg); t0=$(date +%T)
  bench burst $api $token $out/voices-1k.txt bench-1k 64 $out/burst-$round.json
  s1=$(cpu_ms $server_pid); d1=$(cpu_ms $dbpid); l1=$(cut -d' ' -f1 /proc/loadavg); t1=$(date +%T)
  [ -n "$jfr" ] && [ $round = measured ] && jcmd $server_pid JFR.dump name=burst filename=$out/burst.jfr >/dev/null
  echo "$round $t0..$t1 server_cpu_ms=$(awk -v a=$s0 -v b=$s1 'BEGIN{print b-a}') db_cpu_ms=$(awk -v a=$d0 -v b=$d1 'BEGIN{print b-a}') load=$l0..$l1" | tee -a $out/cpu.txt
done
stop_server
bench bareballot "jdbc:mysql://127.0.0.1:3306/$database?rewriteBatchedStatements=true" root "" bench-1k 64 $out/bare-ballot.json
echo "load at end $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a $out/cpu.txt
