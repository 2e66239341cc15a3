#!/usr/bin/env bash
# ContentApi HTTP benchmark: publishes the app in Release, seeds (or reuses) databases of the given
# sizes, runs every scenario with wrk against 127.0.0.1 and writes results.json and results.md.
# Usage and the meaning of every number: tests/Benchmarks/README.md.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"

SIZES="10000,100000"
DURATION=10
WARMUP=3
# Writes run code that no earlier scenario ran: the JIT (dynamic PGO's instrumented tier, then the final code) took
# ~15-20 s under write load on 2 cores to settle (tests/Benchmarks/README.md, "Writes").
WRITE_WARMUP=15
# Searches too: run first in an instance after a 3 s warm-up, search-rare served half its steady rate with twice its
# p95 (tests/Benchmarks/README.md, "Search warms up longer").
SEARCH_WARMUP=15
OUT="$HERE/results"
SEED=1
CONNECTIONS=32
WRITE_CONNECTIONS=8
SEARCH_CONNECTIONS="$(nproc)"
THREADS=2
CACHE_DIR="${BENCH_CACHE_DIR:-${TMPDIR:-/tmp}/contentapi-bench-cache}"
SCENARIOS="all"
FRESH_SEED=0
KEEP_WORK=0

usage() {
  cat <<EOF
Usage: tests/Benchmarks/run.sh [options]

  --sizes N[,N...]          library sizes in articles (default $SIZES)
  --duration S              measured seconds per scenario (default $DURATION)
  --warmup S                warm-up seconds per read scenario, 0 for none (default $WARMUP; writes and
                            searches have their own, below)
  --write-warmup S          warm-up seconds of create and update (default $WRITE_WARMUP)
  --search-warmup S         warm-up seconds of the search scenarios (default $SEARCH_WARMUP)
  --out DIR                 where results.json, results.md and raw/ go (default tests/Benchmarks/results)
  --connections N           wrk connections for the read scenarios (default $CONNECTIONS)
  --write-connections N     wrk connections for create and update (default $WRITE_CONNECTIONS)
  --search-connections N    wrk connections for the search scenarios (default: nproc = $SEARCH_CONNECTIONS)
  --threads N               wrk threads (default $THREADS)
  --seed N                  seed of the content generator (default $SEED)
  --scenarios a,b,...       run only these (default all: ceiling,list,list-uncached,deep,article,
                            conditional,search-rare,search-common-cjk,search-latin,create,update)
  --cache DIR               seeded databases are kept here (default $CACHE_DIR, or \$BENCH_CACHE_DIR)
  --fresh-seed              seed again even when a cached database exists
  --keep                    keep the temporary work folder (published app, working databases)
EOF
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) SIZES="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --write-warmup) WRITE_WARMUP="$2"; shift 2 ;;
    --search-warmup) SEARCH_WARMUP="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --write-connections) WRITE_CONNECTIONS="$2"; shift 2 ;;
    --search-connections) SEARCH_CONNECTIONS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --scenarios) SCENARIOS="$2"; shift 2 ;;
    --cache) CACHE_DIR="$2"; shift 2 ;;
    --fresh-seed) FRESH_SEED=1; shift ;;
    --keep) KEEP_WORK=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

for number in "$DURATION" "$WARMUP" "$WRITE_WARMUP" "$SEARCH_WARMUP" "$CONNECTIONS" "$WRITE_CONNECTIONS" "$SEARCH_CONNECTIONS" "$THREADS" "$SEED"; do
  [[ "$number" =~ ^[0-9]+$ ]] || { echo "Not a whole number: $number" >&2; exit 2; }
done
[[ "$SIZES" =~ ^[0-9]+(,[0-9]+)*$ ]] || { echo "--sizes takes numbers separated by commas, e.g. 10000,100000" >&2; exit 2; }
(( DURATION >= 1 )) || { echo "--duration must be at least 1" >&2; exit 2; }
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

# Messages go to the original stderr (fd 3) even from a trap that fires inside a redirected command.
exec 3>&2
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&3; }
die() { log "ERROR: $*"; exit 1; }

# ---- processes we start, and cleanup --------------------------------------------------------------

