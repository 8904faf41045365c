#!/usr/bin/env bash
# Installs what is missing (scripts/setup.sh), then runs every check and test; stops at the first failure.
#
# Steps: cargo fmt --check; clippy (native and wasm32, warnings are errors); native cargo test of
# the whole workspace; wasm-bindgen browser tests (of the crates that have any); the
# release build (scripts/build.sh: both pages and the service worker); the size budget; the end-to-end browser tests
# (tests/e2e/*.test.mjs); and the Lighthouse audit (accessibility at least 90; LIGHTHOUSE=0
# skips it). Ends with one summary line counting the tests that ran. Used by .ci/run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
START=$SECONDS
LOG_DIR="$(mktemp -d -t mucsong-test.XXXXXX)"
trap 'rm -rf "$LOG_DIR"' EXIT

export CARGO_PROFILE_DEV_DEBUG=0
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
N_PASSED=0
N_FAILED=0
TIMINGS=()

# Runs one named step with its output shown and kept in a log; on failure, prints the summary and
# exits with the step's status.
step() {
    local name="$1"
    shift
    local log="$LOG_DIR/$name.log"
    local started=$SECONDS
    printf '\n==> test: %s\n' "$name"
    set +e
    "$@" 2>&1 | tee "$log"
    local status=${PIPESTATUS[0]}
    set -e
    TIMINGS+=("$(printf '%-12s %4ds' "$name" $((SECONDS - started)))")
    count_tests "$log"
    if [[ $status -ne 0 ]]; then
        printf '\n==> test: step "%s" FAILED (exit %d) after %ds\n' "$name" "$status" $((SECONDS - START))
        echo "summary: $N_PASSED passed, $((N_FAILED > 0 ? N_FAILED : 1)) failed"
        exit "$status"
    fi
}

# Adds the counts printed by cargo test ("test result: ok. 12 passed; 0 failed") and node's test
# runner ("ℹ pass 3" / "ℹ fail 0", or "# pass 3" in TAP) to the totals.
count_tests() {
    local p f
    # grep finds nothing in most logs; that is not an error here.
    set +o pipefail
    p=$(grep -Eo 'test result: [A-Za-z]+\. [0-9]+ passed' "$1" | awk '{s += $4} END {print s + 0}')
    f=$(grep -Eo '[0-9]+ failed;' "$1" | awk '{s += $1} END {print s + 0}')
    N_PASSED=$((N_PASSED + p))
    N_FAILED=$((N_FAILED + f))
    p=$(grep -E '^(# |ℹ )pass [0-9]+$' "$1" | awk '{s += $3} END {print s + 0}')
    f=$(grep -E '^(# |ℹ )fail [0-9]+$' "$1" | awk '{s += $3} END {print s + 0}')
    N_PASSED=$((N_PASSED + p))
    N_FAILED=$((N_FAILED + f))
    set -o pipefail
}

step setup bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$(npm prefix -g)/bin:$PATH"

step fmt cargo fmt --all -- --check
# Every crate, every target (tests, benches, the tools), on the machine and for the browser.
step clippy cargo clippy --locked --workspace --all-targets -- -D warnings
step clippy-wasm cargo clippy --locked --workspace --all-targets --target wasm32-unknown-unknown -- -D warnings
# Every crate's unit tests, the integration-test binaries (tests/it, crates/cli/tests/it) and doc
# tests (benches are not built).
step cargo-test cargo test --locked --workspace --no-fail-fast

# wasm-bindgen browser tests: the crates that have them (a wasm build of their tests, run in
# headless Chromium by wasm-bindgen-test-runner).
mapfile -t WASM_TEST_CRATES < <(
    for dir in . crates/*; do
        if grep -rqs --include='*.rs' 'wasm_bindgen_test' "$dir/src"; then
            sed -n 's/^name = "\(.*\)"/-p\n\1/p' "$dir/Cargo.toml" | head -n 2
        fi
    done
)
if [[ ${#WASM_TEST_CRATES[@]} -gt 0 ]]; then
    step wasm-test env CHROMEDRIVER=/usr/bin/chromedriver \
        cargo test --locked --target wasm32-unknown-unknown --lib "${WASM_TEST_CRATES[@]}"
else
    printf '\n==> test: wasm-test skipped (no wasm_bindgen_test in any crate)\n'
fi

step build bash scripts/build.sh
step budget node scripts/budget.mjs dist

# The end-to-end specs serve dist/ themselves (tests/e2e/support/harness.mjs); one browser at a
# time, because the machine has two cores.
mapfile -t SPECS < <(cd tests/e2e && ls ./*.test.mjs)
step e2e env MUCSONG_DIST="$ROOT/dist" bash -c 'cd tests/e2e && node --test --test-concurrency=1 --test-reporter=spec "$@"' e2e "${SPECS[@]}"

# About 20 s (plus a one-time npm ci); LIGHTHOUSE=0 skips it.
if [[ "${LIGHTHOUSE:-1}" == 1 ]]; then
    step lighthouse bash scripts/lighthouse.sh dist
fi

printf '\n==> test: timings\n'
printf '  %s\n' "${TIMINGS[@]}"
printf '==> test: everything passed in %ds\n' $((SECONDS - START))
echo "summary: $N_PASSED passed, $N_FAILED failed"
