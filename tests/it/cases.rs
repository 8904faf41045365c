//! Runs every case file under `tests/cases/` through the engine's public API and reports every
//! disagreement at once. This is the only code that calls the engine for cases, so the engine's API
//! can change without touching the hundreds of cases, which are plain data.
//!
//! A case file is a JSON array of cases. Each case has a `name` (a full sentence), an optional
//! `note` (the hand computation), an optional `as_of` (overrides the record's `assessed_on`; required
//! for summary rows), exactly one of `input` (a `mucsong/household@1` record) or `summary` (a summary
//! CSV row as JSON), and exactly one of `expect` (a subset of the `mucsong/result@1` fields; only
//! the fields and indicator keys listed are compared, `possible_classes` and `depends_on` as sets,
//! and an indicator expected as `null` must be absent from the result)
//! or `expect_error` (problems that must be reported, by field path and optionally problem code).
//! Every household case is also assessed without its explanation (`assess_result`, the batch
//! path), which must give the same result or the same problems.

use mucsong_engine::household::{Area, Region};
use mucsong_engine::{self as engine, AssessOptions, Date, Indicator, SummaryRow};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Fewer cases than this means a file went missing or a glob went wrong: fail loudly.
const MIN_CASES: usize = 80;

/// Cases whose disagreement with the engine is understood and reported, but not yet resolved. Each
/// entry is a case name and the reason. They are run and printed; a listed case that starts passing
/// fails the run so the list stays honest.
const KNOWN_DISAGREEMENTS: &[(&str, &str)] = &[];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
    #[serde(default)]
    as_of: Option<String>,
    #[serde(default)]
    input: Option<Value>,
    #[serde(default)]
    summary: Option<SummaryCase>,
    #[serde(default)]
    expect: Option<Map<String, Value>>,
    #[serde(default)]
    expect_error: Option<Vec<ExpectedProblem>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedProblem {
    field: String,
    #[serde(default)]
    code: Option<String>,
}

/// A summary CSV row, as the batch reader would hand it to the engine.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SummaryCase {
    id: Option<String>,
    /// Machine keys (`rural`, `mekong_delta`), read with the record enums' `from_key`.
    area: Option<String>,
    region: Option<String>,
    members: Option<u32>,
    score_a: Option<i64>,
    monthly_income_vnd: Option<i64>,
    indicators: BTreeMap<Indicator, Option<bool>>,
}

/// What the engine answered: a result as JSON, or the problems it found.
enum Outcome {
    Result(Value),
    Problems(Vec<(String, String, String)>),
}

#[test]
fn every_case_agrees_with_the_engine() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("cases");
    let mut files = Vec::new();
    collect_json_files(&root, &mut files);
    files.sort();

    let mut n_cases = 0;
    let mut failures = Vec::new();
    let mut known_seen = Vec::new();
    let mut names = BTreeSet::new();
    for file in &files {
        let rel = file
            .strip_prefix(&root)
            .unwrap_or(file)
            .display()
            .to_string();
        let text =
            std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{rel}: cannot read: {e}"));
        let cases: Vec<Case> = match serde_json::from_str(&text) {
            Ok(cases) => cases,
            Err(e) => {
                failures.push(format!("{rel}: not a valid case file: {e}"));
                continue;
            }
        };
        for case in cases {
            n_cases += 1;
            if !names.insert(case.name.clone()) {
                failures.push(format!("{rel}: duplicate case name: {}", case.name));
            }
            let diffs = match run(&case) {
                Ok(outcome) => check(&case, outcome),
                Err(setup) => vec![setup],
            };
            let known = KNOWN_DISAGREEMENTS
                .iter()
                .find(|(name, _)| *name == case.name);
            match (known, diffs.is_empty()) {
                (None, true) => {}
                (None, false) => failures.push(report(&rel, &case.name, &diffs)),
                (Some((_, why)), false) => known_seen.push(format!(
                    "{}\n  known: {why}",
                    report(&rel, &case.name, &diffs)
                )),
                (Some(_), true) => failures.push(format!(
                    "{rel}: «{}» now passes: remove it from KNOWN_DISAGREEMENTS",
                    case.name
                )),
            }
        }
    }
    for (name, _) in KNOWN_DISAGREEMENTS {
        if !names.contains(*name) {
            failures.push(format!(
                "KNOWN_DISAGREEMENTS names a case that does not exist: {name}"
            ));
        }
    }
    if !known_seen.is_empty() {
        eprintln!(
            "{} known disagreement(s), not counted as failures:\n\n{}\n",
            known_seen.len(),
            known_seen.join("\n\n")
        );
    }
    if n_cases < MIN_CASES {
        failures.push(format!(
            "found only {n_cases} cases in {} file(s) under {} (expected at least {MIN_CASES})",
            files.len(),
            root.display()
        ));
    }
    assert!(
        failures.is_empty(),
        "{} of {n_cases} cases failed:\n\n{}\n",
        failures.len(),
        failures.join("\n\n")
    );
    eprintln!(
        "{n_cases} cases in {} files agree with the engine",
        files.len()
    );
}

fn collect_json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            collect_json_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "json") {
            out.push(path);
        }
    }
}

fn parse_date(text: &str, what: &str) -> Result<Date, String> {
    Date::parse(text).map_err(|_| format!("case error: {what} is not a date YYYY-MM-DD: {text:?}"))
}