WORK=""
APP_PID=""     # the app instance currently running (only ever one)
CHILD_PID=""   # a bounded helper (publish, seed, wrk) running in the background

stop_app() {
  local pid="$APP_PID"
  [[ -n "$pid" ]] || return 0
  APP_PID=""
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  fi
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n "$CHILD_PID" ]] && kill -0 "$CHILD_PID" 2>/dev/null; then
    kill -TERM "$CHILD_PID" 2>/dev/null || true
    wait "$CHILD_PID" 2>/dev/null || true
  fi
  stop_app
  if [[ -n "$WORK" && -d "$WORK" ]]; then
    if (( KEEP_WORK )); then log "Work folder kept: $WORK"; else rm -rf "$WORK"; fi
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'log "Interrupted"; exit 130' INT TERM

# Runs a command with a time limit, in the background so that Ctrl-C is handled at once.
bounded() {
  local limit="$1"; shift
  timeout --kill-after=10 "$limit" "$@" &
  CHILD_PID=$!
  local rc=0
  wait "$CHILD_PID" || rc=$?
  CHILD_PID=""
  return "$rc"
}

# ---- dependencies ----------------------------------------------------------------------------------

need() { command -v "$1" >/dev/null 2>&1 || die "$1 is missing: $2"; }
need dotnet "install the .NET 10 SDK (see global.json)"
need python3 "install Python 3 (apt-get install -y python3)"
need sqlite3 "install the SQLite command line shell (apt-get install -y sqlite3)"
need curl "install curl (apt-get install -y curl)"
need timeout "install coreutils"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/contentapi-bench.XXXXXX")"

if ! command -v wrk >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 || die "wrk is missing and there is no apt-get: install wrk (https://github.com/wg/wrk)"
  log "wrk is missing: apt-get install -y wrk"
  export DEBIAN_FRONTEND=noninteractive
  if ! bounded 600 apt-get install -y wrk >"$WORK/apt.log" 2>&1; then
    log "apt-get install failed; running apt-get update and trying again"
    bounded 600 apt-get update >>"$WORK/apt.log" 2>&1 || true
    bounded 600 apt-get install -y wrk >>"$WORK/apt.log" 2>&1 || { cat "$WORK/apt.log" >&2; die "could not install wrk (are you root?)"; }
  fi
fi
need wrk "apt-get install -y wrk"

ALL_SCENARIOS="ceiling list list-uncached deep article conditional search-rare search-common-cjk search-latin create update"
if [[ "$SCENARIOS" == "all" ]]; then SCENARIOS="$ALL_SCENARIOS"; else SCENARIOS="${SCENARIOS//,/ }"; fi
for s in $SCENARIOS; do [[ " $ALL_SCENARIOS " == *" $s "* ]] || die "unknown scenario: $s (known: $ALL_SCENARIOS)"; done
wanted() { [[ " $SCENARIOS " == *" $1 "* ]]; }

# ---- run description ------------------------------------------------------------------------------

RUN="$WORK/run"
mkdir -p "$RUN"
rm -rf "$OUT/raw"
mkdir -p "$OUT/raw"
COMMIT="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ -n "$(git -C "$REPO" status --porcelain -- src 2>/dev/null)" ]]; then COMMIT="$COMMIT (src/ has uncommitted changes)"; fi
python3 "$HERE/tools/report.py" put "$RUN/run.json" \
  "date:=$(date -u +%Y-%m-%dT%H:%M:%SZ)" "commit:=$COMMIT" "cpus=$(nproc)" \
  "cpu_model:=$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || echo unknown)" \
  "memory_mb=$(awk '/^MemTotal/ {printf "%d", $2 / 1024}' /proc/meminfo)" \
  "os:=$(uname -sr)" "dotnet:=$(dotnet --version)" "wrk:=$(wrk -v 2>&1 | head -n1 | cut -d' ' -f1-2)" \
  "load_average:=$(cut -d' ' -f1-3 /proc/loadavg)" "runtime_env:=$("$HERE/tools/runtime-env.sh" | paste -sd' ')" \
  "duration_s=$DURATION" "warmup_s=$WARMUP" "write_warmup_s=$WRITE_WARMUP" "search_warmup_s=$SEARCH_WARMUP" "threads=$THREADS" "seed=$SEED" \
  "connections=$CONNECTIONS" "write_connections=$WRITE_CONNECTIONS" "search_connections=$SEARCH_CONNECTIONS"

