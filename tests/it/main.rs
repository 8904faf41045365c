//! The one native integration-test binary; each module tests one area.

mod engine_invariants;
mod properties;
