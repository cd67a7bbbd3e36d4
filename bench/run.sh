#!/usr/bin/env bash
# bench/run.sh: builds factquiz and a bare Fiber reference server, runs
# them on loopback ports, seeds attempts, loads them with wrk and a burst
# of new attempts, and prints a summary. See bench/README.md.
#
#   bench/run.sh                           # SQLite, 10 s per wrk run
#   BENCH_SECONDS=5 bench/run.sh           # shorter runs
#   BENCH_DB=postgres bench/run.sh         # PostgreSQL: one instance, then two
#   BENCH_DB=postgres BENCH_PG_URL=postgres://... bench/run.sh
#                                          # on an existing, empty database
#
# In PostgreSQL mode it starts a throwaway cluster (unless BENCH_PG_URL
# names a database) and two factquiz instances on it, and runs every
# factquiz load twice: against one instance, then spread over both.
#
# Raw outputs go to bench/out/<date-time>/. Everything it starts is
# stopped, and its temporary files deleted, when it exits.
set -euo pipefail

seconds=${BENCH_SECONDS:-10}
db_mode=${BENCH_DB:-sqlite}
connections=64
threads=2
# Enough answers for a server answering 30,000 a second; a run that uses
# them up repeats lines, and the repeats are reported as errors (409).
answer_attempts=${BENCH_ANSWER_ATTEMPTS:-$((seconds * 3000))}
page_attempts=200
burst_size=250

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
out=$here/out/$(date +%Y%m%d-%H%M%S)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/factquiz-bench.XXXXXX")
pids=()
finished=false
# The PostgreSQL cluster this script starts, if it starts one: its folder
# (owned by the postgres user, so outside $tmp), data directory and tools.
pg_dir=""
pg_data=""
pg_bin=""

# cleanup stops what the script started and deletes its temporary files;
# the outputs of a run that did not get to its summary are marked so that
# they are not taken for results. The factquiz instances stop before the
# PostgreSQL cluster they are connected to.
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [[ -n $pg_data ]]; then
    as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
      as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true
    if [[ -d $out && -f $pg_dir/server.log ]]; then
      cp "$pg_dir/server.log" "$out/postgres.log" 2>/dev/null || true
    fi
  fi
  rm -rf "$tmp"
  if [[ -n $pg_dir ]]; then
    rm -rf "$pg_dir"
  fi
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

for tool in go wrk curl awk gzip; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done
[[ $seconds =~ ^[1-9][0-9]*$ ]] || die "BENCH_SECONDS must be a whole number of seconds, not '$seconds'"
[[ $answer_attempts =~ ^[1-9][0-9]*$ ]] || die "BENCH_ANSWER_ATTEMPTS must be a positive whole number"
case $db_mode in
sqlite | postgres) ;;
*) die "BENCH_DB must be sqlite or postgres, not '$db_mode'" ;;
esac

