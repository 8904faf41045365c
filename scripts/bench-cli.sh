#!/usr/bin/env bash
# Times `mucsong classify` (built with the `cli` profile) on generated JSON Lines households.
#
#   scripts/bench-cli.sh [N] [WORK_DIR]
#     On one file of N households (default 1,000,000, generated once into WORK_DIR): the rate of
#     merely parsing each line into a serde_json::Value on one core (the yardstick), the CLI's
#     rate with its default jobs (one per core), their ratio and the CLI's peak memory.
#   scripts/bench-cli.sh --national [N]
#     A national-scale run: N households (default 27,000,000) generated as a stream and piped into
#     `mucsong classify -` (nothing on disk), with the time and both processes' peak memory.
#
# JOBS=1 measures one classifying thread (default: one per core).
set -euo pipefail
national=false
if [[ "${1:-}" == "--national" ]]; then
  national=true
  shift
fi
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cargo build --profile cli -p mucsong-cli -p mucsong-generator >&2
cargo build --profile cli -p mucsong-cli --example parse_value >&2
bin="$root/target/cli/mucsong"
gen="$root/target/cli/gen_households"
work="${TMPDIR:-/tmp}/mucsong-bench"
mkdir -p "$work"

# Runs a command under GNU time: sets seconds, cpu (user + system) and rss_mb.
timed() {
  local out="$1"
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" > "$out"
  read -r seconds user_s sys_s rss_kb < "$work/time.txt"
  cpu=$(awk -v u="$user_s" -v s="$sys_s" 'BEGIN { printf "%.2f", u + s }')
  rss_mb=$(awk -v k="$rss_kb" 'BEGIN { printf "%.1f", k / 1024 }')
}

if $national; then
  n="${1:-27000000}"
  echo "national run: $n generated households piped into mucsong classify - (jobs: ${JOBS:-one per core})" >&2
  start=$(date +%s.%N)
  # Each side under its own GNU time; the results go to /dev/null.
  set +e
  /usr/bin/time -f "%e %U %S %M" -o "$work/gen-time.txt" "$gen" "$n" |
    /usr/bin/time -f "%e %U %S %M" -o "$work/cli-time.txt" "$bin" classify ${JOBS:+--jobs "$JOBS"} - > /dev/null
  statuses=("${PIPESTATUS[@]}")
  set -e
  end=$(date +%s.%N)
  if [[ ${statuses[0]} -ne 0 || ${statuses[1]} -gt 1 ]]; then
    echo "the run failed: gen_households status ${statuses[0]}, mucsong status ${statuses[1]}" >&2
    exit 1
  fi
  read -r _ gen_u gen_s gen_kb < "$work/gen-time.txt"
  read -r _ cli_u cli_s cli_kb < "$work/cli-time.txt"
  awk -v n="$n" -v t0="$start" -v t1="$end" -v gu="$gen_u" -v gs="$gen_s" -v gk="$gen_kb" \
    -v cu="$cli_u" -v cs="$cli_s" -v ck="$cli_kb" 'BEGIN {
    s = t1 - t0; if (s <= 0) s = 0.01;
    printf "households: %d, generated and classified as a stream\n", n;
    printf "time: %.1f s wall (%.1f min), %.0f households/s\n", s, s / 60, n / s;
    printf "CPU: generator %.1f s, mucsong %.1f s\n", gu + gs, cu + cs;
    printf "peak memory: mucsong %.1f MB, generator %.1f MB\n", ck / 1024, gk / 1024;
  }'
  exit 0
fi

n="${1:-1000000}"
work="${2:-$work}"
mkdir -p "$work"
input="$work/households-$n.jsonl"
if [[ ! -s "$input" ]]; then
  echo "generating $n households into $input" >&2
  "$gen" "$n" > "$input"
fi
bytes=$(stat -c %s "$input")
lines=$(wc -l < "$input")
# The disk cache is warmed by the generator or by a previous run.
cat "$input" > /dev/null

timed "$work/parsed.txt" "$root/target/cli/examples/parse_value" "$input"
parse_s=$seconds parse_cpu=$cpu
set +e
timed /dev/null "$bin" classify ${JOBS:+--jobs "$JOBS"} "$input"
status=$?
set -e
if [[ $status -gt 1 ]]; then
  echo "mucsong failed with status $status" >&2
  exit "$status"
fi
# On a shared machine the wall clock includes waiting for a core; CPU time (user + system) shows
# what one core does.
awk -v jobs="${JOBS:-one per core}" -v b="$bytes" -v n="$lines" -v ps="$parse_s" -v pc="$parse_cpu" \
  -v s="$seconds" -v c="$cpu" -v rss="$rss_mb" -v cores="$(nproc)" 'BEGIN {
  if (ps <= 0) ps = 0.01; if (pc <= 0) pc = 0.01; if (s <= 0) s = 0.01; if (c <= 0) c = 0.01;
  printf "input: %d households, %.1f MB; %d cores\n", n, b / 1e6, cores;
  printf "serde_json Value parse, 1 core: %.2f s wall, %.0f households/s (%.0f per CPU second)\n", ps, n / ps, n / pc;
  printf "mucsong classify (jobs: %s): %.2f s wall, %.2f s CPU, %.0f households/s, %.1f MB/s (%.0f households per CPU second)\n", jobs, s, c, n / s, b / 1e6 / s, n / c;
  printf "ratio, mucsong / serde_json Value parse (wall): %.2f\n", ps / s;
  printf "peak RSS (mucsong): %.1f MB\n", rss;
}'
