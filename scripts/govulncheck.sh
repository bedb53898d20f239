#!/usr/bin/env bash
# Reports the known vulnerabilities that Parley's code (tests included) can
# reach, and exits non-zero when there is any.
#
# The vulnerability database is built locally from the golang.org/x/vulndb
# module, fetched through the Go module proxy like any other module, so the
# check needs no other network access. Pin a newer VULNDB_VERSION to learn of
# newer vulnerabilities. The scan runs with the toolchain that go.mod pins, so
# that the standard library it checks is the one releases are built with.
set -euo pipefail

cd "$(dirname "$0")/.."

readonly GOVULNCHECK_VERSION=v1.9.0
readonly VULNDB_VERSION=v0.0.0-20261105234957-e22db6528018
readonly GO_TOOLCHAIN=go1.26.10

export GOTOOLCHAIN="$GO_TOOLCHAIN"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "toolchain: $(go version)"

GOBIN="$work/bin" go install "golang.org/x/vuln/cmd/govulncheck@${GOVULNCHECK_VERSION}"
GOBIN="$work/bin" go install "golang.org/x/vulndb/cmd/indexdb@${VULNDB_VERSION}"

# The module ships its reports as OSV JSON files under data/osv; indexdb lays
# them out as a v1 database (index/db.json, index/modules.json,
# index/vulns.json, ID/<id>.json), which govulncheck reads from a file URL.
vulndb_dir="$(cd "$work" && go mod download -json "golang.org/x/vulndb@${VULNDB_VERSION}" |
	sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
if [[ ! -d "$vulndb_dir/data/osv" ]]; then
	echo "golang.org/x/vulndb@${VULNDB_VERSION} holds no data/osv directory" >&2
	exit 1
fi
"$work/bin/indexdb" -vulns "$vulndb_dir/data/osv" -out "$work/db"
echo "vulnerability database: golang.org/x/vulndb@${VULNDB_VERSION}, $(find "$work/db/ID" -name '*.json' | wc -l) entries"

# govulncheck exits 3 when the code reaches a vulnerable symbol; findings in
# required modules that are never called are listed but do not fail.
status=0
"$work/bin/govulncheck" -db "file://$work/db" -test ./... || status=$?
if [[ "$status" -ne 0 ]]; then
	echo "govulncheck: reachable vulnerabilities found (exit status $status)" >&2
	exit "$status"
fi
echo "govulncheck: no reachable vulnerability"