# as_postgres runs a command as the postgres system user when this is
# root (PostgreSQL refuses to run as root), as this user otherwise.
as_postgres() {
  if ((EUID == 0)); then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

if [[ $db_mode == postgres && -z ${BENCH_PG_URL:-} ]]; then
  pg_bin=${BENCH_PG_BIN:-}
  if [[ -z $pg_bin ]]; then
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  fi
  if [[ -z $pg_bin ]] && command -v pg_ctl >/dev/null; then
    pg_bin=$(dirname "$(command -v pg_ctl)")
  fi
  for tool in initdb pg_ctl createdb psql; do
    [[ -x $pg_bin/$tool ]] || die "PostgreSQL's $tool not found (set BENCH_PG_BIN to the folder of initdb and pg_ctl, or BENCH_PG_URL to a database)"
  done
  if ((EUID == 0)); then
    id postgres >/dev/null 2>&1 || die "running as root: PostgreSQL needs a postgres system user to run as"
    command -v runuser >/dev/null || die "running as root: runuser is needed to run PostgreSQL as the postgres user"
  fi
fi
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

# start_factquiz starts factquiz serve on database db, on a free loopback
# port, with its log in $tmp/NAME.log, waits until it answers, and sets
# fq_pid and fq_url. The seed and the burst are many guests on one
# address, so the per-address limit on guest attempt starts is lifted.
start_factquiz() {
  local name=$1 db=$2
  "$tmp/factquiz" serve -db "$db" -addr 127.0.0.1:0 -guest-attempts-per-minute -1 2>"$tmp/$name.log" &
  fq_pid=$!
  pids+=("$fq_pid")
  fq_url=$(url_from "$tmp/$name.log" "$fq_pid")
  wait_for "$fq_url/api/articles"
}

# keep_log keeps a server's log with the outputs, compressed: factquiz
# logs a line per request, tens of MB in a run.
keep_log() {
  gzip -c "$tmp/$1.log" >"$out/$1.log.gz"
}

# server_errors counts what a factquiz log reports as errors: records at
# level ERROR (500s, panics), and a Go panic or a fatal exit.
server_errors() {
  grep -c 'level=ERROR\|^panic: \|^factquiz serve: ' "$tmp/$1.log" || true
}

# free_port prints a loopback TCP port that nothing answers on, below the
# range the kernel takes the local ports of connections from (where a
# busy machine's connections could hold it).
free_port() {
  local port low=32768
  if [[ -r /proc/sys/net/ipv4/ip_local_port_range ]]; then
    read -r low _ </proc/sys/net/ipv4/ip_local_port_range
  fi
  ((low > 12000)) || low=65535
  for _ in $(seq 50); do
    if ((low < 65535)); then
      port=$((10000 + RANDOM % (low - 10000)))
    else
      port=$((40000 + RANDOM % 20000))
    fi
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  die "found no free port for PostgreSQL"
}

say "building into $tmp"
(cd "$root" && go build -o "$tmp/factquiz" . &&
  go build -o "$tmp/refserver" ./bench/refserver &&
  go build -o "$tmp/seed" ./bench/seed &&
  go build -o "$tmp/burst" ./bench/burst)

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
reused() { awk '/^bench: lines / { print $7 }' "$out/$1.txt"; }
# burst_figure reads a figure of burst's output (burst.txt, or the file
# named by its second argument).
burst_figure() { awk -v k="$1" '$1 == k { print $2 }' "$out/${2:-burst}.txt"; }
burst_line() {
  echo "min $(burst_figure min_ms "$1") ms, median $(burst_figure median_ms "$1") ms," \
    "p99 $(burst_figure p99_ms "$1") ms, max $(burst_figure max_ms "$1") ms;" \
    "$(burst_figure over_1s "$1") over 1 s, $(burst_figure failed "$1") failed"
}
commit_line() {
  local commit
  commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
  [[ -z $(git -C "$root" status --porcelain -- . ':!bench' 2>/dev/null) ]] || commit+=" (modified)"
  echo "$(date '+%Y-%m-%d %H:%M'), commit $commit, $(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN) CPUs"
}

# wrk_run runs wrk with its output in $out/NAME.txt. When wrk_addrs lists
# servers (host:port, separated by spaces), common.lua sends each wrk
# thread to one of them instead of the URL's.
wrk_addrs=""
wrk_run() {
  local name=$1
  shift
  say "wrk: $name, ${seconds}s${wrk_addrs:+ on $wrk_addrs}"
  run "$out/$name.txt" env BENCH_WRK_ADDRS="$wrk_addrs" wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "$@"
}

finish() {
  finished=true
  echo
  cat "$out/summary.txt"
  if ((total_errors > 0)); then
    echo "bench: $total_errors errors in all; see the raw outputs" >&2
    exit 1
  fi
}

# ---------------------------------------------------------------------
# SQLite: one instance on a new database file.
# ---------------------------------------------------------------------
if [[ $db_mode == sqlite ]]; then
  say "starting factquiz on a new database"
  start_factquiz factquiz "$tmp/bench.db"

  say "starting the reference server"
  "$tmp/refserver" -addr 127.0.0.1:0 -db "$tmp/reference.db" >"$tmp/refserver.log" 2>&1 &
  ref_pid=$!
  pids+=("$ref_pid")
  ref_url=$(url_from "$tmp/refserver.log" "$ref_pid")
  wait_for "$ref_url/"

  say "seeding $answer_attempts attempts to answer and $page_attempts to show"
  run "$out/seed.txt" "$tmp/seed" -url "$fq_url" -answer-attempts "$answer_attempts" -page-attempts "$page_attempts" -out "$tmp"
  rss_start=$(rss_mb "$fq_pid")

  wrk_run reference "$ref_url/"
  wrk_run reference-insert -s "$here/insert.lua" "$ref_url/insert"
  wrk_run question-page -s "$here/pages.lua" "$fq_url" -- "$tmp/pages.tsv" "$threads"
  rss_pages=$(rss_mb "$fq_pid")
  wrk_run answers -s "$here/answers.lua" "$fq_url" -- "$tmp/answers.tsv" "$threads"

  say "burst: $burst_size new attempts at once"
  run "$out/burst.txt" "$tmp/burst" -url "$fq_url" -n "$burst_size"
  rss_end=$(rss_mb "$fq_pid")
  keep_log factquiz

  reused=$(reused answers)
  server_errors=$(server_errors factquiz)
  total_errors=0
  summary() {
    echo "factquiz benchmark, $(commit_line)"
    echo "wrk: ${seconds}s per run, $connections connections, $threads threads"
    echo
    printf '%-32s %12s %12s %8s\n' run "requests/s" "p99 ms" errors
    local name label e
    for name in reference reference-insert question-page answers; do
      case $name in
      reference) label="reference GET / (bare Fiber)" ;;
      reference-insert) label="reference POST /insert (GORM)" ;;
      question-page) label="question page GET /attempts/{id}" ;;
      answers) label="answer POST /api/.../answers" ;;
      esac
      e=$(errors "$name")
      total_errors=$((total_errors + e))
      printf '%-32s %12.1f %12s %8d\n' "$label" "$(rps "$name")" "$(p99_ms "$name")" "$e"
    done
    awk -v p="$(rps question-page)" -v r="$(rps reference)" \
      'BEGIN { printf "question page / reference: %.4f (%.2f %%)\n", p / r, 100 * p / r }'
    awk -v a="$(rps answers)" -v r="$(rps reference-insert)" \
      'BEGIN { printf "durable answers / reference insert: %.2f\n", a / r }'
    if ((reused > 0)); then
      echo "answers: ran out of seeded lines; $reused requests repeated an answer (409, counted as errors)"
    fi
    echo
    echo "burst: $(burst_figure requests) POST /api/attempts at once: $(burst_line burst)"
    total_errors=$((total_errors + $(burst_figure failed)))
    echo "factquiz memory (RSS): ${rss_start} MB after seeding, ${rss_pages} MB after the page run, ${rss_end} MB at the end"
    echo "factquiz logged $server_errors server errors"
    total_errors=$((total_errors + server_errors))
    echo "raw outputs: ${out#"$root"/}/"
  }
  summary >"$out/summary.txt"
  finish
  exit 0