# ---- publish ----------------------------------------------------------------------------------------

APP_DIR="$WORK/app"
log "Publishing src/ContentApi (Release) to $APP_DIR"
bounded 900 dotnet publish "$REPO/src/ContentApi" -c Release -o "$APP_DIR" --nologo -v quiet >"$WORK/publish.log" 2>&1 \
  || { tail -n 30 "$WORK/publish.log" >&2; die "dotnet publish failed"; }

# Cached databases are keyed by size, seed and a hash of what shapes their content and schema.
SEED_HASH="$(cd "$REPO/src/ContentApi" && find Seeding Search Data/Migrations Cli/SeedCommand.cs -type f | LC_ALL=C sort \
  | xargs sha1sum | sha1sum | cut -c1-10)"
mkdir -p "$CACHE_DIR"

SEEDED_DB=""
seeded_db() {  # sets SEEDED_DB to a seeded database of $1 articles (not a $(...) call: Ctrl-C must reach the trap)
  local size="$1"
  local cached="$CACHE_DIR/articles-$size-seed$SEED-$SEED_HASH.db"
  if [[ -f "$cached" && "$FRESH_SEED" == 0 ]]; then
    log "Using cached database $cached"
  else
    local partial="$CACHE_DIR/articles-$size-seed$SEED-$SEED_HASH.partial.db"
    rm -f "$partial" "$partial-wal" "$partial-shm" "$partial.lock"
    log "Seeding $size articles (seed $SEED) into $partial"
    local limit=$(( 600 + size / 25 ))
    ConnectionStrings__Content="Data Source=$partial" bounded "$limit" env -C "$APP_DIR" dotnet ContentApi.dll seed --articles "$size" --seed "$SEED" >&2 \
      || die "seeding $size articles failed or took longer than $limit s"
    # Fold the WAL into the file so the single .db file is the whole database.
    local checkpoint
    checkpoint="$(sqlite3 "$partial" "PRAGMA wal_checkpoint(TRUNCATE);")" || die "sqlite3 could not checkpoint $partial"
    [[ "$checkpoint" == 0\|* ]] || die "sqlite3 could not checkpoint $partial (busy: $checkpoint)"
    rm -f "$partial-wal" "$partial-shm" "$partial.lock"
    mv "$partial" "$cached"
  fi
  SEEDED_DB="$cached"
}

# ---- the app ----------------------------------------------------------------------------------------

BASE=""
STARTUP_MS=""
mapfile -t RUNTIME_ENV < <("$HERE/tools/runtime-env.sh")

start_app() {  # start_app DB LOG [NAME=VALUE ...]: sets APP_PID, BASE, STARTUP_MS
  local db="$1" logfile="$2"; shift 2
  local port
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
  BASE="http://127.0.0.1:$port"
  local started
  started="$(date +%s%N)"
  # Run from the publish folder, as the Dockerfile does: the content root is the working directory,
  # and from anywhere else appsettings.json is not found (and every request gets logged at Information).
  # With the runtime settings the Dockerfile deploys with (tools/runtime-env.sh).
  (cd "$APP_DIR" && exec env ConnectionStrings__Content="Data Source=$db" RateLimiting__Enabled=false \
    Observability__RequestLogging=false ASPNETCORE_ENVIRONMENT=Production "${RUNTIME_ENV[@]}" "$@" \
    dotnet "$APP_DIR/ContentApi.dll" --urls "$BASE") >"$logfile" 2>&1 &
  APP_PID=$!
  STARTUP_MS="$(python3 "$HERE/tools/wait_ready.py" "$started" "$BASE/health/ready" 60 "$APP_PID")" \
    || { tail -n 30 "$logfile" >&2; die "the app did not become ready (log: $logfile)"; }
  log "App started (pid $APP_PID, $BASE) in $STARTUP_MS ms"
}

