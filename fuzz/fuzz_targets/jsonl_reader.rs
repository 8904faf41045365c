//! Fuzzes the JSON Lines path end to end: reading, the engine, and writing. Every input must give
//! one output line per non-blank input line and never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mucsong_engine::{AssessOptions, Date};

fuzz_target!(|data: &[u8]| {
    let options = AssessOptions {
        as_of: data
            .first()
            .map(|b| Date::new(2025 + (*b as i32 % 4), 1 + b % 12, 1).unwrap()),
    };
    let mut out = Vec::new();
    let report = mucsong_batch::classify_json_lines(data, &mut out, &options)
        .expect("in-memory I/O cannot fail");
    let n_lines = out.iter().filter(|&&b| b == b'\n').count() as u64;
    assert_eq!(n_lines, report.n_classified + report.n_rejected);
});
