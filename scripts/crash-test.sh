#!/usr/bin/env bash
# Crash test (issue 3, "Must show"): under load, kill the server with SIGKILL ten times and restart
# it; afterwards `fenquan verify` must pass and every action the clients saw acknowledged must be in
# the database. Loopback only (127.0.0.1), bounded in time (about KILLS × INTERVAL + 2 minutes).
#
#   scripts/crash-test.sh [DATA_DIR]          # default: a new folder under /tmp
#   KILLS=10 INTERVAL=8 PORT=5190 CLIENTS=32 NO_BUILD=1 scripts/crash-test.sh
#
# The server runs from its Release build (`dotnet Fenquan.Web.dll`, not `dotnet run`, so the SIGKILL
# hits the server process itself). The load tool (bench/Fenquan.Load, --mode crash) writes each
# acknowledged matter and action id to acked.txt the moment it hears OK; the check compares them
# with the matters and matter_actions tables using sqlite3.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${1:-$(mktemp -d /tmp/fenquan-crash-XXXXXX)}
PORT=${PORT:-5190}
KILLS=${KILLS:-10}
INTERVAL=${INTERVAL:-8}
CLIENTS=${CLIENTS:-32}
URL="http://127.0.0.1:$PORT"
ACKED="$DATA/acked.txt"
LOG="$DATA/crash-test.log"
mkdir -p "$DATA"
: > "$ACKED"

if [[ -z "${NO_BUILD:-}" ]]; then
  dotnet build -c Release "$ROOT/src/Fenquan.Web" -v q -nologo >/dev/null
  dotnet build -c Release "$ROOT/bench/Fenquan.Load" -v q -nologo >/dev/null
  dotnet build -c Release "$ROOT/src/Fenquan.Cli" -v q -nologo >/dev/null
fi

SERVER_PID=
LOAD_PID=
start_server() {
  (cd "$ROOT/src/Fenquan.Web" && Logging__LogLevel__Default=Warning exec dotnet bin/Release/net10.0/Fenquan.Web.dll \
     --data "$DATA" --urls "$URL" --Fenquan:SignInPermitsPerAddress=1000000) >>"$LOG" 2>&1 &
  SERVER_PID=$!
}
wait_up() {
  for _ in $(seq 1 240); do
    if curl -fsS -o /dev/null "$URL/account/signin" 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "server did not come up; see $LOG" >&2; return 1
}
cleanup() {
  [[ -n "$LOAD_PID" ]] && kill "$LOAD_PID" 2>/dev/null || true
  [[ -n "$SERVER_PID" ]] && kill -9 "$SERVER_PID" 2>/dev/null || true
}
trap cleanup EXIT

echo "data: $DATA; $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
start_server
wait_up
DURATION=$(( KILLS * (INTERVAL + 40) + 120 ))  # restarts take a while on a loaded machine; the tool is stopped at the end anyway
dotnet "$ROOT/bench/Fenquan.Load/bin/Release/net10.0/Fenquan.Load.dll" --url "$URL" --data "$DATA" --mode crash \
  --clients "$CLIENTS" --seconds "$DURATION" --acked "$ACKED" >"$DATA/load.log" 2>&1 &
LOAD_PID=$!

for i in $(seq 1 "$KILLS"); do
  sleep "$INTERVAL"
  before=$(wc -l < "$ACKED")
  kill -9 "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  echo "kill $i: SIGKILL after $before acknowledged ids"
  start_server
  wait_up
done

sleep "$INTERVAL"
kill "$LOAD_PID" 2>/dev/null || true; wait "$LOAD_PID" 2>/dev/null || true; LOAD_PID=
kill -9 "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=
tail -2 "$DATA/load.log"

echo "fenquan verify:"
set +e
dotnet "$ROOT/src/Fenquan.Cli/bin/Release/net10.0/fenquan.dll" verify --data "$DATA" > "$DATA/verify.log" 2>&1
verify=$?
set -e
tail -5 "$DATA/verify.log"

# Every acknowledged id must be stored (ids compared case-insensitively: SQLite keeps Guids as upper-case text).
sqlite3 "$DATA/fenquan.db" "SELECT lower(Id) FROM matters; SELECT lower(Id) FROM matter_actions;" | sort -u > "$DATA/stored.txt"
awk '{print tolower($2)}' "$ACKED" | sort -u > "$DATA/acked-ids.txt"
missing=$(comm -23 "$DATA/acked-ids.txt" "$DATA/stored.txt" | wc -l)
acked=$(wc -l < "$DATA/acked-ids.txt")
echo "acknowledged: $acked ids ($(grep -c '^matter' "$ACKED" || true) matters, $(grep -c '^action' "$ACKED" || true) actions); missing from the database: $missing"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ "$verify" -ne 0 || "$missing" -ne 0 || "$acked" -eq 0 ]]; then
  echo "CRASH TEST FAILED"; exit 1
fi
echo "CRASH TEST PASSED: $KILLS SIGKILLs, verify passed, all $acked acknowledged ids present"