# Before the first scenario of an instance: JIT, connection pool and SQLite page cache (not recorded).
warm_instance() {
  (( WARMUP > 0 )) || return 0
  bounded $(( WARMUP + 30 )) wrk -t "$THREADS" -c "$CONNECTIONS" -d "${WARMUP}s" --timeout 10s -s "$HERE/wrk/get.lua" "$BASE" -- "$1" \
    >"$2" 2>&1 || true
}

peak_memory_mb() {  # VmHWM of the running app, in MB
  awk '/^VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$APP_PID/status"
}

# ---- scenarios --------------------------------------------------------------------------------------

# scenario NAME CACHE CONNECTIONS EXPECTED_STATUS COUNT_WHEN_MEASURING SCRIPT ARGS...
# Runs a warm-up (statuses always counted: it is the check that the requests are right), then the
# measured run (statuses counted only when COUNT_WHEN_MEASURING is "count": doing it costs wrk CPU).
scenario() {
  local name="$1" cache="$2" connections="$3" expect="$4" count="$5" script="$6"; shift 6
  wanted "$name" || return 0
  local threads=$(( THREADS < connections ? THREADS : connections ))
  local raw="$OUT/raw/size-$SIZE"
  local wrk_args=(-t "$threads" -c "$connections" --timeout 10s -s "$HERE/wrk/$script" "$BASE")
  local meta=("name=$name" "cache=$cache" "connections=$connections" "threads=$threads" "expect=$expect" "duration_s=$DURATION")
  local warmup="$WARMUP"
  [[ "$name" == create || "$name" == update ]] && warmup="$WRITE_WARMUP"
  [[ "$name" == search-* ]] && warmup="$SEARCH_WARMUP"
  if (( warmup > 0 )); then
    BENCH_PHASE=warmup bounded $(( warmup + 30 )) wrk -d "${warmup}s" "${wrk_args[@]}" -- "$@" count >"$raw/$name.warmup.txt" 2>&1 || true
    meta+=("warmup=$raw/$name.warmup.txt")
  fi
  local measure_count=""
  [[ "$count" == "count" ]] && measure_count="count"
  BENCH_PHASE=measured bounded $(( DURATION + 30 )) wrk -d "${DURATION}s" "${wrk_args[@]}" -- "$@" $measure_count >"$raw/$name.txt" 2>&1 || true
  python3 "$HERE/tools/report.py" scenario "$RUN/size-$SIZE/$name.json" "${meta[@]}" "measured=$raw/$name.txt"
}

WRITE_KEY=""

