//! Completeness of the rule data: every rule value carries its date, reference and status, and
//! the official tables are the spec's, byte for byte. (The engine's purity is in `architecture`.)

use mucsong_engine::{rules, RuleStatus};
use std::path::Path;

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
            check(key, v.reference.document, v.status);
            assert!(
                v.until.is_none_or(|u| u >= v.since),
                "{key}: until before since"
            );
            assert!(
                v.reviewed_on >= v.since || v.since.year() >= 2025,
                "{key}: reviewed before it applied"
            );
            if v.status == RuleStatus::Interpretation {
                let i = v.interpretation.unwrap_or_default();
                assert!(
                    i.is_empty() || r.interpretation(i).is_some(),
                    "{key}: unknown interpretation {i}"
                );
            }
        }
    }
    for e in &r.editions {
        let p = e.provenance();
        check(e.key, p.reference.document, p.status);
        assert!(e.since < e.until);
    }
    for i in &r.indicators {
        check(i.key, i.reference.document, i.status);
        assert!(
            !i.label_vi().trim().is_empty() && !i.label_en().trim().is_empty(),
            "{}: labels",
            i.key
        );
    }
    for i in &r.interpretations() {
        check(i.key, i.reference.document, i.status);
        assert_eq!(i.status, RuleStatus::Interpretation, "{}", i.key);
        assert!(
            !i.label_vi().trim().is_empty() && !i.label_en().trim().is_empty(),
            "{}: labels",
            i.key
        );
    }
    for s in &r.supports {
        check(s.key, s.reference.document, s.status);
    }
    for row in &r.b1_points {
        assert!(
            !row.label_vi().trim().is_empty() && !row.label_en().trim().is_empty(),
            "B1 row {}: labels in both languages",
            row.key
        );
    }
    for t in &r.tables() {
        check(t.key, t.reference.document, t.status);
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
    // The spec lies beside the checkout (`../shared/spec/`), in CI as on a developer's machine.
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/spec/data");
    assert!(
        spec.is_dir(),
        "{}: expected the spec's official tables beside the checkout, but found no such folder",
        spec.display()
    );
    let rules_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/rules/data");
    let mut n = 0;
    for entry in std::fs::read_dir(&spec).expect("spec data") {
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
