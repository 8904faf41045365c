#!/usr/bin/env bash
# Times `mucsong classify` on generated households (default 1,000,000) built with the `cli`
# profile, and prints MB/s, households/s and the maximum resident memory. Usage:
#   scripts/bench-cli.sh [N] [WORK_DIR]
# JOBS=1 scripts/bench-cli.sh measures one classifying thread (default: one per core).
set -euo pipefail
n="${1:-1000000}"
work="${2:-${TMPDIR:-/tmp}/mucsong-bench}"
root="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$work"
cd "$root"
cargo build --profile cli -p mucsong-cli -p mucsong-generator >&2
bin="$root/target/cli/mucsong"
input="$work/households-$n.jsonl"
if [[ ! -s "$input" ]]; then
  echo "generating $n households into $input" >&2
  "$root/target/cli/gen_households" "$n" > "$input"
fi
bytes=$(stat -c %s "$input")
lines=$(wc -l < "$input")
# GNU time reports the maximum resident set size; the output goes to /dev/null so only the tool is
# measured (the disk cache is warmed by the generator or by a previous run).
cat "$input" > /dev/null
set +e
/usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$bin" classify ${JOBS:+--jobs "$JOBS"} "$input" > /dev/null
status=$?
set -e
read -r seconds user_s sys_s max_rss_kb < "$work/time.txt"
if [[ $status -gt 1 ]]; then
  echo "mucsong failed with status $status" >&2
  exit "$status"
fi
# On a shared machine the wall clock includes waiting for a core; CPU time (user + system) shows
# what one core does.
awk -v jobs="${JOBS:-one per core}" -v b="$bytes" -v n="$lines" -v s="$seconds" -v u="$user_s" -v k="$sys_s" -v rss="$max_rss_kb" 'BEGIN {
  if (s <= 0) s = 0.01;
  c = u + k; if (c <= 0) c = 0.01;
  printf "input: %d households, %.1f MB (jobs: %s)\n", n, b / 1e6, jobs;
  printf "time: %.2f s wall, %.2f s CPU (%.2f user + %.2f system)\n", s, c, u, k;
  printf "throughput (wall): %.1f MB/s, %.0f households/s\n", b / 1e6 / s, n / s;
  printf "throughput (per CPU second): %.1f MB/s, %.0f households/s\n", b / 1e6 / c, n / c;
  printf "max RSS: %.1f MB\n", rss / 1024;
}'
