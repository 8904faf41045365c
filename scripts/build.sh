#!/usr/bin/env bash
# The one build of the browser app (release, offline): the household page into dist/, commune mode's page into dist/commune/, then the service worker's file lists.
#
# Usage: bash scripts/build.sh   (from anywhere; tools as installed by scripts/setup.sh)
# Order matters: Trunk empties its --dist directory before writing a build, so the household app
# (dist/) is built first and commune mode (dist/commune/) second. Each Trunk run moves its page's
# inline loader into a file (post_build hook in Trunk.toml); scripts/gen-precache.mjs then runs
# once over the complete dist/ to write sw.js's lists (household files precached at install,
# commune files cached on first use) and cache version.
# Every wasm build of the app goes through this script: put build settings (environment
# variables for cargo/Trunk) here, so both pages get them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

echo "==> build: household app (index.html -> dist/)"
trunk build index.html --dist dist --release --offline

echo "==> build: commune mode (commune.html -> dist/commune/)"
trunk build commune.html --dist dist/commune --release --offline

echo "==> build: service worker file lists"
node scripts/gen-precache.mjs dist
