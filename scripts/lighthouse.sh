#!/usr/bin/env bash
# Lighthouse audit of the built app (mobile emulation, Debian's Chromium); fails below 90 accessibility.
#
# Usage: scripts/lighthouse.sh [DIST_DIR]   (default dist/; build first with bash scripts/build.sh)
# Installs the Lighthouse pinned in scripts/lighthouse/package-lock.json (npm ci) on first use; it
# is large and only this audit needs it. Prints the performance, accessibility and best-practices
# scores and the audits that lost points; the JSON report is left in target/lighthouse.json.
# Performance is reported, not enforced: it depends on how busy the machine is.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DIST="$(cd "${1:-dist}" && pwd)"
MIN_ACCESSIBILITY=90
LH_DIR="$ROOT/scripts/lighthouse"
LH_BIN="$LH_DIR/node_modules/.bin/lighthouse"

# npm ci when the installed tree is missing or older than the lock file.
if [[ ! -x "$LH_BIN" || "$LH_DIR/package-lock.json" -nt "$LH_DIR/node_modules/.package-lock.json" ]]; then
    echo "==> lighthouse: npm ci in scripts/lighthouse"
    (cd "$LH_DIR" && npm ci --no-audit --no-fund --loglevel=error)
fi

# Serve dist/ on a free port with the project's own static server; stop it on exit.
PORT_FILE="$(mktemp)"
node -e '
  import("./scripts/static-server.mjs").then(async ({ startStaticServer }) => {
    const s = await startStaticServer({ root: process.argv[1] });
    require("node:fs").writeFileSync(process.argv[2], String(s.port));
  });' "$DIST" "$PORT_FILE" &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true; rm -f "$PORT_FILE"' EXIT
for _ in $(seq 50); do [[ -s "$PORT_FILE" ]] && break; sleep 0.1; done
URL="http://127.0.0.1:$(cat "$PORT_FILE")/"

mkdir -p target
REPORT="$ROOT/target/lighthouse.json"
CHROME_PATH=/usr/bin/chromium "$LH_BIN" "$URL" \
    --quiet \
    --only-categories=performance,accessibility,best-practices \
    --form-factor=mobile \
    --screenEmulation.mobile=true --screenEmulation.width=360 --screenEmulation.height=740 \
    --screenEmulation.deviceScaleFactor=2 \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
    --output=json --output-path="$REPORT"

node -e '
  const r = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
  const score = (k) => Math.round(r.categories[k].score * 100);
  const [perf, a11y, bp] = ["performance", "accessibility", "best-practices"].map(score);
  console.log(`lighthouse: performance ${perf}, accessibility ${a11y}, best-practices ${bp}`);
  for (const k of ["accessibility", "best-practices"]) {
    for (const ref of r.categories[k].auditRefs) {
      const a = r.audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 1) console.log(`  ${k}: ${a.id}: ${a.title}`);
    }
  }
  const min = Number(process.argv[2]);
  if (a11y < min) {
    console.error(`lighthouse: FAILED: expected accessibility of at least ${min}, but found ${a11y}`);
    process.exit(1);
  }' "$REPORT" "$MIN_ACCESSIBILITY"