bench_size() {
  SIZE="$1"
  local dir="$WORK/size-$SIZE" raw="$OUT/raw/size-$SIZE" facts="$RUN/size-$SIZE/size.json"
  mkdir -p "$dir/requests" "$raw" "$RUN/size-$SIZE"
  seeded_db "$SIZE"
  cp --reflink=auto "$SEEDED_DB" "$dir/content.db"   # writes go to a copy; the cached file stays as seeded
  local db="$dir/content.db"
  python3 "$HERE/tools/report.py" put "$facts" "articles=$SIZE" \
    "db_mb=$(awk -v b="$(stat -c %s "$db")" 'BEGIN {printf "%.1f", b / 1048576}')"

  ConnectionStrings__Content="Data Source=$db" bounded 120 env -C "$APP_DIR" dotnet ContentApi.dll keys create --name bench-write --scope write \
    >"$dir/key.txt" 2>&1 || { cat "$dir/key.txt" >&2; die "keys create failed"; }
  WRITE_KEY="$(tail -n1 "$dir/key.txt")"
  [[ "$WRITE_KEY" =~ ^[A-Za-z0-9_-]+$ ]] || die "could not read the write key (last line: $WRITE_KEY)"

  log "Preparing requests from the database"
  python3 "$HERE/tools/prepare.py" requests "$db" "$dir/requests" >"$RUN/size-$SIZE/requests.json"
  local r="$dir/requests"
  # Read the whole file once, so every size starts with it in the OS page cache, like a server that has been
  # running: right after seeding (or copying) 2 GB the cache holds other pages, and the first scenarios of the
  # larger library measured the disk instead of the app.
  cat "$db" >/dev/null

  # Instance 1: response cache off. "Uncached" scenarios measure the real work of every request.
  # It also tells us the size of the list response, which the ceiling endpoint of instance 2 mimics.
  log "[$SIZE] instance with the anonymous response cache OFF"
  start_app "$db" "$raw/app-cache-off.log" Caching__ResponseCacheEnabled=false
  python3 "$HERE/tools/report.py" put "$facts" "startup_uncached_ms=$STARTUP_MS"
  local list_bytes
  list_bytes="$(curl -sS --max-time 30 -o /dev/null -w '%{http_code} %{size_download}' "$BASE$(cat "$r/list.txt")")"
  [[ "$list_bytes" == 200\ * ]] || die "GET list answered ${list_bytes%% *}"
  list_bytes="${list_bytes#200 }"
  python3 "$HERE/tools/report.py" put "$facts" "list_bytes=$list_bytes"
  warm_instance "$r/list.txt" "$raw/instance-warmup-cache-off.txt"
  scenario list-uncached    off "$CONNECTIONS"        200 fast  get.lua "$r/list.txt"
  scenario deep             off "$CONNECTIONS"        200 fast  get.lua "$r/deep.txt"
  scenario search-rare       off "$SEARCH_CONNECTIONS" 200 count get.lua "$r/search-rare.txt"
  scenario search-common-cjk off "$SEARCH_CONNECTIONS" 200 count get.lua "$r/search-common-cjk.txt"
  scenario search-latin      off "$SEARCH_CONNECTIONS" 200 count get.lua "$r/search-latin.txt"
  python3 "$HERE/tools/report.py" put "$facts" "peak_memory_uncached_mb=$(peak_memory_mb)"
  stop_app

  # Instance 2: as deployed (cache on), plus the ceiling endpoint sized like the list response.
  log "[$SIZE] instance with the anonymous response cache ON (as deployed) and a $list_bytes-byte ceiling"
  start_app "$db" "$raw/app-cache-on.log" "Benchmark__CeilingBytes=$list_bytes"
  python3 "$HERE/tools/report.py" put "$facts" "startup_cached_ms=$STARTUP_MS"
  warm_instance "$r/list.txt" "$raw/instance-warmup-cache-on.txt"
  scenario ceiling          on "$CONNECTIONS"       200 fast  get.lua "$r/ceiling.txt"
  scenario list             on "$CONNECTIONS"       200 fast  get.lua "$r/list.txt"
  scenario article          on "$CONNECTIONS"       200 fast  get.lua "$r/article.txt"
  if wanted conditional; then
    python3 "$HERE/tools/prepare.py" etags "$BASE" "$r/article.txt" "$r/conditional.txt" >&2
    scenario conditional    on "$CONNECTIONS"       304 count get.lua "$r/conditional.txt"
  fi
  # Writes last: each one invalidates the response cache.
  scenario create           on "$WRITE_CONNECTIONS" 201 count create.lua "$r/create-template.json" "$WRITE_KEY" "$(date +%s)"
  scenario update           on "$WRITE_CONNECTIONS" 200 count update.lua "$r/update-ids.txt" "$WRITE_KEY"
  python3 "$HERE/tools/report.py" put "$facts" "peak_memory_cached_mb=$(peak_memory_mb)"
  stop_app

  local log_errors
  log_errors="$(cat "$raw"/app-*.log | grep -cE '^(fail|crit):' || true)"
  python3 "$HERE/tools/report.py" put "$facts" "app_log_errors=${log_errors:-0}"
  (( ${log_errors:-0} == 0 )) || log "[$SIZE] the app logged $log_errors error lines: see $raw/app-*.log"
  rm -f "$db" "$db-wal" "$db-shm" "$db.lock"
}

log "Output: $OUT   (work folder $WORK)"
for size in ${SIZES//,/ }; do
  bench_size "$size"
done

python3 "$HERE/tools/report.py" final "$RUN" "$OUT"
log "Results: $OUT/results.md and $OUT/results.json (raw wrk output and app logs in $OUT/raw)"
