//! The one native integration-test binary: each module tests one area through the public API.

mod batch;
mod cli;
mod commune_parity;
