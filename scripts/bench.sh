#!/usr/bin/env bash
# Benchmarks Parley end to end on PostgreSQL: creates a fresh database, seeds
# it, starts the server, runs wrk per scenario, a fixed-rate vegeta run and a
# pgbench baseline of the list statement, then the Go allocation benchmark.
# Results land in $BENCH_OUT/results.md (and the raw tool output beside it).
#
#   scripts/bench.sh                 # full scale: 100k users, ~1M conversations
#   SCALE=0.01 scripts/bench.sh      # smoke test (3 s per run), about two minutes
#
# Settings (environment): SCALE, DURATION (wrk/pgbench/vegeta run length),
# THREADS, CONNECTIONS, RATE (vegeta requests/s), COMPARE_ROUNDS (alternating
# runs of the list with today's and with the inbox includes), SCENARIOS (the
# wrk scenarios to run, all by default), GOBENCH=0 (skip the Go benchmarks),
# PG_BASE (server URL without
# database), BENCH_DB, BENCH_PORT, BENCH_OUT; SKIP_SEED=1 reruns against the
# database and samples of an earlier run (same BENCH_DB and BENCH_OUT).
set -euo pipefail

SCALE=${SCALE:-1}
# Small scales are smoke tests: short runs unless told otherwise.
DURATION=${DURATION:-$(awk -v s="$SCALE" 'BEGIN { print (s < 0.5) ? 3 : 15 }')}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
RATE=${RATE:-200}
COMPARE_ROUNDS=${COMPARE_ROUNDS:-3}
SCENARIOS=${SCENARIOS:-list_typical list_heavy list_deep inbox_typical inbox_heavy search_common search_rare search_short create_new create_existing post_message mix}
GOBENCH=${GOBENCH:-1}
PG_BASE=${PG_BASE:-postgres://postgres@127.0.0.1:5432}
BENCH_DB=${BENCH_DB:-parley_bench}
BENCH_PORT=${BENCH_PORT:-18080}
VEGETA_VERSION=v12.12.0
SECRET=bench-jwt-secret-0123456789abcdef0123456789abcdef

root=$(cd "$(dirname "$0")/.." && pwd)
BENCH_OUT=${BENCH_OUT:-$(mktemp -d -t parley-bench.XXXXXX)}
export BENCH_OUT
bin=$BENCH_OUT/bin
db_url="$PG_BASE/$BENCH_DB?sslmode=disable"
base="http://127.0.0.1:$BENCH_PORT"
results=$BENCH_OUT/results.md
server_pid=

log() { printf '\n== %s\n' "$*" >&2; }
cleanup() { if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; fi; }
trap cleanup EXIT

tools() {
  if ! command -v wrk >/dev/null; then apt-get install -y wrk >/dev/null; fi
  if ! command -v vegeta >/dev/null && [[ ! -x "$(go env GOPATH)/bin/vegeta" ]]; then
    go install "github.com/tsenart/vegeta/v12@$VEGETA_VERSION"
  fi
  VEGETA=$(command -v vegeta || echo "$(go env GOPATH)/bin/vegeta")
  command -v pgbench >/dev/null && command -v psql >/dev/null
}

# sql runs one statement on the bench database and prints the bare result.
sql() { psql "$db_url" -qtAc "$1"; }

# ms converts a wrk or vegeta duration (850.00us, 850µs, 1.20ms, 2.00s) to
# milliseconds.
ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /(us|µs)$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000; printf "%.2f", n }'; }

# rows counts what the scenarios can write: each conversation is four rows
# (conversation, chat, two memberships), each message one.
rows() { sql "SELECT (SELECT count(*) FROM direct_conversations) * 4 + (SELECT count(*) FROM messages)"; }

# scenario runs one wrk scenario and appends its row to the results.
scenario() {
  local name=$1 raw=$BENCH_OUT/wrk-$1.txt before after
  before=$(rows)
  SCENARIO=$name THREADS=$THREADS wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency \
    -s "$root/test/bench/wrk/scenario.lua" "$base" >"$raw"
  after=$(rows)
  local rps p50 p99 requests errors
  rps=$(awk '/^Requests\/sec/ { print $2 }' "$raw")
  requests=$(awk '/requests in/ { print $1 }' "$raw")
  errors=$(awk '/Non-2xx/ { print $5 }' "$raw")
  p50=$(ms "$(awk '$1 == "50%" { print $2 }' "$raw")")
  p99=$(ms "$(awk '$1 == "99%" { print $2 }' "$raw")")
  local rows_per_req
  rows_per_req=$(awk -v a="$after" -v b="$before" -v n="$requests" 'BEGIN { printf "%.2f", (a - b) / n }')
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "$rows_per_req" "${errors:-0}" "$(load)" >>"$results"
}

