//! The one native integration-test binary; each module tests one area through the public API.
#![cfg(not(target_arch = "wasm32"))]

mod architecture;
mod batch;
mod cases;
mod engine_invariants;
mod household_stream;
mod json;
mod properties;