/// Calls the engine for one case.
fn run(case: &Case) -> Result<Outcome, String> {
    let as_of = case
        .as_of
        .as_deref()
        .map(|d| parse_date(d, "as_of"))
        .transpose()?;
    let outcome = match (&case.input, &case.summary) {
        (Some(input), None) => {
            let json = serde_json::to_string(input).expect("a JSON value serializes");
            match mucsong_formats::parse_household(&json) {
                Err(invalid) => problems(invalid),
                Ok(record) => {
                    // Options other than the date keep their defaults, so adding one does not break the cases.
                    #[allow(clippy::needless_update)]
                    let options = AssessOptions {
                        as_of,
                        ..Default::default()
                    };
                    let assessed = engine::assess(&record, &options);
                    // The result alone (the batch path) comes from the same computation and must
                    // agree with the explained assessment on every case, errors included.
                    let result_only = engine::assess_result(&record, &options);
                    let agree = match (&assessed, &result_only) {
                        (Ok(a), Ok(r)) => a.result == *r,
                        (Err(a), Err(r)) => a.problems == r.problems,
                        _ => false,
                    };
                    if !agree {
                        return Err(format!(
                            "assess_result disagrees with assess:\n  assess: {:?}\n  assess_result: {:?}",
                            assessed.map(|a| a.result),
                            result_only
                        ));
                    }
                    match assessed {
                        Ok(assessment) => Outcome::Result(
                            serde_json::to_value(&assessment.result).expect("a result serializes"),
                        ),
                        Err(invalid) => problems(invalid),
                    }
                }
            }
        }
        (None, Some(summary)) => {
            let on = as_of.ok_or("case error: a summary case needs as_of")?;
            let row = SummaryRow {
                id: summary.id.clone(),
                area: match &summary.area {
                    Some(key) => Some(Area::from_key(key).ok_or("case error: unknown area")?),
                    None => None,
                },
                region: match &summary.region {
                    Some(key) => Some(Region::from_key(key).ok_or("case error: unknown region")?),
                    None => None,
                },
                members: summary.members,
                score_a: summary.score_a,
                monthly_income_vnd: summary.monthly_income_vnd,
                indicators: summary.indicators.clone(),
            };
            match engine::assess_summary(&row, on) {
                Ok(result) => {
                    Outcome::Result(serde_json::to_value(&result).expect("a result serializes"))
                }
                Err(invalid) => problems(invalid),
            }
        }
        _ => return Err("case error: give exactly one of `input` and `summary`".into()),
    };
    Ok(outcome)
}

fn problems(invalid: engine::InvalidHousehold) -> Outcome {
    Outcome::Problems(
        invalid
            .problems
            .iter()
            .map(|p| {
                (
                    p.field.clone(),
                    p.code.key().to_string(),
                    format!("expected {}, found {}", p.expected, p.found),
                )
            })
            .collect(),
    )
}

/// Compares the engine's answer with the case's expectation; returns one line per difference.
fn check(case: &Case, outcome: Outcome) -> Vec<String> {
    match (&case.expect, &case.expect_error, outcome) {
        (Some(expect), None, Outcome::Result(actual)) => compare(expect, &actual),
        (Some(_), None, Outcome::Problems(found)) => {
            let mut diffs =
                vec!["expected a result, but the engine refused the input:".to_string()];
            diffs.extend(found.iter().map(|(f, c, m)| format!("  {f}: {c} ({m})")));
            diffs
        }
        (None, Some(expected), Outcome::Problems(found)) => {
            let mut diffs = Vec::new();
            for want in expected {
                let hit = found.iter().any(|(f, c, _)| {
                    *f == want.field && want.code.as_ref().is_none_or(|code| code == c)
                });
                if !hit {
                    diffs.push(format!(
                        "expected a problem at {} ({}), not reported",
                        want.field,
                        want.code.as_deref().unwrap_or("any code")
                    ));
                }
            }
            if !diffs.is_empty() {
                diffs.push("the engine reported:".to_string());
                diffs.extend(found.iter().map(|(f, c, m)| format!("  {f}: {c} ({m})")));
            }
            diffs
        }
        (None, Some(expected), Outcome::Result(actual)) => {
            let fields: Vec<&str> = expected.iter().map(|p| p.field.as_str()).collect();
            vec![format!(
                "expected the input to be refused at {}, but the engine returned a result:\n  {}",
                fields.join(", "),
                actual
            )]
        }
        _ => vec!["case error: give exactly one of `expect` and `expect_error`".into()],
    }
}

/// Fields compared as sets: their order carries no meaning.
const SET_FIELDS: &[&str] = &["possible_classes", "depends_on"];

fn compare(expect: &Map<String, Value>, actual: &Value) -> Vec<String> {
    let mut diffs = Vec::new();
    for (key, want) in expect {
        let Some(got) = actual.get(key) else {
            diffs.push(format!(
                "{key}: not a field of the result (a typo in the case?)"
            ));
            continue;
        };
        if key == "indicators" {
            let Some(want) = want.as_object() else {
                diffs.push("indicators: the case must give an object".into());
                continue;
            };
            for (indicator, status) in want {
                let got_status = got.get(indicator).unwrap_or(&Value::Null);
                if got_status != status {
                    diffs.push(format!(
                        "indicators.{indicator}: expected {status}, got {got_status}"
                    ));
                }
            }
        } else if SET_FIELDS.contains(&key.as_str()) {
            if as_set(want) != as_set(got) {
                diffs.push(format!("{key}: expected {want} (any order), got {got}"));
            }
        } else if want != got {
            diffs.push(format!("{key}: expected {want}, got {got}"));
        }
    }
    diffs
}

fn as_set(value: &Value) -> Option<BTreeSet<String>> {
    value
        .as_array()
        .map(|items| items.iter().map(|v| v.to_string()).collect())
}

fn report(file: &str, name: &str, diffs: &[String]) -> String {
    format!("{file}: «{name}»\n  {}", diffs.join("\n  "))
}
