#!/usr/bin/env bash
# Load benchmark (issue 3): the real Fenquan.Web server on loopback, 32 concurrent clients.
#   bench/run-load.sh                 # SQLite (WAL, synchronous=FULL) in a new data folder
#   bench/run-load.sh postgres        # a throwaway PostgreSQL (initdb + pg_ctl in a temp folder, fsync on)
#   MATTERS=10000 CLIENTS=32 PORT=5181 NO_BUILD=1 bench/run-load.sh
#   The approval actions are driven by Debian's wrk when it is installed (LOAD_TOOL=dotnet for the
#   .NET client instead): wrk costs the two shared cores far less per request than HttpClient.
#   A warm-up round of WARMUP matters (default 10000) runs first and is not counted: a freshly started
#   server spends about a third of its CPU for several seconds recompiling hot code (tiered JIT).
#   bench/run-load.sh followup        # the public follow-up page, 100 concurrent citizens (CLIENTS_FOLLOWUP, REQUESTS, WARMUP)
#   bench/run-load.sh scale           # the workbench at 1,000,000 matters (SQLite), read-only figures
#   SCALE_MATTERS=1000000 SCALE_DATA=/tmp/fenquan-scale bench/run-load.sh scale
#   SCALE_DATA=/tmp/fenquan-scale bench/run-load.sh search  # filtered searches of the matter list (issue 14) on the scale folder
#   SCALE_DATA=/tmp/fenquan-scale bench/run-load.sh home    # the home pages (GET /) of principal, discipline member, county administrator
#   SCALE_DATA=/tmp/fenquan-scale bench/run-load.sh ledger  # a matter's ledger view (page and API, inclusion proofs from tiles, issue 13)
#   SCALE_DATA=/tmp/fenquan-scale bench/run-load.sh mixed   # the same pages while 32 clients submit into u1
#     The data folder is kept and reused: made once by the server's first start (demo county and
#     its sign-ins), then `fenquan demo --bulk --matters $MATTERS` adds the matters in ledgered batches.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MATTERS=${MATTERS:-10000}
CLIENTS=${CLIENTS:-32}
PORT=${PORT:-5181}
DATA=$(mktemp -d /tmp/fenquan-load-XXXXXX)
if [[ -z "${NO_BUILD:-}" ]]; then
  dotnet build -c Release "$ROOT/src/Fenquan.Web" -v q -nologo >/dev/null
  dotnet build -c Release "$ROOT/bench/Fenquan.Load" -v q -nologo >/dev/null
fi
if [[ "${1:-sqlite}" == "mixed" ]]; then
  # The workbench at scale while 32 clients submit WRITES matters into the same unit (u1): run
  # `bench/run-load.sh scale` once first to make the data folder. Each run adds WRITES pending matters.
  rmdir "$DATA"
  DATA=${SCALE_DATA:-/tmp/fenquan-scale-${SCALE_MATTERS:-1000000}}
  [[ -f "$DATA/fenquan.db" ]] || { echo "No data folder at $DATA: run bench/run-load.sh scale first."; exit 2; }
  LOAD="$ROOT/bench/Fenquan.Load/bin/Release/net10.0/Fenquan.Load.dll"
  dotnet "$ROOT/src/Fenquan.Web/bin/Release/net10.0/Fenquan.Web.dll" --data "$DATA" --urls "http://127.0.0.1:$PORT" \
    --Fenquan:SignInPermitsPerAddress=1000000 >"$DATA/mixed-server.log" 2>&1 &
  WEB=$!
  trap 'kill "$WEB" 2>/dev/null || true' EXIT
  until grep -q "listening on" "$DATA/mixed-server.log"; do sleep 1; done
  echo "$(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg); data $DATA"
  dotnet "$LOAD" --url "http://127.0.0.1:$PORT" --data "$DATA" --matters "${WRITES:-8000}" --clients 32 --workbench 0 \
    --seconds 600 >"$DATA/mixed-writes.log" 2>&1 &
  WRITER=$!
  sleep 4
  dotnet "$LOAD" --url "http://127.0.0.1:$PORT" --data "$DATA" --mode workbench --clients 4 --seconds 600 --workbench "${SAMPLES:-60}"
  grep -m1 "^submit" "$DATA/mixed-writes.log" || true
  kill "$WRITER" 2>/dev/null || true
  exit 0