fi

# ---------------------------------------------------------------------
# PostgreSQL: one cluster, two factquiz instances on one database; each
# load runs against instance 1 alone, then spread over both.
# ---------------------------------------------------------------------

# CPU accounting, in clock ticks read from /proc: the machine's total and
# idle (with I/O wait) time, each instance's, PostgreSQL's (the
# postmaster, its live processes, and those that ended), and the load
# generator's (wrk or burst: this shell's waited-for children). The
# kernel's network work is mostly charged to the processes it serves.
proc_ticks() {
  if [[ -n ${1:-} && -r /proc/$1/stat ]]; then
    awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0
  else
    echo 0
  fi
}
pg_ticks() {
  if [[ -z ${pg_pid:-} || ! -r /proc/$pg_pid/stat ]]; then
    echo 0
    return
  fi
  cat /proc/[0-9]*/stat 2>/dev/null | awk -v pm="$pg_pid" '{
    pid = $1; sub(/^.*\) /, "")
    if (pid == pm) t += $12 + $13 + $14 + $15
    else if ($2 == pm) t += $12 + $13
  } END { print t + 0 }'
}
child_ticks() { awk '{ sub(/^.*\) /, ""); print $14 + $15 }' "/proc/$$/stat"; }
# pg_sessions is how many connections the database has had, from
# PostgreSQL's statistics (which backends report within about a second).
pg_sessions() {
  if [[ -n $psql_cmd ]]; then
    "$psql_cmd" "$pg_url" -Atc "SELECT sessions FROM pg_stat_database WHERE datname = current_database()" 2>/dev/null || echo "?"
  else
    echo "?"
  fi
}
cpu_sample() {
  local machine
  machine=$(awk '$1 == "cpu" { print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9, $5 + $6 }' /proc/stat)
  echo "$machine $(proc_ticks "${fq_pids[0]:-}") $(proc_ticks "${fq_pids[1]:-}") $(pg_ticks) $(child_ticks) $(proc_ticks "${ref_pid:-}") $(pg_sessions)"
}
# measured runs a step and records the CPU each part used meanwhile.
measured() {
  local name=$1 before
  shift
  before=$(cpu_sample)
  "$@"
  echo "$name $before $(cpu_sample)" >>"$out/cpu.txt"
}

