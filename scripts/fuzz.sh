#!/usr/bin/env bash
# Runs every fuzz target for FUZZTIME (default 20s) each, one target at a
# time, so that a failure names its target. The seed corpora under each
# package's testdata/fuzz also run as plain tests in `go test ./...`; a
# failing input found here is written there and should be committed with
# its fix.
set -euo pipefail

cd "$(dirname "$0")/.."

fuzztime="${FUZZTIME:-20s}"

# package and target, one pair per line. FuzzRoutes drives every route of
# the running service on every persistence lane of the acceptance suite:
# export PARLEY_TEST_DATABASE_URL to include PostgreSQL (CI does, and with
# CI set the lane is required).
targets=(
	"./adapters/httpapi FuzzParseDocument"
	"./adapters/httpapi FuzzCheckJSON"
	"./adapters/httpapi FuzzParseQuery"
	"./adapters/httpapi FuzzCursorDecode"
	"./adapters/httpapi FuzzCursorRoundtrip"
	"./adapters/httpapi FuzzRouter"
	"./test/acceptance FuzzRoutes"
	"./adapters/tokens FuzzJWTVerify"
	"./adapters/tokens FuzzJWTVerifySigned"
)

log="$(mktemp)"
trap 'rm -f "$log"' EXIT

# fuzz runs one target, printing its output and keeping a copy in $log.
fuzz() {
	go test -run '^$' -fuzz "^${2}\$" -fuzztime "$fuzztime" "$1" 2>&1 | tee "$log"
	return "${PIPESTATUS[0]}"
}

for entry in "${targets[@]}"; do
	read -r pkg target <<<"$entry"
	printf '\n==> %s %s (%s)\n' "$pkg" "$target" "$fuzztime"
	if fuzz "$pkg" "$target"; then
		continue
	fi
	# The fuzzing engine itself sometimes fails with "context deadline
	# exceeded" when a busy machine keeps a worker from answering as the time
	# runs out. That names no input; it is run once more. A failing input is
	# always written to testdata and fails at once.
	if grep -q 'context deadline exceeded' "$log" && ! grep -q 'Failing input written' "$log"; then
		printf '\n==> %s %s again: the engine timed out without naming an input\n' "$pkg" "$target"
		fuzz "$pkg" "$target" && continue
	fi
	exit 1
done
