//! The one native integration-test binary; each module tests one area.

mod batch;
mod cli;
mod engine_invariants;
mod properties;
