#!/usr/bin/env bash
# Runs the JavaScript walkthroughs (examples/js) against a running server:
# the JSON:API one, then the event stream's.
#
# usage: scripts/run-example.sh BASE_URL
set -euo pipefail

base="${1:?usage: $0 BASE_URL}"
cd "$(dirname "$0")/../examples/js"
npm ci --no-audit --no-fund --loglevel=error
BASE_URL="$base" node walkthrough.mjs
BASE_URL="$base" node events.mjs
