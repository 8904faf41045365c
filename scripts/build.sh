#!/usr/bin/env bash
# The one build of the browser app (release, offline): the household page into dist/, commune mode's page into dist/commune/, then the service worker's file lists.
#
# Usage: bash scripts/build.sh   (from anywhere; tools as installed by scripts/setup.sh)
# Order matters: Trunk empties its --dist directory before writing a build, so the household app
# (dist/) is built first and commune mode (dist/commune/) second. Each Trunk run moves its page's
# inline loader into a file (post_build hook in Trunk.toml); scripts/gen-precache.mjs then runs
# once over the complete dist/ to write sw.js's lists (household files precached at install,
# commune files and the English texts in lazy/ cached on first use) and cache version.
# Every wasm build of the app goes through this script: put build settings (environment
# variables for cargo/Trunk) here, so both pages get them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# cargo-installed tools (trunk, wasm-bindgen) and npm-installed ones (wasm-opt), as setup.sh puts them.
export PATH="$HOME/.cargo/bin:$(npm prefix -g)/bin:$PATH"

# Size: the unstable options and the pinned-compiler check live in scripts/size-flags.sh.
source "$ROOT/scripts/size-flags.sh"
check_pinned_compiler
export_size_flags

echo "==> build: household app (index.html -> dist/)"
trunk build index.html --dist dist --release --offline
# Trunk's minifier warns "Failed to minify JS" on wasm-bindgen's glue (it cannot parse
# `export default`) and leaves it as it is; terser minifies it here instead. The same step gives
# the wasm's imports and exports short names in both files, drops wasm-streams' exported classes
# (linked by Leptos, never used) and the wasm's custom sections, then runs wasm-opt once more
# (scripts/minify/shrink.mjs). Measured on the household page when it was added: the wasm
# 5.4 KB and the glue 2.5 KB gzip smaller.
node scripts/minify/minify.mjs glue dist
node scripts/minify/minify.mjs offline dist
# The household page's English texts: written by crates/i18n/build.rs during the wasm build (not
# compiled in), downloaded only when someone chooses English. Copied here rather than by Trunk,
# which may copy files before cargo has written it. Its first line must be the one compiled into
# the wasm (the same keys), else the page would refuse it.
ENGLISH="target/locales/household.en.txt"
mkdir -p dist/lazy
cp "$ENGLISH" dist/lazy/household.en.txt
if ! grep -qaF "$(head -n 1 "$ENGLISH")" dist/*.wasm; then
  echo "build: expected $ENGLISH's header in the household wasm (same build), but it is not there" >&2
  exit 1
fi
# The household record's QR code (public/lazy/qr.js, with Nayuki's qrcodegen from vendor/): an ES
# module the result page loads when it is shown, so neither is part of the first load; cached by
# the service worker on first use, like the English texts.
cp public/lazy/qr.js vendor/qrcodegen/qrcodegen.js dist/lazy/
node scripts/minify/minify.mjs lazy dist

echo "==> build: commune mode (commune.html -> dist/commune/)"
trunk build commune.html --dist dist/commune --release --offline
node scripts/minify/minify.mjs glue dist/commune

echo "==> build: service worker file lists"
node scripts/minify/minify.mjs sw dist
node scripts/gen-precache.mjs dist
