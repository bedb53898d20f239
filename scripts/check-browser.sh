#!/usr/bin/env bash
# Runs Parley and serves scripts/browser/ from a second origin (another
# port), then has headless Chromium load the page, whose script signs up and
# in with fetch, reads the Authorization header, starts a conversation,
# lists conversations with includes and revalidates the list with
# If-None-Match, then gets an event ticket, opens an EventSource with it and
# sees the message another request posts arrive as message.created. It
# checks the rendered DOM twice: with the page's origin in
# PARLEY_CORS_ALLOWED_ORIGINS every step must succeed; with another origin
# the browser must refuse the very first call.
#
# usage: scripts/check-browser.sh PARLEY_BINARY
set -euo pipefail

binary="${1:?usage: $0 PARLEY_BINARY}"
api_port="${BROWSER_API_PORT:-18091}"
page_port="${BROWSER_PAGE_PORT:-18092}"
api="http://127.0.0.1:$api_port"
page="http://127.0.0.1:$page_port"
here="$(cd "$(dirname "$0")" && pwd)"

if ! command -v chromium >/dev/null 2>&1; then
  { apt-get update -qq && apt-get install -y -qq chromium; } >&2
fi

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

python3 -m http.server "$page_port" --bind 127.0.0.1 --directory "$here/browser" >"$work/page.log" 2>&1 &
pids+=("$!")

# run_with ORIGINS prints the page's DOM against a Parley allowing ORIGINS.
run_with() {
  PARLEY_HTTP_ADDR="127.0.0.1:$api_port" PARLEY_DATABASE_URL="sqlite:$work/parley-$RANDOM.db" \
    PARLEY_LOG_LEVEL=warn PARLEY_CORS_ALLOWED_ORIGINS="$1" "$binary" >>"$work/api.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 60); do
    curl -fsS "$api/readyz" >/dev/null 2>&1 && curl -fsS "$page/index.html" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/api.log" >&2; return 1; }
    sleep 0.5
  done
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile-$RANDOM" --virtual-time-budget=30000 \
    --dump-dom "$page/index.html?api=$api" 2>/dev/null || true
  kill -TERM "$pid"
  wait "$pid" || true
}

failed=0
# expect NAME DOM ITEM... fails unless DOM lists every ITEM.
expect() {
  local name="$1" dom="$2"
  shift 2
  for item in "$@"; do
    if ! grep -qF -- "<li>$item</li>" <<<"$dom"; then
      echo "browser check: $name: the page does not show \"$item\"" >&2
      failed=1
    fi
  done
}

allowed="$(run_with "$page")"
expect "allowed origin" "$allowed" sign_up=201 sign_in=200 authorization=readable create_user=201 \
  start=201 location=readable list=200 conversations=1 included=3 etag=readable revalidate=304 \
  ticket=201 stream=open post=201 event=message.created "event_content=Hello from Grace" done=yes
if grep -qF "<li>error=" <<<"$allowed"; then
  echo "browser check: allowed origin: the page failed: $allowed" >&2
  failed=1
fi

refused="$(run_with "http://127.0.0.1:1")"
expect "disallowed origin" "$refused" error=TypeError done=yes
if grep -qF "<li>sign_up=" <<<"$refused"; then
  echo "browser check: disallowed origin: the browser let the page read an answer" >&2
  failed=1
fi

if [ "$failed" -ne 0 ]; then
  cat "$work/api.log" >&2
  exit 1
fi
echo "browser check: $page calls $api through CORS and follows its event stream with a ticket; another origin is refused"
