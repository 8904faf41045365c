//! The one native integration-test binary; each module tests one area through the public API.

mod batch;
mod cases;
mod cli;
mod commune_parity;
mod engine_invariants;
mod json;
mod properties;
mod support;
