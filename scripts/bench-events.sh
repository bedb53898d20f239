#!/usr/bin/env bash
# Benchmarks Parley's event stream on PostgreSQL: builds the server, creates
# a fresh database and seeds it, starts two replicas over it and runs
# test/bench/events: memory per idle stream and heartbeat lateness with
# 5,000 streams on replica A, posting throughput with and without them, and
# the delivery latency from a post's 201 to the event on the same and on the
# other replica at a fixed rate. Prints a Markdown report (also written to
# $BENCH_OUT/events-results.md).
#
#   scripts/bench-events.sh                    # everything, about four minutes
#   PHASES=latency scripts/bench-events.sh     # only the delivery latency, about a minute
#
# Settings (environment): PHASES (streams,latency), USERS and PER_USER (idle
# streams: USERS x PER_USER), WORKERS and DURATION (throughput runs), RATE,
# LATENCY_PAIRS and LATENCY_DURATION (latency run), HEARTBEAT (the servers'
# PARLEY_EVENTS_HEARTBEAT), IDLE (heartbeats watched), SETTLE (pause before a
# memory reading), SCALE (seeded dataset, see test/bench/seed),
# PG_BASE (server URL without database), BENCH_DB, PORT_A, PORT_B, BENCH_OUT.
set -euo pipefail

PHASES=${PHASES:-streams,latency}
USERS=${USERS:-500}
PER_USER=${PER_USER:-10}
WORKERS=${WORKERS:-16}
DURATION=${DURATION:-15s}
RATE=${RATE:-200}
LATENCY_PAIRS=${LATENCY_PAIRS:-100}
LATENCY_DURATION=${LATENCY_DURATION:-15s}
HEARTBEAT=${HEARTBEAT:-2s}
IDLE=${IDLE:-12s}
SETTLE=${SETTLE:-5s}
SCALE=${SCALE:-0.02}
PG_BASE=${PG_BASE:-postgres://postgres@127.0.0.1:5432}
BENCH_DB=${BENCH_DB:-parley_bench_events}
PORT_A=${PORT_A:-18190}
PORT_B=${PORT_B:-18191}
SECRET=bench-jwt-secret-0123456789abcdef0123456789abcdef

root=$(cd "$(dirname "$0")/.." && pwd)
BENCH_OUT=${BENCH_OUT:-$(mktemp -d -t parley-bench-events.XXXXXX)}
bin=$BENCH_OUT/bin
db_url="$PG_BASE/$BENCH_DB?sslmode=disable"
a="http://127.0.0.1:$PORT_A"
b="http://127.0.0.1:$PORT_B"
results=$BENCH_OUT/events-results.md
pids=()

log() { printf '\n== %s\n' "$*" >&2; }
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# Every stream is a socket in the server and one in the load program.
ulimit -n "$(ulimit -Hn)"
if (($(ulimit -n) < USERS * PER_USER + 1024)); then
  echo "ulimit -n is $(ulimit -n), too low for $((USERS * PER_USER)) streams" >&2
  exit 1
fi

mkdir -p "$bin"
log "build"
# The server is built as the Dockerfile builds it.
(cd "$root" && CGO_ENABLED=0 go build -tags nomsgpack -trimpath -ldflags="-s -w" -o "$bin/parley" . &&
  go build -o "$bin/seed" ./test/bench/seed && go build -o "$bin/ready" ./test/bench/ready &&
  go build -o "$bin/events" ./test/bench/events)

log "fresh database $BENCH_DB (scale $SCALE)"
psql "$PG_BASE/postgres" -qc "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB"
"$bin/seed" -database-url "$db_url" -scale "$SCALE" -jwt-secret "$SECRET" -out "$BENCH_OUT" >"$BENCH_OUT/seed.txt"

# start runs one replica on port $1 and prints its pid.
start() {
  local pid _ms
  read -r pid _ms < <(PARLEY_DATABASE_URL="$db_url" PARLEY_HTTP_ADDR="127.0.0.1:$1" \
    PARLEY_RATE_LIMIT_ENABLED=false PARLEY_JWT_SECRET="$SECRET" PARLEY_LOG_LEVEL=warn GIN_MODE=release \
    PARLEY_EVENTS_HEARTBEAT="$HEARTBEAT" "$bin/ready" -url "http://127.0.0.1:$1/readyz" -log "$BENCH_OUT/server-$1.log" -- "$bin/parley")
  echo "$pid"
}
log "start replicas A (:$PORT_A) and B (:$PORT_B)"
pid_a=$(start "$PORT_A")
pids+=("$pid_a")
pid_b=$(start "$PORT_B")
pids+=("$pid_b")

{
  echo "# Parley event stream benchmark"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(cd "$root" && git rev-parse --short HEAD)"
  echo "- machine: $(nproc) cores ($(awk -F: '/model name/ { print $2; exit }' /proc/cpuinfo | xargs)), $(free -g | awk '/^Mem/ { print $2 }') GiB RAM, PostgreSQL $(psql "$db_url" -qtAc 'SHOW server_version'); load program, both replicas and PostgreSQL share the host"
  echo "- $(psql "$db_url" -qtAc 'SELECT count(*) FROM users') users, $(psql "$db_url" -qtAc 'SELECT count(*) FROM direct_conversations') conversations (seed scale $SCALE); uptime: $(uptime)"
  "$bin/events" -a "$a" -b "$b" -pid "$pid_a" -database-url "$db_url" -jwt-secret "$SECRET" -phases "$PHASES" \
    -users "$USERS" -per-user "$PER_USER" -workers "$WORKERS" -duration "$DURATION" -rate "$RATE" -latency-pairs "$LATENCY_PAIRS" \
    -latency-duration "$LATENCY_DURATION" -heartbeat "$HEARTBEAT" -idle "$IDLE" -settle "$SETTLE"
} >"$results"

cleanup
pids=()
psql "$PG_BASE/postgres" -qc "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)"
cat "$results"