# load prints the host's one-minute load average: the machine is shared, so
# every figure is read next to it.
load() { cut -d' ' -f1 /proc/loadavg; }

# compare alternates the list of today's includes with the inbox includes
# for one class of users, COMPARE_ROUNDS times each, so that both see the
# same machine load; it appends one row per round with the ratio.
compare() {
  local class=$1 round list inbox
  for ((round = 1; round <= COMPARE_ROUNDS; round++)); do
    list=$(wrk_rps "list_$class" "$BENCH_OUT/compare-list_$class-$round.txt")
    inbox=$(wrk_rps "inbox_$class" "$BENCH_OUT/compare-inbox_$class-$round.txt")
    printf '| %s | %s | %s / %s ms | %s / %s ms | %s | %s |\n' "$class" "$round" "$list" "$(wrk_p50 "$BENCH_OUT/compare-list_$class-$round.txt")" \
      "$inbox" "$(wrk_p50 "$BENCH_OUT/compare-inbox_$class-$round.txt")" \
      "$(awk -v a="$inbox" -v b="$list" 'BEGIN { printf "%.3f", a / b }')" "$(load)" >>"$results"
  done
}

# wrk_rps runs one wrk scenario into raw and prints its requests/s.
wrk_rps() {
  SCENARIO=$1 THREADS=$THREADS wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency \
    -s "$root/test/bench/wrk/scenario.lua" "$base" >"$2"
  awk '/^Requests\/sec/ { print $2 }' "$2"
}

wrk_p50() { ms "$(awk '$1 == "50%" { print $2 }' "$1")"; }

# vegeta_run attacks the list of one class of users at a fixed rate; kind
# is list (today's includes) or inbox (the nested includes).
vegeta_run() {
  local kind=$1 class=$2 targets=$BENCH_OUT/vegeta-$1_$2.txt include=chat,first_user,second_user
  if [[ $kind == inbox ]]; then include=chat.latest_message.author,chat.bookmark,first_user,second_user; fi
  awk -v c="$class" -v b="$base" -v i="$include" '$1 == c {
    printf "GET %s/api/v1/direct_conversations?include=%s\nAuthorization: Bearer %s\n\n", b, i, $6 }' \
    "$BENCH_OUT/tokens.txt" >"$targets"
  "$VEGETA" attack -rate="$RATE/s" -duration="${DURATION}s" -targets="$targets" | "$VEGETA" report >"$BENCH_OUT/vegeta-${kind}_$class-report.txt"
  local lat
  # The latencies are min, mean, 50, 90, 95, 99, max, comma-separated.
  lat=$(awk '/^Latencies/ { gsub(",", ""); print $(NF-4), $(NF-1) }' "$BENCH_OUT/vegeta-${kind}_$class-report.txt")
  printf '| %s_%s at %s/s | %s | %s | %s |\n' "$kind" "$class" "$RATE" "$(ms "${lat% *}")" "$(ms "${lat#* }")" "$(load)" >>"$results"
}

pgbench_run() {
  local class=$1 files=()
  for f in "$BENCH_OUT/pgbench/${class}"_*.sql; do files+=(-f "$f@1"); done
  pgbench -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" "${files[@]}" "$db_url" >"$BENCH_OUT/pgbench-$class.txt" 2>&1
  local tps lat
  tps=$(awk '/^tps/ { print $3 }' "$BENCH_OUT/pgbench-$class.txt")
  lat=$(awk '/^latency average/ { print $4 }' "$BENCH_OUT/pgbench-$class.txt")
  printf '| pgbench list page 1, %s users | %s | %s | %s |\n' "$class" "$tps" "$lat" "$(load)" >>"$results"
}

tools
mkdir -p "$bin"
log "build"
# The server is built as the Dockerfile builds it.
(cd "$root" && CGO_ENABLED=0 go build -tags nomsgpack -trimpath -ldflags="-s -w" -o "$bin/parley" . && go build -o "$bin/seed" ./test/bench/seed &&
  go build -o "$bin/prep" ./test/bench/prep && go build -o "$bin/ready" ./test/bench/ready)

if [[ ${SKIP_SEED:-0} == 1 ]]; then
  log "reusing database $BENCH_DB and the samples in $BENCH_OUT"
  seed_secs="(reused)"
else
  log "fresh database $BENCH_DB"
  psql "$PG_BASE/postgres" -qc "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB"
  log "seed (scale $SCALE)"
  seed_start=$(date +%s)
  "$bin/seed" -database-url "$db_url" -scale "$SCALE" -jwt-secret "$SECRET" -out "$BENCH_OUT" | tee "$BENCH_OUT/seed.txt"
  seed_secs="$(($(date +%s) - seed_start))s"
fi

