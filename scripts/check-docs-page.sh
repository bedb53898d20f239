#!/usr/bin/env bash
# Renders the /docs page of a running server in headless Chromium and checks
# that the rendered DOM (not the HTML source) shows the API reference,
# including the direct-conversation operations.
#
# usage: scripts/check-docs-page.sh BASE_URL
set -euo pipefail

base="${1:?usage: $0 BASE_URL}"
base="${base%/}"

if ! command -v chromium >/dev/null 2>&1; then
  { apt-get update -qq && apt-get install -y -qq chromium; } >&2
fi

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

# render URL prints the DOM of URL after scripts have run.
render() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --virtual-time-budget=15000 --dump-dom "$1" 2>/dev/null
}

# expect NAME DOM TEXT... fails unless DOM contains every TEXT.
expect() {
  local name="$1" dom="$2" missing=0
  shift 2
  for text in "$@"; do
    if ! grep -qF -- "$text" <<<"$dom"; then
      echo "docs page check: $name does not show \"$text\"" >&2
      missing=1
    fi
  done
  return "$missing"
}

failed=0
overview="$(render "$base/docs")"
expect "$base/docs" "$overview" "Parley API" "Direct conversations" "Sessions" || failed=1
if grep -qF "Loading the API reference" <<<"$overview"; then
  echo "docs page check: the renderer did not replace the loading notice" >&2
  failed=1
fi

# The reference shows one tag per route; the operations of a tag render
# when its route is opened.
conversations="$(render "$base/docs#/direct-conversations")"
expect "the direct conversations section" "$conversations" \
  "Start a direct conversation" "List direct conversations" "Show a direct conversation" || failed=1

if [ "$failed" -ne 0 ]; then
  exit 1
fi
echo "docs page check: $base/docs renders the API reference"