pg_pid=""
if [[ -n ${BENCH_PG_URL:-} ]]; then
  pg_url=$BENCH_PG_URL
  pg_where="the database of BENCH_PG_URL"
  psql_cmd=$(command -v psql || true)
  if [[ -n $psql_cmd ]]; then
    tables=$("$psql_cmd" "$pg_url" -Atc "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()") ||
      die "BENCH_PG_URL: cannot connect"
    [[ $tables == 0 ]] || die "BENCH_PG_URL names a database that has tables: give it an empty one, so that runs compare"
  else
    say "no psql: not checking that BENCH_PG_URL's database is empty"
  fi
else
  say "starting a PostgreSQL cluster ($pg_bin)"
  pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/factquiz-bench-pg.XXXXXX")
  if ((EUID == 0)); then
    chown postgres "$pg_dir"
  fi
  as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres >"$pg_dir/initdb.log" 2>&1 ||
    die "initdb failed: $(tail -n 5 "$pg_dir/initdb.log")"
  pg_data=$pg_dir/data
  # A port can be taken between free_port and the start: try a few.
  for try in 1 2 3 4 5; do
    pg_port=$(free_port)
    if as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_dir/server.log" -w -t 60 \
      -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1" start >/dev/null; then
      break
    fi
    ((try < 5)) || die "PostgreSQL did not start: $(tail -n 5 "$pg_dir/server.log")"
    say "PostgreSQL could not start on port $pg_port; trying another"
  done
  pg_pid=$(head -n 1 "$pg_data/postmaster.pid")
  "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres factquiz_bench
  pg_url="postgres://postgres@127.0.0.1:$pg_port/factquiz_bench?sslmode=disable"
  pg_where="a new cluster on this machine"
  psql_cmd=$pg_bin/psql
