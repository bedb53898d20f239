#!/usr/bin/env bash
# Runs every fuzz target for FUZZTIME (default 20s) each, one target at a
# time, so that a failure names its target. The seed corpora under each
# package's testdata/fuzz also run as plain tests in `go test ./...`; a
# failing input found here is written there and should be committed with
# its fix.
set -euo pipefail

cd "$(dirname "$0")/.."

fuzztime="${FUZZTIME:-20s}"

# package and target, one pair per line.
targets=(
	"./adapters/httpapi FuzzParseDocument"
	"./adapters/httpapi FuzzParseQuery"
	"./adapters/httpapi FuzzCursorDecode"
	"./adapters/httpapi FuzzCursorRoundtrip"
	"./adapters/httpapi FuzzRouter"
	"./adapters/tokens FuzzJWTVerify"
	"./adapters/tokens FuzzJWTVerifySigned"
)

for entry in "${targets[@]}"; do
	read -r pkg target <<<"$entry"
	printf '\n==> %s %s (%s)\n' "$pkg" "$target" "$fuzztime"
	go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg"
done
