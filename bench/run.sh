#!/usr/bin/env bash
# bench/run.sh: builds factquiz and a bare Fiber reference server, runs
# them on loopback ports, seeds attempts, loads them with wrk and a burst
# of new attempts, and prints a summary. See bench/README.md.
#
#   bench/run.sh                  # 10 s per wrk run
#   BENCH_SECONDS=5 bench/run.sh  # shorter runs
#
# Raw outputs go to bench/out/<date-time>/. Everything it starts is
# stopped, and its temporary files deleted, when it exits.
set -euo pipefail

seconds=${BENCH_SECONDS:-10}
connections=64
threads=2
# Enough answers for a server answering 4,000 a second; a run that uses
# them up repeats lines, and the repeats are reported as errors (409).
answer_attempts=${BENCH_ANSWER_ATTEMPTS:-$((seconds * 400))}
page_attempts=200
burst_size=250

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
out=$here/out/$(date +%Y%m%d-%H%M%S)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/factquiz-bench.XXXXXX")
pids=()
finished=false

# cleanup stops what the script started and deletes its temporary files;
# the outputs of a run that did not get to its summary are marked so that
# they are not taken for results.
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$tmp"
  if [[ $finished == false && -d $out ]]; then
    mv "$out" "$out-incomplete"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say() { printf '== %s\n' "$*" >&2; }
die() {
  printf 'bench: %s\n' "$*" >&2
  exit 1
}

for tool in go wrk curl awk; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done
[[ $seconds =~ ^[1-9][0-9]*$ ]] || die "BENCH_SECONDS must be a whole number of seconds, not '$seconds'"
[[ $answer_attempts =~ ^[1-9][0-9]*$ ]] || die "BENCH_ANSWER_ATTEMPTS must be a positive whole number"
mkdir -p "$out"

# url_from waits until log holds "http://127.0.0.1:PORT" (the servers
# listen on port 0 and log the port they got) and prints it.
url_from() {
  local log=$1 pid=$2 url
  for _ in $(seq 100); do
    url=$(grep -o -m1 'http://127\.0\.0\.1:[0-9]*' "$log" || true)
    if [[ -n $url ]]; then
      echo "$url"
      return
    fi
    kill -0 "$pid" 2>/dev/null || die "server exited: $(cat "$log")"
    sleep 0.1
  done
  die "server did not say where it listens: $(cat "$log")"
}

# wait_for waits until GET url answers with a 2xx status.
wait_for() {
  local url=$1
  for _ in $(seq 100); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return
    sleep 0.1
  done
  die "$url does not answer"
}

# run runs a command in the background with its output in a file, waits
# for it and then shows the output. Waiting with the wait builtin lets
# Ctrl-C stop the script at once: bash ignores a SIGINT that a foreground
# wrk catches (to print its figures) and goes on with the next step.
run() {
  local file=$1
  shift
  "$@" >"$file" &
  pids+=("$!")
  wait "$!"
  cat "$file" >&2
}

# rss_mb is a process's resident memory in MB ("?" without Linux's /proc).
rss_mb() {
  if [[ -r /proc/$1/status ]]; then
    awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"
  else
    echo "?"
  fi
}

say "building into $tmp"
(cd "$root" && go build -o "$tmp/factquiz" . &&
  go build -o "$tmp/refserver" ./bench/refserver &&
  go build -o "$tmp/seed" ./bench/seed &&
  go build -o "$tmp/burst" ./bench/burst)

say "starting factquiz on a new database"
"$tmp/factquiz" serve -db "$tmp/bench.db" -addr 127.0.0.1:0 2>"$tmp/factquiz.log" &
fq_pid=$!
pids+=("$fq_pid")
fq_url=$(url_from "$tmp/factquiz.log" "$fq_pid")
wait_for "$fq_url/api/articles"

say "starting the reference server"
"$tmp/refserver" -addr 127.0.0.1:0 >"$tmp/refserver.log" 2>&1 &
ref_pid=$!
pids+=("$ref_pid")
ref_url=$(url_from "$tmp/refserver.log" "$ref_pid")
wait_for "$ref_url/"

say "seeding $answer_attempts attempts to answer and $page_attempts to show"
run "$out/seed.txt" "$tmp/seed" -url "$fq_url" -answer-attempts "$answer_attempts" -page-attempts "$page_attempts" -out "$tmp"
rss_start=$(rss_mb "$fq_pid")

