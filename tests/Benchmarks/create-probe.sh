#!/usr/bin/env bash
# Write-path probe: the `create` scenario of run.sh alone, with what tuning it needs to see: the app's CPU time per
# create, how busy the machine was, how many writes each transaction carried (group commit), and the app's peak memory
# (VmHWM, which counts the pages of a memory-mapped database it touched). Runs on a COPY of a seeded database (run.sh
# keeps them in /tmp/contentapi-bench-cache), against the app published in Release.
#
#   tests/Benchmarks/create-probe.sh SEEDED.db [--app PUBLISHED_DIR] [--warmup S (15)] [--duration S (10)] [NAME=VALUE ...]
#
# NAME=VALUE pairs go to the app's environment (e.g. DOTNET_TieredPGO=0 or Database__Synchronous=FULL).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
[[ $# -ge 1 && -f "$1" ]] || { sed -n 2,9p "${BASH_SOURCE[0]}" >&2; exit 2; }
SEEDED="$1"; shift
APP_DIR="" WARMUP=15 DURATION=10 ENV_PAIRS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --app) APP_DIR="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    *=*) ENV_PAIRS+=("$1"); shift ;;
    *) echo "Unknown argument: $1" >&2; exit 2 ;;
  esac
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/contentapi-probe.XXXXXX")"
APP_PID=""
cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill -TERM "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [[ -z "$APP_DIR" ]]; then
  APP_DIR="$WORK/app"
  dotnet publish "$ROOT/src/ContentApi" -c Release -o "$APP_DIR" --nologo -v quiet >/dev/null
fi
cp "$SEEDED" "$WORK/content.db"
KEY="$(cd "$APP_DIR" && ConnectionStrings__Content="Data Source=$WORK/content.db" dotnet ContentApi.dll keys create --name probe --scope write | tail -n1)"
mkdir -p "$WORK/requests"
python3 "$HERE/tools/prepare.py" requests "$WORK/content.db" "$WORK/requests" >/dev/null

PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
BASE="http://127.0.0.1:$PORT"
STARTED="$(date +%s%N)"
mapfile -t RUNTIME_ENV < <("$HERE/tools/runtime-env.sh")  # as the Dockerfile deploys it; NAME=VALUE arguments override
(cd "$APP_DIR" && exec env ConnectionStrings__Content="Data Source=$WORK/content.db" RateLimiting__Enabled=false \
  Observability__RequestLogging=false ASPNETCORE_ENVIRONMENT=Production "${RUNTIME_ENV[@]}" "${ENV_PAIRS[@]}" \
  dotnet ContentApi.dll --urls "$BASE") >"$WORK/app.log" 2>&1 &
APP_PID=$!
python3 "$HERE/tools/wait_ready.py" "$STARTED" "$BASE/health/ready" 60 "$APP_PID" >/dev/null

create() {  # create PHASE SECONDS [count]
  BENCH_PHASE="$1" wrk -t2 -c8 -d"$2s" --timeout 10s -s "$HERE/wrk/create.lua" "$BASE" -- \
    "$WORK/requests/create-template.json" "$KEY" "$(date +%s)" ${3:-}
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }
machine() { awk '/^cpu / {idle = $5 + $6; total = 0; for (i = 2; i <= NF; i++) total += $i; print idle, total}' /proc/stat; }

(( WARMUP > 0 )) && create warmup "$WARMUP" >/dev/null
metrics0="$(curl -sS --max-time 10 "$BASE/metrics")"
ticks0="$(cpu_ticks)"; read -r idle0 total0 < <(machine)
result="$(create measured "$DURATION" count | grep '^BENCH_RESULT' | cut -d' ' -f2-)"
ticks1="$(cpu_ticks)"; read -r idle1 total1 < <(machine)
metrics1="$(curl -sS --max-time 10 "$BASE/metrics")"
peak_kb="$(awk '/^VmHWM:/ {print $2}' "/proc/$APP_PID/status")"

python3 - "$result" "$(( (ticks1 - ticks0) * 1000 / $(getconf CLK_TCK) ))" "$(( 100 - 100 * (idle1 - idle0) / (total1 - total0) ))" \
  "$DURATION" "$metrics0" "$metrics1" "$peak_kb" <<'EOF'
import json, re, sys
result, cpu_ms, busy, duration = json.loads(sys.argv[1]), int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
peak_mb = int(sys.argv[7]) / 1024
def grown(name):  # growth of a metric (summed over its labels) during the measured run
    total = lambda text: sum(float(v) for v in re.findall(rf"^{name}(?:{{[^}}]*}})? ([0-9.e+-]+)$", text, re.M))
    return total(sys.argv[6]) - total(sys.argv[5])
created = result["statuses"].get("201", 0)
transactions = grown("contentapi_db_writes_per_transaction_count")
writes = grown("contentapi_db_writes_per_transaction_sum")
in_transactions = grown("contentapi_db_write_transaction_seconds_sum")
attempts = grown("contentapi_db_write_transaction_seconds_count")  # with the rolled-back attempts of split transactions
print(f"creates/s {result['rps']:.1f}  p50 {result['latency_ms']['p50']:.1f} ms  p99 {result['latency_ms']['p99']:.1f} ms  "
      f"201s {created} of {result['requests']}")
print(f"app CPU {cpu_ms / max(created, 1):.2f} ms per create; machine busy {busy}%; {writes / max(transactions, 1):.2f} writes "
      f"per transaction of {1000 * in_transactions / max(attempts, 1):.2f} ms; writer in a transaction {100 * in_transactions / duration:.0f}% of the time")
print(f"peak memory (VmHWM) {peak_mb:.0f} MB")
EOF