fi
if [[ "${1:-sqlite}" == "scale" ]]; then
  [[ -z "${NO_BUILD:-}" ]] && dotnet build -c Release "$ROOT/src/Fenquan.Cli" -v q -nologo >/dev/null
  rmdir "$DATA"
  MATTERS=${SCALE_MATTERS:-1000000}
  DATA=${SCALE_DATA:-/tmp/fenquan-scale-$MATTERS}
  if [[ ! -f "$DATA/fenquan.db" ]]; then
    mkdir -p "$DATA"
    dotnet "$ROOT/src/Fenquan.Web/bin/Release/net10.0/Fenquan.Web.dll" --data "$DATA" --urls "http://127.0.0.1:$PORT" >"$DATA/first-start.log" 2>&1 &
    WEB=$!
    until grep -q "listening on" "$DATA/first-start.log"; do sleep 1; done
    kill "$WEB"; wait "$WEB" || true
    dotnet "$ROOT/src/Fenquan.Cli/bin/Release/net10.0/fenquan.dll" demo --bulk --matters "$MATTERS" --data "$DATA" | tail -4
  fi
  echo "$(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg); data $DATA"
  echo "matters: $(sqlite3 "$DATA/fenquan.db" 'SELECT count(*) FROM matters') ($(sqlite3 "$DATA/fenquan.db" "SELECT count(*) FROM matters WHERE State = 'Pending'") pending), ledger entries: $(sqlite3 "$DATA/fenquan.db" 'SELECT count(*) FROM ledger_entries'), database: $(du -sh "$DATA/fenquan.db" | cut -f1)"
  exec dotnet "$ROOT/bench/Fenquan.Load/bin/Release/net10.0/Fenquan.Load.dll" --start --data "$DATA" --port "$PORT" \
    --mode workbench --clients 4 --seconds 900 --workbench "${SAMPLES:-200}"
fi
if [[ "${1:-sqlite}" == "search" ]]; then
  # Filtered searches of u1's matters (issue 14) on the folder `bench/run-load.sh scale` made.
  rmdir "$DATA"
  DATA=${SCALE_DATA:-/tmp/fenquan-scale-${SCALE_MATTERS:-1000000}}
  [[ -f "$DATA/fenquan.db" ]] || { echo "No data folder at $DATA: run bench/run-load.sh scale first."; exit 2; }
  echo "$(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg); data $DATA"
  echo "matters: $(sqlite3 "$DATA/fenquan.db" 'SELECT count(*) FROM matters')"
  exec dotnet "$ROOT/bench/Fenquan.Load/bin/Release/net10.0/Fenquan.Load.dll" --start --data "$DATA" --port "$PORT" \
    --mode search --clients 4 --seconds 900 --workbench "${SAMPLES:-100}"
fi
if [[ "${1:-sqlite}" == "home" ]]; then
  # The home pages (issue 14: the landing page after sign-in) on the folder `bench/run-load.sh scale` made.
  rmdir "$DATA"
  DATA=${SCALE_DATA:-/tmp/fenquan-scale-${SCALE_MATTERS:-1000000}}
  [[ -f "$DATA/fenquan.db" ]] || { echo "No data folder at $DATA: run bench/run-load.sh scale first."; exit 2; }
  echo "$(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg); data $DATA"
  exec dotnet "$ROOT/bench/Fenquan.Load/bin/Release/net10.0/Fenquan.Load.dll" --start --data "$DATA" --port "$PORT" \
    --mode home --clients 4 --seconds 900 --workbench "${SAMPLES:-100}"