fi
pg_settings="settings unknown (no psql)"
if [[ -n $psql_cmd ]]; then
  pg_settings=$("$psql_cmd" "$pg_url" -Atc "SELECT 'PostgreSQL ' || current_setting('server_version') ||
    ', fsync ' || current_setting('fsync') || ', synchronous_commit ' || current_setting('synchronous_commit') ||
    ', shared_buffers ' || current_setting('shared_buffers') || ', max_connections ' || current_setting('max_connections')")
fi
say "$pg_settings"

say "starting two factquiz instances on the database"
fq_pids=()
fq_urls=()
fq_addrs=()
for i in 1 2; do
  start_factquiz "factquiz-$i" "$pg_url"
  fq_pids+=("$fq_pid")
  fq_urls+=("$fq_url")
  fq_addrs+=("${fq_url#http://}")
done
both_urls="${fq_urls[0]},${fq_urls[1]}"

say "starting the reference server"
"$tmp/refserver" -addr 127.0.0.1:0 >"$tmp/refserver.log" 2>&1 &
ref_pid=$!
pids+=("$ref_pid")
ref_url=$(url_from "$tmp/refserver.log" "$ref_pid")
wait_for "$ref_url/"

# Two sets of attempts, one for the runs against one instance and one for
# the runs against two: an answer can be sent once. Each guest gets its
# token from one instance and starts its attempt on the other, so every
# token and attempt is known to both.
for n in 1 2; do
  say "seeding set $n: $answer_attempts attempts to answer and $page_attempts to show, over both instances"
  mkdir -p "$tmp/set-$n"
  run "$out/seed-$n.txt" "$tmp/seed" -url "$both_urls" -answer-attempts "$answer_attempts" -page-attempts "$page_attempts" -out "$tmp/set-$n"
done
rss_start="$(rss_mb "${fq_pids[0]}") / $(rss_mb "${fq_pids[1]}")"

# The runs with two instances give wrk one thread per instance
# (common.lua reads BENCH_WRK_ADDRS): each thread's 32 connections go to
# its instance, and wrk reports one rate and one latency distribution.
# The pairs of runs follow each other, so that the database differs as
# little as can be between the two of a pair.
two_addrs="${fq_addrs[0]} ${fq_addrs[1]}"
measured reference wrk_run reference "$ref_url/"
measured question-page-1 wrk_run question-page-1 -s "$here/pages.lua" "${fq_urls[0]}" -- "$tmp/set-1/pages.tsv" "$threads"
wrk_addrs=$two_addrs
measured question-page-2 wrk_run question-page-2 -s "$here/pages.lua" "${fq_urls[0]}" -- "$tmp/set-2/pages.tsv" "$threads"
wrk_addrs=""
rss_pages="$(rss_mb "${fq_pids[0]}") / $(rss_mb "${fq_pids[1]}")"
measured answers-1 wrk_run answers-1 -s "$here/answers.lua" "${fq_urls[0]}" -- "$tmp/set-1/answers.tsv" "$threads"
wrk_addrs=$two_addrs
measured answers-2 wrk_run answers-2 -s "$here/answers.lua" "${fq_urls[0]}" -- "$tmp/set-2/answers.tsv" "$threads"
wrk_addrs=""

say "burst: $burst_size new attempts at once on one instance"
measured burst-1 run "$out/burst-1.txt" "$tmp/burst" -url "${fq_urls[0]}" -n "$burst_size"
say "burst: $burst_size new attempts at once, split over two instances"
measured burst-2 run "$out/burst-2.txt" "$tmp/burst" -url "$both_urls" -n "$burst_size"
rss_end="$(rss_mb "${fq_pids[0]}") / $(rss_mb "${fq_pids[1]}")"
keep_log factquiz-1
keep_log factquiz-2
errors_1=$(server_errors factquiz-1)
errors_2=$(server_errors factquiz-2)
logged_1=$(grep -c 'msg=request' "$tmp/factquiz-1.log" || true)
logged_2=$(grep -c 'msg=request' "$tmp/factquiz-2.log" || true)

# share is the part of a two-instance wrk run that went to instance 1, in
# per cent, from the per-thread counts common.lua prints.
share() {
  awk -v a="${fq_addrs[0]}" '/^bench: thread / { n += $7; if ($5 == a) one += $7 }
    END { if (n > 0) printf "%.0f", 100 * one / n; else print "?" }' "$out/$1.txt"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0) printf "%.2f", b / a; else print "-" }'; }

total_errors=0
summary_pg() {
  echo "factquiz benchmark on PostgreSQL, $(commit_line)"
  echo "$pg_settings; $pg_where"
  echo "wrk: ${seconds}s per run, $connections connections, $threads threads;" \
    "two instances: one wrk thread ($((connections / 2)) connections) per instance"
  echo
  printf '%-32s %27s   %27s   %13s\n' "" "------- one instance -------" "------- two instances ------" "-- two/one --"
  printf '%-32s %11s %7s %7s   %11s %7s %7s   %6s %6s\n' run "requests/s" "p99 ms" errors "requests/s" "p99 ms" errors "req/s" p99
  local name label e1 e2 r
  e1=$(errors reference)
  total_errors=$((total_errors + e1))
  printf '%-32s %11.1f %7s %7d\n' "reference GET / (bare Fiber)" "$(rps reference)" "$(p99_ms reference)" "$e1"
  for name in question-page answers; do
    case $name in
    question-page) label="question page GET /attempts/{id}" ;;
    answers) label="answer POST /api/.../answers" ;;
    esac
    e1=$(errors "$name-1")
    e2=$(errors "$name-2")
    total_errors=$((total_errors + e1 + e2))
    printf '%-32s %11.1f %7s %7d   %11.1f %7s %7d   %6s %6s\n' "$label" \
      "$(rps "$name-1")" "$(p99_ms "$name-1")" "$e1" "$(rps "$name-2")" "$(p99_ms "$name-2")" "$e2" \
      "$(ratio "$(rps "$name-1")" "$(rps "$name-2")")" "$(ratio "$(p99_ms "$name-1")" "$(p99_ms "$name-2")")"
  done
  awk -v p="$(rps question-page-1)" -v r="$(rps reference)" \
    'BEGIN { printf "question page (one instance) / reference: %.4f (%.2f %%)\n", p / r, 100 * p / r }'
  echo "two instances: instance 1 got $(share question-page-2) % of the page requests and $(share answers-2) % of the answers"
  for name in answers-1 answers-2; do
    r=$(reused "$name")
    if ((r > 0)); then
      echo "$name: ran out of seeded lines; $r requests repeated an answer (409, counted as errors)"
    fi
  done
  echo
  echo "burst: $(burst_figure requests burst-1) POST /api/attempts at once"
  echo "  one instance:  $(burst_line burst-1)"
  echo "  two instances: $(burst_line burst-2)"
  echo "  two/one: median $(ratio "$(burst_figure median_ms burst-1)" "$(burst_figure median_ms burst-2)")," \
    "p99 $(ratio "$(burst_figure p99_ms burst-1)" "$(burst_figure p99_ms burst-2)")," \
    "max $(ratio "$(burst_figure max_ms burst-1)" "$(burst_figure max_ms burst-2)")"
  total_errors=$((total_errors + $(burst_figure failed burst-1) + $(burst_figure failed burst-2)))
  echo
  echo "CPU during each run, in % of one core (the machine has $(nproc) cores: $((100 * $(nproc))) %):"
  awk -v ncpu="$(nproc)" -v haspg="$([[ -n $pg_pid ]] && echo 1 || echo 0)" '
    BEGIN {
      printf "%-18s %10s %10s %10s %10s %6s %6s   %s\n", "run", "factquiz 1", "factquiz 2", "PostgreSQL", "wrk/burst", "other", "idle", "new PG connections"
    }
    {
      # Fields: name, then total idle fq1 fq2 pg load ref sessions
      # before ($2-$9) and after ($10-$17) the run.
      core = ($10 - $2) / ncpu
      if (core <= 0) next
      idle = 100 * ($11 - $3) / core
      f1 = 100 * ($12 - $4) / core; f2 = 100 * ($13 - $5) / core
      pg = 100 * ($14 - $6) / core; load = 100 * ($15 - $7) / core; ref = 100 * ($16 - $8) / core
      other = 100 * ncpu - idle - f1 - f2 - pg - load - ref
      if (other > -0.5 && other < 0.5) other = 0
      # The psql that read the count before the run is one of them.
      conns = ($9 ~ /^[0-9]+$/ && $17 ~ /^[0-9]+$/) ? ($17 - $9 - 1 > 0 ? $17 - $9 - 1 : 0) : "?"
      if ($1 == "reference") {
        printf "%-18s %10s %10s %10s %10.0f %6.0f %6.0f   (refserver %.0f)\n", $1, "-", "-", "-", load, other, idle, ref
        next
      }
      printf "%-18s %10.0f %10.0f %10s %10.0f %6.0f %6.0f   %s\n", $1, f1, f2, haspg ? sprintf("%.0f", pg) : "-", load, other, idle, conns
    }' "$out/cpu.txt"
  echo "  (other: the rest of the machine: kernel threads, other users$([[ -z $pg_pid ]] && echo ', PostgreSQL'))"
  echo
  echo "factquiz memory (RSS), instance 1 / instance 2: ${rss_start} MB after seeding," \
    "${rss_pages} MB after the page runs, ${rss_end} MB at the end"
  echo "factquiz logged $errors_1 + $errors_2 server errors (instance 1 + instance 2);" \
    "$logged_1 + $logged_2 requests in all"
  total_errors=$((total_errors + errors_1 + errors_2))
  echo "raw outputs: ${out#"$root"/}/"
}
summary_pg >"$out/summary.txt"
finish
