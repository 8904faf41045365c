//! `assess`: one household record → result record + explanation. Validates, evaluates the
//! indicators, then classifies by the edition's method (official review method for 2022-2025, the
//! income definition for 2027-2030), carrying unknown answers through as sets of possibilities.

use super::classify::{
    class_set_of_income, classes_with_unknown_income, income_class_of, income_classes,
    review_classes, ClassSet, Deprivations,
};
use super::explanation::*;
use super::household::{Area, HouseholdRecord, Region};
use super::indicators::{self, status_of, IndicatorEval};
use super::problem::InvalidHousehold;
use super::result::{
    Class, IncomeClass, Indicator, IndicatorStatuses, ResultRecord, ScreeningOutcome, RESULT_SCHEMA,
};
use super::score_a::{self, ScoreA};
use super::screening::{self, ScreeningEval, CRITERION_KEYS, EXCLUSION_KEYS};
use super::tri::{AnswerPath, CountRange, Tri};
use super::validate::{validate, ValidHousehold};
use crate::date::Date;
use crate::rules::{b1_column, rules, ClassificationMethod, ScoreThresholds};
use serde::Serialize;

/// Options of an assessment.
#[derive(Debug, Clone, Default)]
pub struct AssessOptions {
    /// Overrides the record's `assessed_on` (the command line's `--as-of`, the UI's date picker).
    pub as_of: Option<Date>,
}

/// The result record and why.
#[derive(Debug, Clone, Serialize)]
pub struct Assessment {
    pub result: ResultRecord,
    pub explanation: Explanation,
}

/// Assesses one household. Fails only when the record cannot be assessed at all (every problem is
/// listed); unknown answers never fail, they make the result undetermined.
pub fn assess(
    record: &HouseholdRecord,
    options: &AssessOptions,
) -> Result<Assessment, InvalidHousehold> {
    let v = validate(record, options.as_of).map_err(|problems| InvalidHousehold { problems })?;
    Ok(assess_valid(&v))
}

/// Assesses one household like `assess`, without building the explanation: the same
/// computation, keeping only the result record (what batch runs write): no reasons, no explanation.
pub fn assess_result(
    record: &HouseholdRecord,
    options: &AssessOptions,
) -> Result<ResultRecord, InvalidHousehold> {
    let v = validate(record, options.as_of).map_err(|problems| InvalidHousehold { problems })?;
    Ok(compute(&v, NoReasons).result)
}

const RURAL_REGIONS: [Region; 6] = [
    Region::RedRiverDelta,
    Region::NorthernMidlandsMountains,
    Region::NorthCentralCentralCoast,
    Region::CentralHighlands,
    Region::Southeast,
    Region::MekongDelta,
];

fn area_index(area: Area) -> usize {
    match area {
        Area::Rural => 0,
        Area::Urban => 1,
    }
}

/// The areas still possible.
fn areas(area: Option<Area>) -> &'static [Area] {
    match area {
        Some(Area::Rural) => &[Area::Rural],
        Some(Area::Urban) => &[Area::Urban],
        None => &[Area::Rural, Area::Urban],
    }
}

/// The regions still possible for an area.
fn regions(area: Area, region: Option<Region>) -> &'static [Region] {
    match (area, region) {
        (_, Some(r)) => {
            std::slice::from_ref(Region::ALL.iter().find(|x| **x == r).expect("region"))
        }
        (Area::Rural, None) => &RURAL_REGIONS,
        (Area::Urban, None) => &Region::ALL,
    }
}

/// What the official method concluded.
struct ScoreOutcome {
    screening: ScreeningEval,
    classes: ClassSet,
    /// Score A over every possible column.
    a_min: i64,
    a_max: i64,
    /// Detailed score A when the column is known.
    detail: Option<ScoreA>,
    column: Option<usize>,
    /// Whether, in some possible column, score A straddles the threshold / is at most it.
    a_straddles: bool,
    a_can_be_under: bool,
}

/// `explain`: also list score A's rows (for the explanation). The B1 facts (`facts`, about a
/// kilobyte) stay in the caller's frame rather than in the outcome, which is moved on.
fn official_method(
    v: &ValidHousehold,
    s: &ScoreThresholds,
    d: Deprivations,
    facts: &score_a::ScoreFacts,
    screening: ScreeningEval,
    explain: bool,
) -> ScoreOutcome {
    let mut classes = ClassSet::default();
    if screening.can_screen_out() {
        classes.add(ClassSet::NOT_POOR);
    }
    let (mut a_min, mut a_max) = (i64::MAX, i64::MIN);
    let (mut a_straddles, mut a_can_be_under) = (false, false);
    let single = v.area.is_some() && v.region.is_some();
    let mut detail = None;
    let mut column = None;
    for &area in areas(v.area) {
        let threshold = s.score_a_threshold[area_index(area)];
        for &region in regions(area, v.region) {
            let c = b1_column(area == Area::Urban, region);
            let urban_region = (area == Area::Urban).then_some(region);
            let a = score_a::score(facts, c, urban_region, single && explain);
            a_min = a_min.min(a.min);
            a_max = a_max.max(a.max);
            a_straddles |= a.min <= threshold && a.max > threshold;
            a_can_be_under |= a.min <= threshold;
            if screening.can_review() {
                classes = classes.union(review_classes(
                    a.min,
                    a.max,
                    threshold,
                    d,
                    s.score_b_points_per_indicator,
                    s.score_b_poor_threshold,
                ));
            }
            if single {
                column = Some(c);
                detail = Some(a);
            }
        }
    }
    ScoreOutcome {
        screening,
        classes,
        a_min,
        a_max,
        detail,
        column,
        a_straddles,
        a_can_be_under,
    }
}

