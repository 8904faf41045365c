//! Invariants of the engine stated as absences and completeness checks: the engine does no I/O,
//! reads no clock and knows no browser; every rule value carries its date, reference and status;
//! the official tables are the spec's, byte for byte.

use mucsong::engine::{rules, RuleStatus};
use std::path::{Path, PathBuf};

fn engine_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/engine") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            engine_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_engine_does_no_io_reads_no_clock_and_knows_no_browser() {
    const FORBIDDEN: [&str; 11] = [
        "leptos",
        "web_sys",
        "js_sys",
        "wasm_bindgen",
        "std::fs",
        "std::time",
        "SystemTime",
        "Instant",
        "chrono",
        "std::env",
        "std::io",
    ];
    let mut files = Vec::new();
    engine_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine"),
        &mut files,
    );
    assert!(files.len() >= 5, "engine files not found");
    let mut offences = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read");
        for (n, line) in text.lines().enumerate() {
            for word in FORBIDDEN {
                if line.contains(word) {
                    offences.push(format!("{}:{}: {word}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "forbidden in the engine:\n{}",
        offences.join("\n")
    );
}

#[test]
fn every_rule_value_has_a_reference_a_date_and_a_status() {
    let r = rules();
    let check = |what: &str, document: &str, status: RuleStatus| {
        assert!(!document.trim().is_empty(), "{what}: no reference");
        let _ = status;
    };
    assert!(r.parameters().len() >= 40);
    for (key, p) in &r.parameters() {
        assert!(!p.values.is_empty(), "{key}: no values");
        for v in &p.values {
            check(key, &v.reference.document, v.status);
            assert!(
                v.until.is_none_or(|u| u >= v.since),
                "{key}: until before since"
            );
            assert!(
                v.reviewed_on >= v.since || v.since.year() >= 2025,
                "{key}: reviewed before it applied"
            );
            if v.status == RuleStatus::Interpretation {
                let i = v.interpretation.as_deref().unwrap_or_default();
                assert!(
                    i.is_empty() || r.interpretation(i).is_some(),
                    "{key}: unknown interpretation {i}"
                );
            }
        }
    }
    for e in &r.editions {
        let p = e.provenance();
        check(&e.key, &p.reference.document, p.status);
        assert!(e.since < e.until);
    }
    for i in &r.indicators {
        check(&i.key, &i.reference.document, i.status);
        assert!(
            !i.label_vi().trim().is_empty() && !i.label_en().trim().is_empty(),
            "{}: labels",
            i.key
        );
    }
    for i in &r.interpretations() {
        check(&i.key, &i.reference.document, i.status);
        assert_eq!(i.status, RuleStatus::Interpretation, "{}", i.key);
        assert!(
            !i.label_vi().trim().is_empty() && !i.label_en().trim().is_empty(),
            "{}: labels",
            i.key
        );
    }
    for s in &r.supports {
        check(&s.key, &s.reference.document, s.status);
    }
    for row in &r.b1_points {
        assert!(
            !row.label_vi().trim().is_empty() && !row.label_en().trim().is_empty(),
            "B1 row {}: labels in both languages",
            row.key
        );
    }
    for t in &r.tables() {
        check(&t.key, &t.reference.document, t.status);
    }
    // Every edition's indicators have a rule entry with labels.
    for e in &r.editions {
        for key in &e.indicators {
            assert!(
                r.indicators.iter().any(|i| &i.key == key),
                "{}: {key} has no rule",
                e.key
            );
        }
    }
}

#[test]
fn the_rule_tables_equal_the_spec_tables() {
    let spec = Path::new("/work/shared/spec/data");
    if !spec.exists() {
        return;
    }
    let rules_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut n = 0;
    for entry in std::fs::read_dir(spec).expect("spec data") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "csv") {
            let ours =
                std::fs::read(rules_dir.join(path.file_name().expect("name"))).expect("rules csv");
            assert_eq!(
                ours,
                std::fs::read(&path).expect("spec csv"),
                "{} differs",
                path.display()
            );
            n += 1;
        }
    }
    assert_eq!(n, 3);
}
