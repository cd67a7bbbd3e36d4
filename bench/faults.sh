#!/usr/bin/env bash
# bench/faults.sh: runs the fault-injection tests of e2e/faults_test.go for
# longer than CI does (more rounds of kill -9) and prints a summary. See
# bench/README.md, "Faults".
#
#   bench/faults.sh               # 10 rounds of kill -9
#   ROUNDS=30 bench/faults.sh     # more
#
# The disk-full test needs root (it mounts a tmpfs); the PostgreSQL test
# needs PostgreSQL's server programs. Each skips, saying why, without them.
set -euo pipefail

rounds=${ROUNDS:-10}
if [[ ! $rounds =~ ^[1-9][0-9]*$ ]]; then
  echo "faults: ROUNDS must be a whole number of rounds, 1 or more, not '$rounds'" >&2
  exit 2
fi
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$(mktemp "${TMPDIR:-/tmp}/factquiz-faults.XXXXXX")
trap 'rm -f "$out"' EXIT

cd "$root"
status=0
FACTQUIZ_KILL_ROUNDS=$rounds go test -run 'TestKillDashNine|TestSigtermUnderLoad|TestDiskFull|TestPostgresRestart' \
  -count=1 -v ./e2e 2>&1 | tee "$out" || status=$?

# The summary: each test's result and time, the kill rounds as a table,
# and the one line each other test logs (or why it was skipped).
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "unknown commit")
[[ -z $(git status --porcelain 2>/dev/null) ]] || commit+=" (modified)"
echo
echo "== faults: $commit, $rounds rounds of kill -9"
awk '
  function strip(line) { sub(/^ *faults_test\.go:[0-9]+: /, "", line); return line }
  /^=== RUN / { test = $3; next }
  /^ *faults_test\.go:[0-9]+: round [0-9]+\/[0-9]+: / {
    line = strip($0)
    split(line, w, " ")
    sub(/:$/, "", w[2])
    rows[test] = rows[test] sprintf("    %-7s %12s %8s\n", w[2], w[3], w[6])
    next
  }
  /^ *faults_test\.go:[0-9]+: (after [0-9]+ kills|SIGTERM:|disk full:|PostgreSQL restart:)/ {
    notes[test] = notes[test] "    " strip($0) "\n"
    next
  }
  /^ *faults_test\.go:[0-9]+: / { last[test] = strip($0) }
  /^--- (PASS|FAIL|SKIP): / {
    result = $2; sub(/:$/, "", result)
    printf "%-4s %s %s\n", result, $3, $4
    if (rows[$3] != "") printf "    %-7s %12s %8s\n%s", "round", "acknowledged", "checked", rows[$3]
    printf "%s", notes[$3]
    if (result == "SKIP") printf "    %s\n", last[$3]
    if (result == "FAIL") print "    (the failure is in the output above)"
  }
' "$out"
if ((status != 0)); then
  echo "faults: go test failed (status $status)"
fi
exit "$status"
