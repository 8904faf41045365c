#!/usr/bin/env bash
# Installs every tool the app's build and tests need, skipping what is already there (idempotent).
#
# Meant for a fresh Debian 12 machine with rustup (stable), node 20 + npm, running as root, with
# only the package registries reachable. Sourced or run by scripts/serve.sh and scripts/test.sh.
# Versions are pinned here and in Trunk.toml; wasm-bindgen-cli must equal the wasm-bindgen in
# Cargo.lock, so it is read from there rather than written down twice.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132"

export PATH="$HOME/.cargo/bin:$PATH"
NPM_BIN="$(npm prefix -g)/bin"
export PATH="$NPM_BIN:$PATH"

say() { printf '\n==> setup: %s\n' "$*"; }

# The version of a package in Cargo.lock: the line after `name = "<crate>"`.
locked_version() {
    awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

WASM_BINDGEN_VERSION="$(locked_version wasm-bindgen)"
if [[ -z "$WASM_BINDGEN_VERSION" ]]; then
    echo "setup: expected a wasm-bindgen entry in Cargo.lock, but found none" >&2
    exit 1
fi

# Trunk.toml pins the same versions; a mismatch would make Trunk try to download its own tools,
# which fails offline. Catch it here with a clear message instead.
if ! grep -q "wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml; then
    echo "setup: Trunk.toml [tools] wasm_bindgen must be \"$WASM_BINDGEN_VERSION\" (Cargo.lock), but it is: $(grep wasm_bindgen Trunk.toml || echo missing)" >&2
    exit 1
fi

# The compiler: exactly the release rust-toolchain.toml pins (scripts/size-flags.sh reads it too),
# with the components and target the build and the tests use. Inside this folder rustup then runs
# that release whatever the machine's default is.
source "$ROOT/scripts/size-flags.sh"
if rustup run "$MUCSONG_TOOLCHAIN" rustc --version >/dev/null 2>&1; then
    say "rust $MUCSONG_TOOLCHAIN: present"
else
    say "installing rust $MUCSONG_TOOLCHAIN (rust-toolchain.toml)"
    rustup toolchain install "$MUCSONG_TOOLCHAIN" --profile minimal
fi
for component in rust-src rustfmt clippy; do
    if rustup component list --toolchain "$MUCSONG_TOOLCHAIN" --installed | grep -q "^$component"; then
        say "$component component: present"
    else
        say "adding the $component component"
        rustup component add --toolchain "$MUCSONG_TOOLCHAIN" "$component"
    fi
done
if rustup target list --toolchain "$MUCSONG_TOOLCHAIN" --installed | grep -qx wasm32-unknown-unknown; then
    say "wasm32-unknown-unknown target: present"
else
    say "adding the wasm32-unknown-unknown target"
    rustup target add --toolchain "$MUCSONG_TOOLCHAIN" wasm32-unknown-unknown
fi
check_pinned_compiler

if [[ "$(trunk --version 2>/dev/null || true)" == "trunk $TRUNK_VERSION" ]]; then
    say "trunk $TRUNK_VERSION: present"
else
    say "installing trunk $TRUNK_VERSION (cargo install, several minutes)"
    # Trunk's own release profile is fat LTO with one codegen unit: on two cores that doubles the
    # install time for no benefit to us, so cargo's config overrides it here. Without the
    # update_check feature Trunk never asks crates.io for newer versions of itself.
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
        cargo install --locked trunk --version "$TRUNK_VERSION" --no-default-features --features rustls
fi

if [[ "$(wasm-bindgen --version 2>/dev/null || true)" == "wasm-bindgen $WASM_BINDGEN_VERSION" ]]; then
    say "wasm-bindgen $WASM_BINDGEN_VERSION: present"
else
    # Resolved fresh (no --locked), which is how it was installed and tested on these machines.
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (cargo install, a few minutes)"
    cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [[ "$(wasm-opt --version 2>/dev/null || true)" == *"version $BINARYEN_VERSION"* ]]; then
    say "wasm-opt $BINARYEN_VERSION: present"
else
    say "installing binaryen@$BINARYEN_VERSION (npm, gives wasm-opt)"
    npm install -g --no-audit --no-fund "binaryen@$BINARYEN_VERSION"
fi

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
    say "chromium + chromedriver: present"
else
    say "installing chromium + chromium-driver (apt)"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
fi

# The release build minifies its JavaScript with the terser pinned here (scripts/minify/minify.mjs).
say "npm ci in scripts/minify"
(cd scripts/minify && npm ci --no-audit --no-fund --loglevel=error)

say "npm ci in tests/e2e"
(cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)

# Trunk builds with --offline, so every crate must already be in cargo's cache.
say "cargo fetch"
cargo fetch --locked
# scripts/build.sh rebuilds the standard library for the wasm (scripts/size-flags.sh) and builds
# offline: std's own crates.io dependencies (dlmalloc, hashbrown, ...) are not in Cargo.lock, so
# plain `cargo fetch` leaves them out and a clean machine's offline build would fail to find them.
say "cargo fetch for the rebuilt standard library"
(export_size_flags && cargo fetch --locked --target wasm32-unknown-unknown)

say "tools: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version), $(/usr/bin/chromium --version 2>/dev/null | head -n1), node $(node --version)"