/// Everything an assessment computed: the result record and what its explanation is made from.
struct Computed<R> {
    result: ResultRecord,
    evals: indicators::IndicatorEvals,
    reasons: R,
    d: Deprivations,
    classes: ClassSet,
    score: Option<(ScoreOutcome, &'static ScoreThresholds)>,
    income_class: Option<IncomeClass>,
    used: UsedInterpretations,
}

/// The assessment with its explanation (`assess`).
pub(crate) fn assess_valid(v: &ValidHousehold) -> Assessment {
    let mut c = compute(v, Vec::with_capacity(24));
    let detail = c.score.as_mut().and_then(|(o, _)| o.detail.take());
    let explanation = explain(
        v,
        &c.evals,
        c.reasons,
        detail,
        c.d,
        c.classes,
        c.score.as_ref().map(|(o, s)| (o, *s)),
        c.income_class,
        c.used,
        c.result.depends_on.clone(),
    );
    Assessment {
        result: c.result,
        explanation,
    }
}

/// The one computation behind `assess` and `assess_result`: indicators, Phiếu A, scores and
/// classes, and the result record. The reasons go to `reasons` (kept or not); the pieces only the
/// explanation needs (score A's rows) are gathered only when it keeps them.
fn compute<R: ReasonSink>(v: &ValidHousehold, mut reasons: R) -> Computed<R> {
    let t = v.thresholds;
    let edition = v.edition;
    let mut used = UsedInterpretations::default();
    let evals = indicators::evaluate(v, &mut used, &mut reasons);
    let mut d = CountRange::default();
    for e in &evals {
        d.add(e.status);
    }
    let n = v.n_members();

    // Income definition (both editions).
    let income_bits = v.income.as_ref().map(|income| {
        areas(v.area).iter().fold(0u8, |bits, &area| {
            bits | income_classes(income, n, area_index(area), d, t)
        })
    });
    let income_class = income_bits.map(income_class_of);

    let mut depends: Vec<AnswerPath> = Vec::new();
    let (classes, score) = match (edition.classification, &t.score) {
        (ClassificationMethod::Score, Some(s)) => {
            let o = classify_2022_2025(v, s, d, &evals, &mut used, &mut depends, R::KEEPS);
            (o.classes, Some((o, s)))
        }
        _ => (
            classify_2027_2030(v, d, income_bits, &evals, &mut used, &mut depends),
            None,
        ),
    };
    if !classes.is_determined() {
        if v.area.is_none() {
            depends.push(AnswerPath::Field("area"));
        }
        if v.region.is_none() && score.is_some() {
            depends.push(AnswerPath::Field("region"));
        }
    }
    let depends_on: Vec<String> = sorted_unique(depends).iter().map(|p| p.render()).collect();

    let score_a_exact = score
        .as_ref()
        .and_then(|(o, _)| (o.a_min == o.a_max && o.column.is_some()).then_some(o.a_min));
    let ppi = t.score.as_ref().map(|s| s.score_b_points_per_indicator);
    let mut indicator_map = IndicatorStatuses::new();
    for e in &evals {
        indicator_map.insert(e.indicator, status_of(e.status));
    }
    let income_exact = v.income.as_ref().and_then(|i| i.exact());
    let result = ResultRecord {
        schema: RESULT_SCHEMA.into(),
        id: v.record.id.clone(),
        edition: edition.key.into(),
        assessed_on: v.assessed_on,
        screening: score.as_ref().map(|(o, _)| screening_outcome(&o.screening)),
        score_a: score_a_exact,
        score_b: match (ppi, d.is_exact()) {
            (Some(ppi), true) => Some(ppi * d.lo as i64),
            _ => None,
        },
        indicators: indicator_map,
        class: classes.class(),
        possible_classes: classes.classes(),
        income_per_person_month_vnd: income_exact.map(|total| total.div_euclid(12 * n as i64)),
        income_class,
        depends_on,
    };
    Computed {
        result,
        evals,
        reasons,
        d,
        classes,
        score,
        income_class,
        used,
    }
}

/// The paths in ascending order, each once: what `sort` then `dedup` give (`AnswerPath`'s derived
/// `Ord` compares the same fields as its `Eq`). Inserted one by one with a binary search instead:
/// a household has a few dozen unknown answers at most, and the standard sort would add 2.5 KB of
/// wasm for this one element type.
fn sorted_unique(paths: Vec<AnswerPath>) -> Vec<AnswerPath> {
    let mut out: Vec<AnswerPath> = Vec::with_capacity(paths.len());
    for path in paths {
        if let Err(at) = out.binary_search(&path) {
            out.insert(at, path);
        }
    }
    out
}

fn collect_indicators(it: impl Iterator<Item = Indicator>) -> Vec<Indicator> {
    let mut out = Vec::with_capacity(13);
    out.extend(it);
    out
}

/// Edition 2022-2025: the official review method of Thông tư 07/2021 (Phiếu A, score A from
/// Phiếu B1, score B from Phiếu B2; 140/175 points, score B ≥ 30). Pushes the unknown answers
/// the class depends on.
fn classify_2022_2025(
    v: &ValidHousehold,
    s: &ScoreThresholds,
    d: Deprivations,
    evals: &[IndicatorEval],
    used: &mut UsedInterpretations,
    depends: &mut Vec<AnswerPath>,
    explain: bool,
) -> ScoreOutcome {
    let screening = screening::evaluate(v, s, used);
    let facts = score_a::facts(v, s, used);
    let o = official_method(v, s, d, &facts, screening, explain);
    if !o.classes.is_determined() {
        depends.extend_from_slice(&o.screening.unknown);
        if o.screening.can_review() {
            if o.a_straddles {
                score_a::unknown_paths(&facts, depends);
            }
            // Unknown indicators matter only if score B could fall either side of 30.
            let b_straddles = s.score_b_points_per_indicator * (d.lo as i64)
                < s.score_b_poor_threshold
                && s.score_b_points_per_indicator * (d.hi as i64) >= s.score_b_poor_threshold;
            if o.a_can_be_under && b_straddles {
                indicator_paths(evals, depends);
            }
        }
    }
    o
}

/// Edition 2027-2030 (Nghị định 351/2025, reported): no review circular is known, so the class
/// follows the decree's income definition — at or under the line (2,200,000 / 2,800,000) with 3+
/// deprivations is poor, with fewer near-poor; above it not poor (no average-living band is known).
/// Provisional; the explanation says so. Pushes the unknown answers the class depends on.
fn classify_2027_2030(
    v: &ValidHousehold,
    d: Deprivations,
    income_bits: Option<u8>,
    evals: &[IndicatorEval],
    used: &mut UsedInterpretations,
    depends: &mut Vec<AnswerPath>,
) -> ClassSet {
    let t = v.thresholds;
    let n = v.n_members();
    used.mark(Interp::Class2027FromIncome);
    used.mark(Interp::Income2027AverageLiving);
    let classes = match income_bits {
        Some(bits) => class_set_of_income(bits),
        None => classes_with_unknown_income(d, t),
    };
    if !classes.is_determined() {
        if let Some(income) = &v.income {
            if income.exact().is_none() {
                income_paths(v, depends);
            }
        } else {
            depends.push(AnswerPath::Field("income"));
        }
        let can_be_below = v.income.as_ref().is_none_or(|i| {
            areas(v.area)
                .iter()
                .any(|a| i.at_most(t.income_line[area_index(*a)], n) != Tri::No)
        });
        let d_straddles =
            (d.lo as i64) < t.poor_min_deprivations && (d.hi as i64) >= t.poor_min_deprivations;
        if can_be_below && d_straddles {
            indicator_paths(evals, depends);
        }
    }
    classes
}

fn indicator_paths(evals: &[IndicatorEval], out: &mut Vec<AnswerPath>) {
    for e in evals {
        if e.status.is_unknown() {
            out.extend_from_slice(&e.unknown);
        }
    }
}

fn income_paths(v: &ValidHousehold, out: &mut Vec<AnswerPath>) {
    const SOURCES: [&str; 9] = [
        "income.sources_12m.crops",
        "income.sources_12m.livestock",
        "income.sources_12m.agricultural_services",
        "income.sources_12m.forestry",
        "income.sources_12m.fishery",
        "income.sources_12m.salt",
        "income.sources_12m.nonfarm_business",
        "income.sources_12m.wages",
        "income.sources_12m.other",
    ];
    if let Some(sources) = v
        .record
        .income
        .as_ref()
        .and_then(|i| i.sources_12m.as_ref())
    {
        for (path, (_, source)) in SOURCES.iter().zip(sources.entries()) {
            if source
                .as_ref()
                .is_some_and(|s| s.revenue_vnd.is_none() || s.cost_vnd.is_none())
            {
                out.push(AnswerPath::Field(path));
            }
        }
    } else {
        out.push(AnswerPath::Field("income"));
    }
}

fn screening_outcome(s: &ScreeningEval) -> ScreeningOutcome {
    match (s.excluded(), s.stopped()) {
        (Tri::Yes, _) => ScreeningOutcome::Excluded,
        (Tri::No, Tri::Yes) => ScreeningOutcome::Stopped,
        (Tri::No, Tri::No) => ScreeningOutcome::Review,
        _ => ScreeningOutcome::Undetermined,
    }
}

fn tri_value(t: Tri) -> Option<bool> {
    match t {
        Tri::Yes => Some(true),
        Tri::No => Some(false),
        Tri::Unknown => None,
    }
}

#[allow(clippy::too_many_arguments)]
fn explain(
    v: &ValidHousehold,
    evals: &[IndicatorEval],
    reasons: Vec<Reason>,
    detail: Option<ScoreA>,
    d: Deprivations,
    classes: ClassSet,
    score: Option<(&ScoreOutcome, &ScoreThresholds)>,
    income_class: Option<IncomeClass>,
    used: UsedInterpretations,
    depends_on: Vec<String>,
) -> Explanation {
    let r = rules();
    let t = v.thresholds;
    let edition = v.edition;
    let n = v.n_members();
    let area = v.area.map(area_index);

    let indicators: Vec<IndicatorExplanation> = evals
        .iter()
        .map(|e| {
            let rule = r.indicator(e.indicator);
            IndicatorExplanation {
                indicator: e.indicator,
                status: status_of(e.status),
                provisional: edition.provisional && e.indicator == Indicator::Waste,
                reference: &rule.reference,
                depends_on: if e.status.is_unknown() {
                    e.unknown.iter().map(|p| p.render()).collect()
                } else {
                    Vec::new()
                },
            }
        })
        .collect();

    let table_reference = r.b1_reference();
    let (screening, score_a, score_a_distance) = match score {
        None => (None, None, None),
        Some((o, s)) => {
            let sc = &o.screening;
            let screening = ScreeningExplanation {
                outcome: screening_outcome(sc),
                exclusions: std::array::from_fn(|i| CriterionValue {
                    number: i as u8 + 1,
                    key: EXCLUSION_KEYS[i],
                    value: tri_value(sc.exclusions[i]),
                }),
                criteria: std::array::from_fn(|i| CriterionValue {
                    number: i as u8 + 1,
                    key: CRITERION_KEYS[i],
                    value: tri_value(sc.criteria[i]),
                }),
                count_min: sc.count.lo as u8,
                count_max: sc.count.hi as u8,
                stop_count: sc.stop_count,
                reference: r.screening_reference(),
            };
            let threshold = area.map(|a| s.score_a_threshold[a]);
            let detail = detail.unwrap_or_default();
            let score_a = ScoreAExplanation {
                column: o.column.map(|c| crate::rules::B1_COLUMN_KEYS[c]),
                items: detail.items,
                unresolved: detail.unresolved,
                min: o.a_min,
                max: o.a_max,
                threshold,
                reference: table_reference,
            };
            let distance = match (threshold, o.a_min == o.a_max && o.column.is_some()) {
                (Some(threshold), true) => Some(ScoreADistance {
                    score_a: o.a_min,
                    threshold,
                    points_above_threshold: o.a_min - threshold,
                }),
                _ => None,
            };
            (Some(screening), Some(score_a), distance)
        }
    };

    let score_b = ScoreBExplanation {
        n_deprived: d.lo as u8,
        n_unknown: (d.hi - d.lo) as u8,
        min: score.map(|(_, s)| s.score_b_points_per_indicator * d.lo as i64),
        max: score.map(|(_, s)| s.score_b_points_per_indicator * d.hi as i64),
        points_per_indicator: score.map(|(_, s)| s.score_b_points_per_indicator),
        poor_threshold: score.map(|(_, s)| s.score_b_poor_threshold),
        poor_min_deprivations: t.poor_min_deprivations,
    };

    let income = match (&v.income, income_class) {
        (Some(i), Some(income_class)) => {
            let total = i.exact();
            let per_person = total.map(|total| total.div_euclid(12 * n as i64));
            let line = area.map(|a| t.income_line[a]);
            let distance = match (total, line) {
                (Some(total), Some(line)) => {
                    Some((line * 12 * n as i64 - total).div_euclid(12 * n as i64))
                }
                _ => None,
            };
            let low_limit = match (t.low_income_worker, area) {
                (Some(l), Some(a)) => Some(l[a]),
                _ => None,
            };
            let low_income_worker = match (low_limit, line) {
                (Some(limit), Some(line)) => match (i.at_most(line, n), i.at_most(limit, n)) {
                    (Tri::Yes, _) => Some(false),
                    (Tri::No, Tri::Yes) => Some(true),
                    (_, Tri::No) => Some(false),
                    _ => None,
                },
                _ => None,
            };
            Some(IncomeExplanation {
                source: i.source,
                total_12m: total,
                total_12m_min: i.min_12m,
                total_12m_max: i.max_12m,
                members: n,
                per_person_month: per_person,
                line,
                distance_to_line: distance,
                average_living_limit: match (t.average_living, area) {
                    (Some(l), Some(a)) => Some(l[a]),
                    _ => None,
                },
                low_income_worker_limit: low_limit,
                low_income_worker,
                income_class,
            })
        }
        _ => None,
    };

    // What-ifs: only when the class turns on the indicators alone.
    let mut class_changes = Vec::new();
    let indicators_decide = classes.is_determined()
        && d.is_exact()
        && match score {
            Some((o, s)) => {
                !o.screening.can_screen_out()
                    && area.is_some_and(|a| o.a_max <= s.score_a_threshold[a])
            }
            None => v
                .income
                .as_ref()
                .zip(area)
                .is_some_and(|(i, a)| i.at_most(t.income_line[a], n) == Tri::Yes),
        };
    if indicators_decide {
        let needed = match score {
            Some((_, s)) => {
                (s.score_b_poor_threshold + s.score_b_points_per_indicator - 1)
                    / s.score_b_points_per_indicator
            }
            None => t.poor_min_deprivations,
        } as u32;
        let deprived = || {
            evals
                .iter()
                .filter(|e| e.status == Tri::Yes)
                .map(|e| e.indicator)
        };
        let not_deprived = || {
            evals
                .iter()
                .filter(|e| e.status != Tri::Yes)
                .map(|e| e.indicator)
        };
        if d.lo >= needed {
            class_changes.push(ClassChange {
                to: Class::NearPoor,
                change: "fewer_deprived",
                n_indicators: (d.lo - needed + 1) as u8,
                candidates: collect_indicators(deprived()),
            });
        } else {
            class_changes.push(ClassChange {
                to: Class::Poor,
                change: "more_deprived",
                n_indicators: (needed - d.lo) as u8,
                candidates: collect_indicators(not_deprived()),
            });
        }
    }

    let supports = supports(
        v,
        classes,
        income_class,
        income.as_ref().and_then(|i| i.low_income_worker),
    );

    Explanation {
        edition: edition.key,
        provisional: edition.provisional,
        classification: edition.classification.key(),
        rules_version: r.version,
        assessed_on: v.assessed_on,
        area: v.area,
        region: v.region,
        screening,
        score_a,
        score_b,
        indicators,
        reasons,
        income,
        class_changes,
        score_a_distance,
        supports,
        interpretations: used.keys(),
        depends_on,
    }
}

/// Supports of standard.md §4 that may apply, for every class still possible.
fn supports(
    v: &ValidHousehold,
    classes: ClassSet,
    income_class: Option<IncomeClass>,
    low_income_worker: Option<bool>,
) -> Vec<SupportExplanation> {
    let r = rules();
    let mut out = Vec::with_capacity(r.supports.len());
    for s in &r.supports {
        let mut add = |because: &'static str, level: &'static str| {
            out.push(SupportExplanation {
                key: s.key,
                because,
                level,
                status: "may_apply",
                reference: &s.reference,
            });
        };
        if classes.0 & ClassSet::POOR != 0 && s.poor != "no" {
            add("poor", s.poor);
        }
        if classes.0 & ClassSet::NEAR_POOR != 0 && s.near_poor != "no" {
            add("near_poor", s.near_poor);
        }
        if classes.0 & ClassSet::NOT_POOR != 0 {
            let applies = match s.other {
                "agricultural_average_living_at_least_30" => {
                    v.record.agricultural_household == Some(true)
                        && income_class == Some(IncomeClass::AverageLiving)
                }
                "low_income_worker" => low_income_worker == Some(true),
                "newly_escaped" => true,
                _ => false,
            };
            if applies {
                add(s.other, s.other);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The result of formats.md §2, verbatim.
    const EXAMPLE_RESULT: &str = r#"{
      "schema": "mucsong/result@1",
      "id": "thon-3-ho-17",
      "edition": "2022-2025",
      "assessed_on": "2026-11-26",
      "screening": "review",
      "score_a": 155,
      "score_b": 0,
      "indicators": {
        "employment": "not_deprived", "dependants": "not_deprived", "nutrition": "not_deprived",
        "health_insurance": "not_deprived", "adult_education": "not_deprived",
        "child_schooling": "not_deprived", "housing_quality": "not_deprived",
        "housing_area": "not_deprived", "water": "not_deprived", "sanitation": "not_deprived",
        "internet": "not_deprived", "information_devices": "not_deprived"
      },
      "class": "not_poor",
      "possible_classes": ["not_poor"],
      "income_per_person_month_vnd": 3750000,
      "income_class": "not_poor",
      "depends_on": []
    }"#;

    use crate::testing::{run, with, EXAMPLE};

    #[test]
    fn answer_paths_come_out_sorted_and_each_once() {
        use AnswerPath::{Field, Member};
        let paths = vec![
            Member(2, "birth_date"),
            Field("region"),
            Member(0, "school"),
            Field("area"),
            Member(2, "birth_date"),
            Member(10, "school"),
            Field("area"),
            Member(0, "birth_date"),
        ];
        let mut expected = paths.clone();
        expected.sort();
        expected.dedup();
        assert_eq!(sorted_unique(paths), expected);
        assert_eq!(
            expected,
            vec![
                Field("area"),
                Field("region"),
                Member(0, "birth_date"),
                Member(0, "school"),
                Member(2, "birth_date"),
                Member(10, "school"),
            ]
        );
        assert!(sorted_unique(Vec::new()).is_empty());
    }

    #[test]
    fn the_formats_example_gives_score_a_155_and_income_3_750_000() {
        let a = run(EXAMPLE);
        let expected: ResultRecord = serde_json::from_str(EXAMPLE_RESULT).unwrap();
        assert_eq!(a.result, expected);
        let rows: Vec<_> = a
            .explanation
            .score_a
            .as_ref()
            .unwrap()
            .items
            .iter()
            .map(|i| (i.row, i.points))
            .collect();
        assert_eq!(
            rows,
            [
                ("size_1", 90),
                ("workers_1", 5),
                ("dependants_0", 10),
                ("wall_durable", 10),
                ("area_30_to_40", 5),
                ("power_50_to_100", 15),
                ("asset_motorbike_1", 10),
                ("livestock_buffalo_cow_horse_1", 10)
            ]
        );
        let distance = a.explanation.score_a_distance.as_ref().unwrap();
        assert_eq!(
            (
                distance.score_a,
                distance.threshold,
                distance.points_above_threshold
            ),
            (155, 140, 15)
        );
        let income = a.explanation.income.as_ref().unwrap();
        assert_eq!(
            (
                income.total_12m,
                income.per_person_month,
                income.line,
                income.distance_to_line
            ),
            (
                Some(45_000_000),
                Some(3_750_000),
                Some(1_500_000),
                Some(-2_250_000)
            )
        );
        assert_eq!(income.low_income_worker, Some(false));
        assert!(a.explanation.class_changes.is_empty());
        assert!(a
            .explanation
            .interpretations
            .contains(&"pit_latrine_with_seat_hygienic"));
        assert!(a
            .explanation
            .interpretations
            .contains(&"b1_column_none_uses_wall"));
    }

    #[test]
    fn the_edition_switches_on_2027_01_01_and_classifies_by_income() {
        let a = with(EXAMPLE, |v| v["assessed_on"] = "2026-12-31".into());
        assert_eq!(
            (&*a.result.edition, a.result.score_a),
            ("2022-2025", Some(155))
        );
        let b = with(EXAMPLE, |v| {
            v["assessed_on"] = "2027-01-01".into();
            v["waste"] = "collected".into();
        });
        assert_eq!(b.result.edition, "2027-2030");
        assert_eq!(
            (b.result.score_a, b.result.screening, b.result.score_b),
            (None, None, None)
        );
        assert!(b.explanation.provisional);
        assert!(b.result.indicators.contains_key(&Indicator::Waste));
        assert!(!b
            .result
            .indicators
            .contains_key(&Indicator::InformationDevices));
        assert_eq!(b.result.class, Class::NotPoor);
        // 3,750,000 > 2,200,000: not poor. Income of 2,200,000 per month with 3 deprivations: poor.
        let c = with(EXAMPLE, |v| {
            v["assessed_on"] = "2027-06-01".into();
            v["waste"] = "other".into();
            v["water"] = "other".into();
            v["latrine"] = "other".into();
            v["income"] = serde_json::json!({"monthly_vnd": 2_200_000});
        });
        assert_eq!(c.result.class, Class::Poor);
        assert_eq!(c.result.income_class, Some(IncomeClass::Poor));
        assert_eq!(c.explanation.class_changes[0].n_indicators, 1);
        let c = with(EXAMPLE, |v| {
            v["assessed_on"] = "2027-06-01".into();
            v["waste"] = serde_json::Value::Null;
            v["water"] = "other".into();
            v["latrine"] = "other".into();
            v["income"] = serde_json::json!({"monthly_vnd": 2_200_001});
        });
        assert_eq!(c.result.class, Class::NotPoor);
    }

    #[test]
    fn a_household_under_140_points_with_3_deprivations_is_poor() {
        // A 4-person household with few assets: score A well under 140.
        let a = with(EXAMPLE, |v| {
            let member = v["members"][0].clone();
            v["members"] =
                serde_json::json!([member.clone(), member.clone(), member.clone(), member]);
            v["livestock"]["buffalo_cow_horse"] = 0.into();
            v["water"] = "other".into();
            v["latrine"] = "other".into();
            v["housing"]["living_area_m2"] = 30.into();
        });
        assert_eq!(a.result.score_a, Some(45 + 20 + 10 + 10 + 15 + 10));
        assert_eq!(a.result.score_b, Some(30));
        assert_eq!(a.result.class, Class::Poor);
        let change = &a.explanation.class_changes[0];
        assert_eq!((change.to, change.n_indicators), (Class::NearPoor, 1));
        assert_eq!(
            change.candidates,
            [
                Indicator::HousingArea,
                Indicator::Water,
                Indicator::Sanitation
            ]
        );
    }

    #[test]
    fn unknown_answers_give_possible_classes_and_their_paths() {
        let a = with(EXAMPLE, |v| {
            let member = v["members"][0].clone();
            v["members"] =
                serde_json::json!([member.clone(), member.clone(), member.clone(), member]);
            v["livestock"]["buffalo_cow_horse"] = 0.into();
            v["water"] = "other".into();
            v["latrine"] = "other".into();
            v["housing"]["living_area_m2"] = serde_json::Value::Null;
        });
        assert_eq!(a.result.class, Class::Undetermined);
        assert_eq!(a.result.possible_classes, [Class::Poor, Class::NearPoor]);
        assert_eq!(a.result.depends_on, ["housing.living_area_m2"]);
        assert_eq!(a.result.score_a, None);
        assert_eq!(a.result.score_b, None);
        assert_eq!(a.explanation.depends_on, a.result.depends_on);
    }

    #[test]
    fn screening_stops_at_four_criteria_and_exclusions_exclude() {
        let a = with(EXAMPLE, |v| {
            v["assets"]["fridge"] = 1.into();
            v["assets"]["water_heater"] = 1.into();
            v["assets"]["washing_machine_or_dryer"] = 1.into();
            v["electricity_kwh_per_month"] = 150.into();
        });
        assert_eq!(a.result.screening, Some(ScreeningOutcome::Stopped));
        let s = a.explanation.screening.as_ref().unwrap();
        assert_eq!((s.count_min, s.count_max), (5, 5));
        let b = with(EXAMPLE, |v| {
            v["screening"]["villa_or_grade_1_2_house"] = true.into()
        });
        assert_eq!(b.result.screening, Some(ScreeningOutcome::Excluded));
        let c = with(EXAMPLE, |v| {
            v["screening"]["villa_or_grade_1_2_house"] = serde_json::Value::Null
        });
        assert_eq!(c.result.screening, Some(ScreeningOutcome::Undetermined));
        assert_eq!(c.result.class, Class::NotPoor);
    }

    #[test]
    fn urban_households_add_the_region_points() {
        let a = with(EXAMPLE, |v| {
            v["area"] = "urban".into();
            v["region"] = "centrally_run_city".into();
        });
        // urban column: 125 + 10 + 5 + 5 (wall) + 5 (column = wall) + 5 (area) + 5 + 15 + 5 (buffalo) + 25.
        assert_eq!(
            a.result.score_a,
            Some(125 + 10 + 5 + 5 + 5 + 5 + 5 + 15 + 5 + 25)
        );
        assert!(a
            .explanation
            .score_a
            .as_ref()
            .unwrap()
            .items
            .iter()
            .any(|i| i.row == "urban_region_centrally_run_city"));
    }

    #[test]
    fn supports_follow_the_class_and_never_are_certain() {
        let a = with(EXAMPLE, |v| {
            let member = v["members"][0].clone();
            v["members"] =
                serde_json::json!([member.clone(), member.clone(), member.clone(), member]);
            v["livestock"]["buffalo_cow_horse"] = 0.into();
            v["water"] = "other".into();
            v["latrine"] = "other".into();
            v["housing"]["living_area_m2"] = 30.into();
        });
        let keys: Vec<_> = a
            .explanation
            .supports
            .iter()
            .map(|s| (s.key, s.because))
            .collect();
        assert!(keys.contains(&("electricity", "poor")));
        assert!(a
            .explanation
            .supports
            .iter()
            .all(|s| s.status == "may_apply"));
    }

    #[test]
    fn low_income_workers_are_flagged_from_2025_02_24() {
        // 2,000,000 per person per month: above the rural line, under the 2,250,000 limit.
        let edit = |date: &'static str| {
            move |v: &mut serde_json::Value| {
                v["assessed_on"] = date.into();
                v["income"] = serde_json::json!({"monthly_vnd": 2_000_000});
            }
        };
        let before = with(EXAMPLE, edit("2025-02-23"));
        let income = before.explanation.income.as_ref().unwrap();
        assert_eq!(
            (income.low_income_worker_limit, income.low_income_worker),
            (None, None)
        );
        assert_eq!(income.income_class, IncomeClass::AverageLiving);
        let after = with(EXAMPLE, edit("2025-02-24"));
        let income = after.explanation.income.as_ref().unwrap();
        assert_eq!(
            (income.low_income_worker_limit, income.low_income_worker),
            (Some(2_250_000), Some(true))
        );
        assert!(after
            .explanation
            .supports
            .iter()
            .any(|s| s.key == "vocational_training" && s.because == "low_income_worker"));
        // Agricultural households in the average-living band may get the health-insurance support.
        assert!(after
            .explanation
            .supports
            .iter()
            .any(|s| s.key == "health_insurance_premium"));
    }

    #[test]
    fn without_income_the_2027_class_depends_on_it() {
        let a = with(EXAMPLE, |v| {
            v["assessed_on"] = "2027-01-01".into();
            v["waste"] = "collected".into();
            v["income"] = serde_json::Value::Null;
        });
        assert_eq!(a.result.class, Class::Undetermined);
        assert_eq!(a.result.possible_classes, [Class::NearPoor, Class::NotPoor]);
        assert_eq!(a.result.depends_on, ["income"]);
        assert_eq!(a.result.income_class, None);
    }

    #[test]
    fn invalid_records_list_every_problem_in_plain_words() {
        let record = crate::testing::record(
            r#"{"schema":"mucsong/household@2","assessed_on":"2026-13-01","area":"rural","region":"centrally_run_city",
                "members":[{"birth_date":"1990-02-30"},{"height_cm":-1}],"electricity_kwh_per_month":-5}"#,
        );
        let error = assess(&record, &AssessOptions::default()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "schema: expected \"mucsong/household@1\", but found \"mucsong/household@2\"\n\
             assessed_on: expected a date YYYY-MM-DD, but found \"2026-13-01\"\n\
             region: expected the geographic region of a rural household (centrally_run_city is for urban households), but found \"centrally_run_city\"\n\
             members[0].birth_date: expected a date YYYY-MM-DD, YYYY-MM or YYYY, but found \"1990-02-30\"\n\
             members[1].height_cm: expected a height in cm ≥ 0, but found -1\n\
             electricity_kwh_per_month: expected kWh per month ≥ 0, but found -5"
        );
        let codes: Vec<_> = error.problems.iter().map(|p| p.code.key()).collect();
        assert_eq!(
            codes,
            [
                "wrong_schema",
                "bad_date",
                "inconsistent",
                "bad_date",
                "negative_number",
                "negative_number"
            ]
        );
        // The caller's date replaces a bad one.
        let options = AssessOptions {
            as_of: Some(Date::new(2026, 1, 1).unwrap()),
        };
        assert_eq!(assess(&record, &options).unwrap_err().problems.len(), 5);
    }

    #[test]
    fn the_explanation_serializes() {
        let json = serde_json::to_value(run(EXAMPLE)).unwrap();
        assert_eq!(json["explanation"]["edition"], "2022-2025");
        assert_eq!(
            json["explanation"]["indicators"][0]["indicator"],
            "employment"
        );
        assert_eq!(json["explanation"]["score_a"]["items"][0]["row"], "size_1");
    }
}

#[cfg(test)]
mod snapshot {
    use crate::testing::{run, with, EXAMPLE};