wrk_run() {
  local name=$1
  shift
  say "wrk: $name, ${seconds}s"
  run "$out/$name.txt" wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "$@"
}
wrk_run reference "$ref_url/"
wrk_run question-page -s "$here/pages.lua" "$fq_url" -- "$tmp/pages.tsv" "$threads"
rss_pages=$(rss_mb "$fq_pid")
wrk_run answers -s "$here/answers.lua" "$fq_url" -- "$tmp/answers.tsv" "$threads"

say "burst: $burst_size new attempts at once"
run "$out/burst.txt" "$tmp/burst" -url "$fq_url" -n "$burst_size"
rss_end=$(rss_mb "$fq_pid")
cp "$tmp/factquiz.log" "$out/factquiz.log"

# Readers of wrk's output. Latencies are converted to milliseconds.
rps() { awk '/^Requests\/sec:/ { print $2 }' "$out/$1.txt"; }
p99_ms() {
  awk '$1 == "99%" {
    v = $2
    if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v) }
    else if (v ~ /m$/) { sub(/m$/, "", v); v *= 60000 }
    else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 }
    printf "%.2f", v
  }' "$out/$1.txt"
}
# socket_errors sums wrk's connect, read, write and timeout errors.
socket_errors() {
  awk '/Socket errors:/ { gsub(/,/, ""); print $4 + $6 + $8 + $10; found = 1 }
    END { if (!found) print 0 }' "$out/$1.txt"
}
# http_errors is wrk's count of statuses over 399, or for the scripted
# runs the count of statuses other than 200 (3xx included).
http_errors() {
  awk '/^bench: not-200 / { n = $3; scripted = 1 }
    /Non-2xx or 3xx responses:/ { plain = $NF }
    END { print scripted ? n : plain + 0 }' "$out/$1.txt"
}
errors() { echo $(($(socket_errors "$1") + $(http_errors "$1"))); }
burst_figure() { awk -v k="$1" '$1 == k { print $2 }' "$out/burst.txt"; }

reused=$(awk '/^bench: lines / { print $7 }' "$out/answers.txt")
server_errors=$(grep -c ' error: \| panic: ' "$out/factquiz.log" || true)
total_errors=0
summary() {
  local commit
  commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
  [[ -z $(git -C "$root" status --porcelain -- . ':!bench' 2>/dev/null) ]] || commit+=" (modified)"
  echo "factquiz benchmark, $(date '+%Y-%m-%d %H:%M'), commit $commit, $(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN) CPUs"
  echo "wrk: ${seconds}s per run, $connections connections, $threads threads"
  echo
  printf '%-32s %12s %12s %8s\n' run "requests/s" "p99 ms" errors
  local name label e
  for name in reference question-page answers; do
    case $name in
    reference) label="reference GET / (bare Fiber)" ;;
    question-page) label="question page GET /attempts/{id}" ;;
    answers) label="answer POST /api/.../answers" ;;
    esac
    e=$(errors "$name")
    total_errors=$((total_errors + e))
    printf '%-32s %12.1f %12s %8d\n' "$label" "$(rps "$name")" "$(p99_ms "$name")" "$e"
  done
  awk -v p="$(rps question-page)" -v r="$(rps reference)" \
    'BEGIN { printf "question page / reference: %.4f (%.2f %%)\n", p / r, 100 * p / r }'
  if ((reused > 0)); then
    echo "answers: ran out of seeded lines; $reused requests repeated an answer (409, counted as errors)"
  fi
  echo
  echo "burst: $(burst_figure requests) POST /api/attempts at once:" \
    "min $(burst_figure min_ms) ms, median $(burst_figure median_ms) ms," \
    "p99 $(burst_figure p99_ms) ms, max $(burst_figure max_ms) ms;" \
    "$(burst_figure over_1s) over 1 s, $(burst_figure failed) failed"
  total_errors=$((total_errors + $(burst_figure failed)))
  echo "factquiz memory (RSS): ${rss_start} MB after seeding, ${rss_pages} MB after the page run, ${rss_end} MB at the end"
  echo "factquiz logged $server_errors server errors"
  total_errors=$((total_errors + server_errors))
  echo "raw outputs: ${out#"$root"/}/"
}
summary >"$out/summary.txt"
finished=true
echo
cat "$out/summary.txt"
if ((total_errors > 0)); then
  echo "bench: $total_errors errors in all; see the raw outputs" >&2
  exit 1
fi
