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
# cargo-installed tools (trunk, wasm-bindgen) and npm-installed ones (wasm-opt), as setup.sh puts them.
export PATH="$HOME/.cargo/bin:$(npm prefix -g)/bin:$PATH"

# Size (the first load must stay under 250 KB gzip): the release wasm is built with a standard
# library compiled for it, with panics as plain traps (no panic messages, locations or formatting
# machinery in the bundle; the profile already aborts on panic). Measured on the household page:
# the wasm shrinks by about 25 KB gzip. `-Zbuild-std` and `-Cpanic=immediate-abort` are unstable
# options of the pinned stable compiler, unlocked for this build only by RUSTC_BOOTSTRAP=1 (the
# native tool, the tests and the wasm-bindgen test builds do not use them). RUSTFLAGS replaces the
# target's rustflags in .cargo/config.toml, so the flags set there are repeated here.
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"
# Tried and left out (household wasm, 2026-11-27): -Zfmt-debug=none saves about 0.1 KB gzip (the
# Debug code still linked is reached through std's error vtables, not `{:?}`) and would blank
# the `{:?}` parts of commune mode's messages; Talc as the global allocator adds about 0.4 KB gzip,
# because std keeps dlmalloc anyway (thread handles are allocated with `System` directly).

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

echo "==> build: commune mode (commune.html -> dist/commune/)"
trunk build commune.html --dist dist/commune --release --offline
node scripts/minify/minify.mjs glue dist/commune

echo "==> build: service worker file lists"
node scripts/minify/minify.mjs sw dist
node scripts/gen-precache.mjs dist