    /// The explanation as pretty JSON, with the rule-data hash masked (it changes with any rule edit).
    fn snapshot(a: &crate::Assessment) -> String {
        let mut value = serde_json::to_value(&a.explanation).unwrap();
        value["rules_version"] = "<rules_version>".into();
        serde_json::to_string_pretty(&value).unwrap() + "\n"
    }

    /// The exact explanation of the formats.md example and of an undetermined variant, so that any
    /// change in keys, reasons or references shows in review. On a deliberate change, replace the
    /// snapshot file with the printed text.
    #[test]
    fn explanations_match_their_snapshots() {
        let cases = [
            (
                snapshot(&run(EXAMPLE)),
                include_str!("snapshots/example_explanation.json"),
                "example_explanation.json",
            ),
            (
                snapshot(&with(EXAMPLE, |v| {
                    v["region"] = "mekong_delta".into();
                    v["members"][0]["health_insurance"] = false.into();
                    v["members"][0]["uses_internet"] = serde_json::Value::Null;
                    v["water"] = "other".into();
                    v["livestock"]["buffalo_cow_horse"] = 0.into();
                    v["assets"]["motorbike"] = serde_json::Value::Null;
                    v["income"]["sources_12m"]["wages"]["revenue_vnd"] = 0.into();
                })),
                include_str!("snapshots/undetermined_explanation.json"),
                "undetermined_explanation.json",
            ),
        ];
        for (actual, expected, file) in cases {
            assert!(
                actual == expected,
                "crates/engine/src/snapshots/{file} differs; the explanation is now:\n{actual}"
            );
        }
    }
}
