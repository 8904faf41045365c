//! The one native integration-test binary: each module is a group of tests against the public API.

mod cases;