fi
if [[ "${1:-sqlite}" == "ledger" ]]; then
  # The ledger view of random matters of u1 (issue 13) on the folder `bench/run-load.sh scale` made:
  # matters the ledger recorded, and matters picked from all of u1's (bulk rows are mostly unledgered).
  rmdir "$DATA"
  DATA=${SCALE_DATA:-/tmp/fenquan-scale-${SCALE_MATTERS:-1000000}}
  [[ -f "$DATA/fenquan.db" ]] || { echo "No data folder at $DATA: run bench/run-load.sh scale first."; exit 2; }
  IDS=$(mktemp /tmp/fenquan-ledger-ids-XXXXXX)
  UNIT="(SELECT UnitId FROM memberships WHERE PersonId = (SELECT PersonId FROM AspNetUsers WHERE UserName = 'u1.principal1') LIMIT 1)"
  sqlite3 -separator $'\t' "$DATA/fenquan.db" \
    "SELECT 'ledgered matters', m.Id FROM matters m WHERE m.UnitId = $UNIT AND EXISTS (SELECT 1 FROM ledger_entries e WHERE e.CountyId = m.CountyId AND e.SubjectType = 'Matter' AND e.SubjectId = m.Id) ORDER BY random() LIMIT 200;
     SELECT 'any matters', m.Id FROM matters m WHERE m.UnitId = $UNIT ORDER BY random() LIMIT 200;" >"$IDS"
  echo "$(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg); data $DATA; ledger entries: $(sqlite3 "$DATA/fenquan.db" 'SELECT count(*) FROM ledger_entries')"
  exec dotnet "$ROOT/bench/Fenquan.Load/bin/Release/net10.0/Fenquan.Load.dll" --start --data "$DATA" --port "$PORT" \
    --mode ledger --clients 4 --seconds 900 --workbench "${SAMPLES:-200}" --ids "$IDS"
fi
if [[ "${1:-sqlite}" == "followup" ]]; then
  # The public follow-up page (issue 17): 100 applications through the public form, then CLIENTS
  # (default 100) concurrent citizens POST /public/follow-up; REQUESTS measured after WARMUP.
  echo "$(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg); data $DATA"
  exec dotnet "$ROOT/bench/Fenquan.Load/bin/Release/net10.0/Fenquan.Load.dll" --start --data "$DATA" --port "$PORT" \
    --mode followup --clients "${CLIENTS_FOLLOWUP:-100}" --matters "${REQUESTS:-20000}" --warmup "${WARMUP:-5000}" --seconds 600 \
    $([[ "${LOAD_TOOL:-wrk}" == "wrk" ]] && command -v wrk >/dev/null && echo --wrk)
fi
DB_ARGS=()
if [[ "${1:-sqlite}" == "postgres" ]]; then
  PGDIR="$DATA/pg"; PGPORT=${PGPORT:-55432}
  AS=(); if [[ $(id -u) -eq 0 ]]; then AS=(runuser -u postgres --); mkdir -p "$PGDIR"; chown postgres "$PGDIR"; chmod 755 "$DATA"; fi
  "${AS[@]}" initdb -D "$PGDIR/data" -U fenquan --auth=trust -E UTF8 >/dev/null
  "${AS[@]}" pg_ctl -D "$PGDIR/data" -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c max_connections=200" -l "$PGDIR/pg.log" -w start >/dev/null
  trap '"${AS[@]}" pg_ctl -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true' EXIT
  createdb -h 127.0.0.1 -p "$PGPORT" -U fenquan fenquan
  DB_ARGS=(--db "Host=127.0.0.1;Port=$PGPORT;Username=fenquan;Database=fenquan;Maximum Pool Size=100")
fi
WRK_ARGS=()
if [[ "${LOAD_TOOL:-wrk}" == "wrk" ]] && command -v wrk >/dev/null; then WRK_ARGS=(--wrk); fi
echo "$(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg); data $DATA"
dotnet "$ROOT/bench/Fenquan.Load/bin/Release/net10.0/Fenquan.Load.dll" --start --data "$DATA" --port "$PORT" \
  --matters "$MATTERS" --warmup "${WARMUP:-10000}" --clients "$CLIENTS" --seconds 600 --workbench 200 "${DB_ARGS[@]}" "${WRK_ARGS[@]}"