log "start server"
read -r server_pid ready_ms < <(PARLEY_DATABASE_URL="$db_url" PARLEY_HTTP_ADDR="127.0.0.1:$BENCH_PORT" \
  PARLEY_RATE_LIMIT_ENABLED=false PARLEY_JWT_SECRET="$SECRET" PARLEY_LOG_LEVEL=warn GIN_MODE=release \
  "$bin/ready" -url "$base/readyz" -log "$BENCH_OUT/server.log" -- "$bin/parley")
sleep 2
idle_rss_kb=$(ps -o rss= -p "$server_pid" | tr -d ' ')
idle_anon_kb=$(awk '/^Pss_Anon/ { print $2 }' "/proc/$server_pid/smaps_rollup")

log "prepare deep-page cursors and pgbench scripts"
"$bin/prep" -base-url "$base" -database-url "$db_url" -out "$BENCH_OUT"

{
  echo "# Parley benchmark results"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(cd "$root" && git rev-parse --short HEAD)"
  echo "- machine: $(nproc) cores ($(awk -F: '/model name/ { print $2; exit }' /proc/cpuinfo | xargs)), $(free -g | awk '/^Mem/ { print $2 }') GiB RAM, $(psql "$db_url" -qtAc 'SHOW server_version')"
  echo "- scale $SCALE: $(sql 'SELECT count(*) FROM users') users, $(sql 'SELECT count(*) FROM direct_conversations') conversations, $(sql 'SELECT count(*) FROM chat_memberships') memberships, seeded in ${seed_secs}; database $(sql "SELECT pg_size_pretty(pg_database_size(current_database()))")"
  echo "- heavy users' conversations: $(sql "SELECT min(c) || '..' || max(c) FROM (SELECT count(*) c FROM chat_memberships GROUP BY user_id ORDER BY c DESC LIMIT 10) t"); median user: $(sql 'SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY c) FROM (SELECT count(*) c FROM chat_memberships GROUP BY user_id) t')"
  echo "- time to ready: ${ready_ms} ms; idle RSS: $((idle_rss_kb / 1024)) MiB (${idle_rss_kb} KiB, of which ${idle_anon_kb} KiB anonymous, the rest mapped binary pages)"
  echo "- wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s; vegeta at $RATE/s for ${DURATION}s; pgbench -M prepared -c $CONNECTIONS -j $THREADS -T $DURATION"
  echo
  echo "- load average at the start: $(cut -d' ' -f1-3 /proc/loadavg) (the load column is the one-minute figure after each run)"
  echo "- messages: $(sql 'SELECT count(*) FROM messages') in $(sql 'SELECT count(*) FROM chats WHERE latest_message_id IS NOT NULL') chats; bookmarks: $(sql 'SELECT count(*) FROM chat_bookmarks'); memberships with unread messages: $(sql 'SELECT count(*) FROM chat_memberships WHERE unread_count > 0')"
  echo
  echo "| scenario | req/s | p50 ms | p99 ms | rows written/req | non-2xx | load |"
  echo "|---|---|---|---|---|---|---|"
} >"$results"

log "warm up"
SCENARIO=list_typical THREADS=$THREADS wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -s "$root/test/bench/wrk/scenario.lua" "$base" >/dev/null

for s in $SCENARIOS; do
  log "wrk $s"
  scenario "$s"
done

{
  echo
  echo "Today's list against the inbox includes, alternating runs (req/s and p50; ratio inbox ÷ list req/s):"
  echo
  echo "| users | round | list | inbox | ratio | load |"
  echo "|---|---|---|---|---|---|"
} >>"$results"
for class in typical heavy; do
  log "compare list and inbox, $class"
  compare "$class"
done

{
  echo
  echo "| fixed rate | p50 ms | p99 ms | load |"
  echo "|---|---|---|---|"
} >>"$results"
for class in typical heavy; do
  for kind in list inbox; do
    log "vegeta $kind $class"
    vegeta_run "$kind" "$class"
  done
done

{
  echo
  echo "| baseline | tps | latency avg ms | load |"
  echo "|---|---|---|---|"
} >>"$results"
for class in typical heavy; do
  log "pgbench $class"
  pgbench_run "$class"
done

if [[ $GOBENCH == 1 ]]; then
  log "Go benchmarks: allocations and statements per request"
  (cd "$root" && PARLEY_TEST_DATABASE_URL="$PG_BASE/postgres?sslmode=disable" \
    go test ./test/bench -run '^$' -bench 'ListDirectConversations/postgres|Scenarios|Inbox' -benchmem -benchtime 500x) >"$BENCH_OUT/gobench.txt"
  {
    echo
    echo '```'
    grep '^Benchmark' "$BENCH_OUT/gobench.txt"
    echo '```'
  } >>"$results"
fi

kill "$server_pid"
server_pid=
cat "$results"
