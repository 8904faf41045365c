//! Thôn Nà Lầu (tests/fixtures/village/): 30 household records, their heads and recorded values,
//! last year's list, and every form's numbers computed by hand in `expected.toml`. This runner
//! reads the files, builds the list, and compares each form with the expected values; it computes
//! no expected number itself.

use mucsong_commune::crosscheck::{cross_check, Flag, FlagValue};
use mucsong_commune::data::reduction_target;
use mucsong_commune::forms::changes::ChangeRow;
use mucsong_commune::forms::deprivations::DeprivationRow;
use mucsong_commune::forms::lists::ListedHousehold;
use mucsong_commune::forms::{ByArea, Forms, Ratio, Section};
use mucsong_commune::list::{
    Answers, AssessedList, ChildCounts, CommuneList, HouseholdDetails, PreviousList, Recorded,
};
use mucsong_commune::reduction;
use mucsong_engine::{AssessOptions, Date, Indicator};
use mucsong_formats::JsonLinesReader;
use serde::Deserialize;
use std::collections::BTreeMap;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/village");

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{DIR}/{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[derive(Deserialize)]
struct Expected {
    household: Vec<ExpectedHousehold>,
    form_7_1: Expected71,
    form_6_1: Expected61,
    form_6_2: Expected62,
    form_7_2: ExpectedChanges,
    form_7_3: ExpectedChanges,
    form_7_4: ExpectedDeprivations,
    form_7_5: ExpectedShares,
    form_7_6: ExpectedDeprivations,
    form_7_7: ExpectedShares,
    form_7_11: Expected711,
    flag: Vec<ExpectedFlag>,
    reduction: ExpectedReduction,
}

#[derive(Deserialize)]
struct ExpectedHousehold {
    id: String,
    score_a: Option<i64>,
    score_b: Option<i64>,
    class: String,
}

#[derive(Deserialize)]
struct Expected71 {
    n_households: u64,
    n_persons: u64,
    n_poor: u64,
    n_near_poor: u64,
    n_undetermined: u64,
    n_rejected: u64,
    poor_rate_percent: f64,
    near_poor_rate_percent: f64,
}

#[derive(Deserialize)]
struct Expected61 {
    poor: Vec<String>,
    near_poor: Vec<String>,
    n_total: usize,
    undetermined: Vec<String>,
    head: Vec<ExpectedHead>,
}

#[derive(Deserialize)]
struct ExpectedHead {
    part: String,
    number: u32,
    id: String,
    name: String,
    sex_code: u8,
    birth_date: String,
    address: String,
}

#[derive(Deserialize)]
struct Expected62 {
    left_poverty: Vec<String>,
    left_near_poverty: Vec<String>,
    n_total: usize,
}

#[derive(Deserialize)]
struct ExpectedChanges {
    households: [u64; 9],
    persons: [u64; 9],
    n_previous_unknown: u64,
    n_now_unclassified: u64,
}

#[derive(Deserialize)]
struct ExpectedDeprivations {
    n_households: u64,
    n_deprived: [u64; 12],
    n_unknown: [u64; 12],
}

#[derive(Deserialize)]
struct ExpectedShares {
    percent: [f64; 12],
}

#[derive(Deserialize)]
struct Expected711 {
    poor: ExpectedChildren,
    near_poor: ExpectedChildren,
}

#[derive(Deserialize)]
struct ExpectedChildren {
    n_children: u64,
    n_malnourished: u64,
    n_without_health_insurance: u64,
    n_not_in_school: u64,
    n_age_unknown: u64,
}

#[derive(Deserialize)]
struct ExpectedFlag {
    household: usize,
    id: String,
    kind: String,
    member: Option<u16>,
    values: BTreeMap<String, toml::Value>,
}

#[derive(Deserialize)]
struct ExpectedReduction {
    previous: [u64; 2],
    current: [u64; 2],
    n_possibly_poor: u64,
    reduction_points: f64,
    province: String,
    poor_district: String,
}

fn village() -> (CommuneList, AssessedList, Expected) {
    let jsonl = read("households.jsonl");
    let answers: Vec<(Answers, Recorded)> = JsonLinesReader::new(jsonl.as_bytes())
        .map(|line| {
            let line = line.expect("the file reads");
            let record = line.record.expect("every line is a household record");
            (Answers::Record(Box::new(record)), Recorded::default())
        })
        .collect();
    let details = HouseholdDetails::from_csv(&read("households.csv")).expect("details read");
    let previous = PreviousList::from_csv(&read("previous.csv")).expect("previous list reads");
    let list = CommuneList::from_parts(answers, &details, Some(previous));
    // Summary rows carry no date; the village has none, so this date is never used.
    let assessed = list.assess(&AssessOptions::default(), Date::new(2026, 11, 16).unwrap());
    let expected: Expected = toml::from_str(&read("expected.toml")).expect("expected.toml reads");
    (list, assessed, expected)
}

/// Two decimals, as the expected file writes percentages.
fn percent(r: Ratio) -> f64 {
    (r.percent().expect("a denominator") * 100.0).round() / 100.0
}

/// The village is rural and alone: the rural and total blocks are one row, the same for the
/// village; the urban block is empty.
fn the_one_row<T: Clone + PartialEq + Default + std::fmt::Debug>(table: &ByArea<T>) -> T {
    assert_eq!(table.urban.total, T::default(), "the urban block is empty");
    assert!(table.urban.villages.is_empty());
    assert_eq!(table.rural, table.total, "rural = total");
    assert_eq!(
        table.total.villages,
        vec![("Nà Lầu".to_string(), table.total.total.clone())]
    );
    table.total.total.clone()
}

#[test]
fn every_household_scores_and_classes_as_computed_by_hand() {
    let (_, assessed, expected) = village();
    assert_eq!(assessed.households.len(), expected.household.len());
    for (h, e) in assessed.households.iter().zip(&expected.household) {
        let result = h.result.as_ref().expect("every household is valid");
        assert_eq!(result.id.as_deref(), Some(e.id.as_str()));
        assert_eq!(result.score_a, e.score_a, "{}: score A", e.id);
        assert_eq!(result.score_b, e.score_b, "{}: score B", e.id);
        assert_eq!(result.class.key(), e.class, "{}: class", e.id);
    }
    let departed: Vec<_> = assessed.departed.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(departed, ["nl-31", "nl-32", "nl-33"]);
}

#[test]
fn form_7_1_results() {
    let (_, assessed, expected) = village();
    let row = the_one_row(&Forms::new(&assessed).form_7_1());
    let e = &expected.form_7_1;
    assert_eq!(
        (row.n_households, row.n_persons, row.n_poor, row.n_near_poor),
        (e.n_households, e.n_persons, e.n_poor, e.n_near_poor)
    );
    assert_eq!(
        (row.n_undetermined, row.n_rejected),
        (e.n_undetermined, e.n_rejected)
    );
    assert_eq!(row.n_persons_unknown, 0);
    assert_eq!(percent(row.poor_rate()), e.poor_rate_percent);
    assert_eq!(percent(row.near_poor_rate()), e.near_poor_rate_percent);
}

fn ids(rows: &[ListedHousehold]) -> Vec<&str> {
    rows.iter()
        .map(|r| r.id.as_deref().unwrap_or("?"))
        .collect()
}

#[test]
fn form_6_1_lists_poor_and_near_poor_households_with_their_heads() {
    let (_, assessed, expected) = village();
    let forms = Forms::new(&assessed).form_6_1();
    assert_eq!(forms.len(), 1);
    let form = &forms[0];
    let e = &expected.form_6_1;
    assert_eq!(form.village, "Nà Lầu");
    assert_eq!(ids(&form.poor), e.poor);
    assert_eq!(ids(&form.near_poor), e.near_poor);
    assert_eq!(form.n_total(), e.n_total);
    assert_eq!(ids(&form.undetermined), e.undetermined);
    for part in [&form.poor, &form.near_poor] {
        let numbers: Vec<u32> = part.iter().map(|r| r.number).collect();
        assert_eq!(numbers, (1..=part.len() as u32).collect::<Vec<_>>());
    }
    for head in &e.head {
        let part = if head.part == "poor" {
            &form.poor
        } else {
            &form.near_poor
        };
        let row = &part[head.number as usize - 1];
        assert_eq!(row.id.as_deref(), Some(head.id.as_str()));
        assert_eq!(row.head.name.as_deref(), Some(head.name.as_str()));
        assert_eq!(row.head.sex_code(), Some(head.sex_code));
        assert_eq!(
            row.head.birth_date.as_deref(),
            Some(head.birth_date.as_str())
        );
        assert_eq!(row.head.address.as_deref(), Some(head.address.as_str()));
    }
}

#[test]
fn form_6_2_lists_households_leaving_poverty_and_near_poverty() {
    let (_, assessed, expected) = village();
    let forms = Forms::new(&assessed)
        .form_6_2()
        .expect("last year's list is given");
    assert_eq!(forms.len(), 1);
    let e = &expected.form_6_2;
    assert_eq!(ids(&forms[0].left_poverty), e.left_poverty);
    assert_eq!(ids(&forms[0].left_near_poverty), e.left_near_poverty);
    assert_eq!(forms[0].n_total(), e.n_total);
}

fn check_changes(table: &ByArea<ChangeRow>, e: &ExpectedChanges, form: &str) {
    let row = the_one_row(table);
    assert_eq!(row.households, e.households, "{form}: households");
    assert_eq!(row.persons, Some(e.persons), "{form}: persons");
    assert_eq!(row.n_previous_unknown, e.n_previous_unknown, "{form}");
    assert_eq!(row.n_now_unclassified, e.n_now_unclassified, "{form}");
}

#[test]
fn forms_7_2_and_7_3_changes_in_the_year() {
    let (_, assessed, expected) = village();
    let forms = Forms::new(&assessed);
    check_changes(&forms.form_7_2().unwrap(), &expected.form_7_2, "7.2");
    check_changes(&forms.form_7_3().unwrap(), &expected.form_7_3, "7.3");
}

fn check_deprivations(
    table: &ByArea<DeprivationRow>,
    counts: &ExpectedDeprivations,
    shares: &ExpectedShares,
    form: &str,
) {
    let row = the_one_row(table);
    assert_eq!(row.n_households, counts.n_households, "{form}");
    assert_eq!(row.n_deprived, counts.n_deprived, "{form}: counts");
    assert_eq!(row.n_unknown, counts.n_unknown, "{form}: unknown");
    let got: Vec<f64> = Indicator::TWELVE
        .iter()
        .map(|i| percent(row.share(*i)))
        .collect();
    assert_eq!(got, shares.percent, "{form}: shares");
}

#[test]
fn forms_7_4_to_7_7_deprivations_of_poor_and_near_poor_households() {
    let (_, assessed, expected) = village();
    let forms = Forms::new(&assessed);
    check_deprivations(
        &forms.form_7_4(),
        &expected.form_7_4,
        &expected.form_7_5,
        "7.4/7.5",
    );
    check_deprivations(
        &forms.form_7_6(),
        &expected.form_7_6,
        &expected.form_7_7,
        "7.6/7.7",
    );
}

fn check_children(got: &ChildCounts, e: &ExpectedChildren, class: &str) {
    assert_eq!(
        (
            got.n_children,
            got.n_malnourished,
            got.n_without_health_insurance,
            got.n_not_in_school,
            got.n_age_unknown
        ),
        (
            e.n_children,
            e.n_malnourished,
            e.n_without_health_insurance,
            e.n_not_in_school,
            e.n_age_unknown
        ),
        "7.11 {class}"
    );
}

#[test]
fn form_7_11_deprivations_of_children() {
    let (_, assessed, expected) = village();
    let form: Section<_> = Forms::new(&assessed).form_7_11();
    assert_eq!(form.villages.len(), 1);
    assert_eq!(form.villages[0].1, form.total);
    check_children(&form.total.poor, &expected.form_7_11.poor, "poor");
    check_children(
        &form.total.near_poor,
        &expected.form_7_11.near_poor,
        "near-poor",
    );
    assert_eq!(form.total.n_households_without_members, 0);
}

fn flag_values(flag: &Flag) -> BTreeMap<String, toml::Value> {
    flag.values
        .iter()
        .map(|(name, value)| {
            let v = match value {
                FlagValue::Int(n) => toml::Value::Integer(*n),
                FlagValue::Key(k) => toml::Value::String(k.to_string()),
            };
            (name.to_string(), v)
        })
        .collect()
}

#[test]
fn the_cross_check_flags_what_was_computed_by_hand_and_nothing_else() {
    let (list, assessed, expected) = village();
    let flags = cross_check(&list, &assessed);
    let got: Vec<_> = flags
        .iter()
        .map(|f| {
            (
                f.household,
                f.id.clone().unwrap_or_default(),
                f.kind.key().to_string(),
                f.member,
                flag_values(f),
            )
        })
        .collect();
    let want: Vec<_> = expected
        .flag
        .iter()
        .map(|f| {
            (
                f.household,
                f.id.clone(),
                f.kind.clone(),
                f.member,
                f.values.clone(),
            )
        })
        .collect();
    assert_eq!(got, want);
}

#[test]
fn the_reduction_of_the_poverty_rate_against_the_targets() {
    let (_, assessed, expected) = village();
    let e = &expected.reduction;
    for (key, status) in [
        ("province", &e.province),
        ("poor_district", &e.poor_district),
    ] {
        let target = reduction_target(key).unwrap();
        let m = reduction::measure(&assessed, target).expect("last year's list is given");
        assert_eq!(
            [m.previous_rate.numerator, m.previous_rate.denominator],
            e.previous
        );
        assert_eq!(
            [m.current_rate.numerator, m.current_rate.denominator],
            e.current
        );
        assert_eq!(m.n_possibly_poor, e.n_possibly_poor);
        let points = (m.reduction_points().unwrap() * 100.0).round() / 100.0;
        assert_eq!(points, e.reduction_points);
        assert_eq!(m.status.key(), status, "{key}");
    }
}
