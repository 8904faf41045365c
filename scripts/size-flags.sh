# Sourced by scripts/build.sh and scripts/setup.sh: the one place the release wasm's unstable size
# options are written, and the check that the compiler is the one they were measured on.
#
# The household page must stay under 250 KB gzip on first load. Measured on it: a standard library
# compiled for the wasm with panics as plain traps (no panic messages, locations or formatting
# machinery) saves about 25 KB gzip. `-Zbuild-std`, `-Cpanic=immediate-abort` and
# `-Zlocation-detail=none` are unstable options of the pinned stable compiler (rust-toolchain.toml),
# unlocked for the web build only by RUSTC_BOOTSTRAP=1: the native tool, the tests and the
# wasm-bindgen test builds do not use them. Unstable options can change meaning or disappear in any
# release, so the build refuses any compiler but the pinned one instead of failing obscurely.
# RUSTFLAGS replaces the target's rustflags in .cargo/config.toml, so the flag set there
# (`--cfg erase_components`) is repeated.

MUCSONG_TOOLCHAIN="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$(dirname "${BASH_SOURCE[0]}")/../rust-toolchain.toml")"
if [[ -z "$MUCSONG_TOOLCHAIN" ]]; then
    echo "size-flags: expected channel = \"…\" in rust-toolchain.toml, but found none" >&2
    return 1 2>/dev/null || exit 1
fi

# Fails unless `rustc` is the pinned release.
check_pinned_compiler() {
    local found
    found="$(rustc --version 2>/dev/null || echo "no rustc")"
    if [[ "$found" != "rustc $MUCSONG_TOOLCHAIN "* ]]; then
        echo "build: the web build uses unstable size options measured on rustc $MUCSONG_TOOLCHAIN" >&2
        echo "       (rust-toolchain.toml), but the compiler here is: $found" >&2
        echo "       Run scripts/setup.sh to install the pinned toolchain, or update rust-toolchain.toml," >&2
        echo "       Cargo.toml's rust-version and re-measure the flags in scripts/size-flags.sh together." >&2
        return 1
    fi
}

# The standard library crates rebuilt for the wasm (setup.sh fetches their dependencies too).
MUCSONG_BUILD_STD="std,panic_abort"

# Sets the environment for a size build of the wasm (scripts/build.sh).
export_size_flags() {
    export RUSTC_BOOTSTRAP=1
    export CARGO_UNSTABLE_BUILD_STD="$MUCSONG_BUILD_STD"
    export RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"
}
# Tried and left out (household wasm, 2026-11-27): -Zfmt-debug=none saves about 0.1 KB gzip (the
# Debug code still linked is reached through std's error vtables, not `{:?}`) and would blank
# the `{:?}` parts of commune mode's messages; Talc as the global allocator adds about 0.4 KB gzip,
# because std keeps dlmalloc anyway (thread handles are allocated with `System` directly).
