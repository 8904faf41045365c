//! Fuzzes the summary CSV path: encoding checks, separator sniffing, header mapping, cell parsing,
//! the engine's summary classification and the writer. Never panics; a run either ends normally or
//! with a file-level error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mucsong_engine::Date;

fuzz_target!(|data: &[u8]| {
    let date = Date::new(2026, 6, 1).unwrap();
    let mut out = Vec::new();
    let (report, _) = mucsong_batch::classify_summary_csv(data, &mut out, date, None);
    assert_eq!(report.summary.n_households, report.n_classified);
    let _ = mucsong_formats::summary_csv::parse_money(&String::from_utf8_lossy(data));
});
