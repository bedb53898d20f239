#!/usr/bin/env bash
# Lints the OpenAPI document with Redocly CLI's recommended rules. The CLI is
# installed at a pinned version into a cache directory outside the
# repository (PARLEY_TOOLS_CACHE, default ~/.cache/parley-tools).
set -euo pipefail

REDOCLY_VERSION=2.77.0
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${PARLEY_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/parley-tools}/redocly-$REDOCLY_VERSION"
cli="$cache/node_modules/.bin/redocly"

if [ ! -x "$cli" ]; then
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-save --no-audit --no-fund --loglevel=error \
    "@redocly/cli@$REDOCLY_VERSION" >&2
fi

cd "$root"
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  "$cli" lint --config redocly.yaml --format stylish parley
