//! Fuzzes one whole-file household document: parsing, validation, classification and the result's
//! serialisation must never panic, and the output is always exactly one JSON line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mucsong_engine::AssessOptions;

fuzz_target!(|data: &[u8]| {
    let mut out = Vec::new();
    mucsong_batch::classify_json_document(data, &mut out, &AssessOptions::default())
        .expect("in-memory I/O cannot fail");
    assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 1);
    let _: serde_json::Value = serde_json::from_slice(&out).expect("the output line is JSON");
});
