//! `assess_summary`: classification of a summary CSV row (formats.md §3) for officers who already
//! hold the B2 answers: class from the given score A and the indicator flags, income class from
//! the monthly income, unknown flags → every class still possible.

use super::classify::{
    class_set_of_income, classes_with_unknown_income, income_class_of, income_classes,
    review_classes, ClassSet,
};
use super::household::{Area, Region};
use super::problem::{InvalidHousehold, Problem, ProblemCode};
use super::result::{Indicator, IndicatorStatuses, ResultRecord, RESULT_SCHEMA};
use super::tri::{CountRange, Tri};
use super::validate::IncomeRange;
use crate::date::Date;
use crate::rules::{edition_for, ClassificationMethod};
use std::collections::BTreeMap;

/// One summary CSV row, already parsed from text by the batch layer.
#[derive(Debug, Clone, Default)]
pub struct SummaryRow {
    pub id: Option<String>,
    pub area: Option<Area>,
    pub region: Option<Region>,
    pub members: Option<u32>,
    pub score_a: Option<i64>,
    /// Household total income per month, đồng.
    pub monthly_income_vnd: Option<i64>,
    /// The twelve indicators of edition 2022-2025; `None` (or absent) = unknown.
    pub indicators: BTreeMap<Indicator, Option<bool>>,
}

/// Classifies a summary row assessed on `assessed_on`.
pub fn assess_summary(
    row: &SummaryRow,
    assessed_on: Date,
) -> Result<ResultRecord, InvalidHousehold> {
    let mut problems = Vec::new();
    let edition = edition_for(assessed_on);
    if edition.is_none() {
        problems.push(Problem::no_edition(assessed_on));
    }
    if row.members == Some(0) {
        problems.push(Problem::new(
            "members",
            ProblemCode::NoMembers,
            "a number of members ≥ 1",
            "0",
        ));
    }
    if let Some(a) = row.score_a.filter(|a| *a < 0) {
        problems.push(Problem::new(
            "score_a",
            ProblemCode::NegativeNumber,
            "a score ≥ 0",
            a.to_string(),
        ));
    }
    if let Some(m) = row.monthly_income_vnd.filter(|m| *m < 0) {
        problems.push(Problem::new(
            "monthly_income_vnd",
            ProblemCode::NegativeNumber,
            "a whole number of đồng ≥ 0",
            m.to_string(),
        ));
    }
    if row.area == Some(Area::Rural) && row.region == Some(Region::CentrallyRunCity) {
        problems.push(Problem::new(
            "region",
            ProblemCode::Inconsistent,
            "the geographic region of a rural household",
            "\"centrally_run_city\"",
        ));
    }
    if !problems.is_empty() {
        return Err(InvalidHousehold { problems });
    }
    let edition = edition.expect("checked");
    let t = edition.thresholds_on(assessed_on);
    let mut statuses = IndicatorStatuses::new();
    let mut d = CountRange::default();
    let mut unknown_indicators = Vec::new();
    for &indicator in edition.indicator_set {
        let tri = Tri::from_opt(row.indicators.get(&indicator).copied().flatten());
        d.add(tri);
        if tri.is_unknown() {
            unknown_indicators.push(indicator.key().to_string());
        }
        statuses.insert(indicator, super::indicators::status_of(tri));
    }
    let areas: &[usize] = match row.area {
        Some(Area::Rural) => &[0],
        Some(Area::Urban) => &[1],
        None => &[0, 1],
    };
    let income = match (row.monthly_income_vnd, row.members) {
        (Some(m), Some(_)) => Some(IncomeRange {
            min_12m: Some(m * 12),
            max_12m: Some(m * 12),
            source: "monthly_vnd",
        }),
        _ => None,
    };
    let members = row.members.unwrap_or(1);
    let income_bits = income.map(|i| {
        areas
            .iter()
            .fold(0, |b, &a| b | income_classes(&i, members, a, d, t))
    });
    let mut depends = Vec::new();
    let classes = match (edition.classification, &t.score) {
        (ClassificationMethod::Score, Some(s)) => match row.score_a {
            Some(a) => {
                let classes = areas.iter().fold(ClassSet::default(), |set, &area| {
                    set.union(review_classes(
                        a,
                        a,
                        s.score_a_threshold[area],
                        d,
                        s.score_b_points_per_indicator,
                        s.score_b_poor_threshold,
                    ))
                });
                if !classes.is_determined() {
                    if areas.iter().any(|&area| a <= s.score_a_threshold[area]) {
                        depends.extend(unknown_indicators.iter().cloned());
                    }
                    if row.area.is_none() {
                        depends.push("area".to_string());
                    }
                }
                classes
            }
            None => {
                depends.push("score_a".to_string());
                depends.extend(unknown_indicators.iter().cloned());
                let mut set = ClassSet(ClassSet::NOT_POOR);
                set.add(
                    review_classes(
                        0,
                        0,
                        0,
                        d,
                        s.score_b_points_per_indicator,
                        s.score_b_poor_threshold,
                    )
                    .0,
                );
                set
            }
        },
        _ => match income_bits {
            Some(bits) => {
                let classes = class_set_of_income(bits);
                if !classes.is_determined() {
                    depends.extend(unknown_indicators.iter().cloned());
                    if row.area.is_none() {
                        depends.push("area".to_string());
                    }
                }
                classes
            }
            None => {
                depends.push(
                    if row.members.is_none() && row.monthly_income_vnd.is_some() {
                        "members"
                    } else {
                        "monthly_income_vnd"
                    }
                    .to_string(),
                );
                depends.extend(unknown_indicators.iter().cloned());
                classes_with_unknown_income(d, t)
            }
        },
    };
    let ppi = t.score.as_ref().map(|s| s.score_b_points_per_indicator);
    Ok(ResultRecord {
        schema: RESULT_SCHEMA.into(),
        id: row.id.clone(),
        edition: edition.key.into(),
        assessed_on,
        screening: None,
        score_a: if t.score.is_some() { row.score_a } else { None },
        score_b: match (ppi, d.is_exact()) {
            (Some(ppi), true) => Some(ppi * d.lo as i64),
            _ => None,
        },
        indicators: statuses,
        class: classes.class(),
        possible_classes: classes.classes(),
        income_per_person_month_vnd: income
            .and_then(|i| i.exact())
            .map(|total| total.div_euclid(12 * members as i64)),
        income_class: income_bits.map(income_class_of),
        depends_on: depends,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Class, IncomeClass, IndicatorStatus};

    fn row(score_a: Option<i64>, deprived: usize, unknown: usize) -> SummaryRow {
        let mut indicators = BTreeMap::new();
        for (i, indicator) in Indicator::TWELVE.iter().enumerate() {
            let value = if i < deprived {
                Some(true)
            } else if i < deprived + unknown {
                None
            } else {
                Some(false)
            };
            indicators.insert(*indicator, value);
        }
        SummaryRow {
            id: Some("ho-1".into()),
            area: Some(Area::Rural),
            region: Some(Region::MekongDelta),
            members: Some(4),
            score_a,
            monthly_income_vnd: Some(6_000_000),
            indicators,
        }
    }

    fn date(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn score_a_and_flags_give_the_class() {
        let on = date("2026-06-01");
        let r = assess_summary(&row(Some(140), 3, 0), on).unwrap();
        assert_eq!(
            (r.class, r.score_b, r.score_a),
            (Class::Poor, Some(30), Some(140))
        );
        assert_eq!(
            r.indicators[&Indicator::Employment],
            IndicatorStatus::Deprived
        );
        assert_eq!(
            assess_summary(&row(Some(140), 2, 0), on).unwrap().class,
            Class::NearPoor
        );
        assert_eq!(
            assess_summary(&row(Some(141), 9, 0), on).unwrap().class,
            Class::NotPoor
        );
        // 6,000,000 for 4 people = 1,500,000 each: exactly on the rural line.
        let r = assess_summary(&row(Some(141), 3, 0), on).unwrap();
        assert_eq!(
            (r.income_per_person_month_vnd, r.income_class),
            (Some(1_500_000), Some(IncomeClass::Poor))
        );
    }

    #[test]
    fn unknown_flags_list_the_possible_classes() {
        let r = assess_summary(&row(Some(100), 2, 2), date("2026-06-01")).unwrap();
        assert_eq!(r.class, Class::Undetermined);
        assert_eq!(r.possible_classes, [Class::Poor, Class::NearPoor]);
        assert_eq!(r.depends_on, ["nutrition", "health_insurance"]);
        assert_eq!(r.score_b, None);
        let r = assess_summary(&row(None, 0, 0), date("2026-06-01")).unwrap();
        assert_eq!(r.possible_classes, [Class::NearPoor, Class::NotPoor]);
        assert_eq!(r.depends_on, ["score_a"]);
    }

    #[test]
    fn urban_rows_use_175_and_the_urban_line() {
        let mut r = row(Some(175), 3, 0);
        r.area = Some(Area::Urban);
        let result = assess_summary(&r, date("2026-06-01")).unwrap();
        assert_eq!(result.class, Class::Poor);
        assert_eq!(result.income_class, Some(IncomeClass::Poor));
        r.area = None;
        let result = assess_summary(&r, date("2026-06-01")).unwrap();
        assert_eq!(result.possible_classes, [Class::Poor, Class::NotPoor]);
        assert_eq!(result.depends_on, ["area"]);
    }

    #[test]
    fn from_2027_the_class_follows_income() {
        let r = assess_summary(&row(Some(100), 3, 0), date("2027-01-01")).unwrap();
        assert_eq!(
            (&*r.edition, r.score_a, r.score_b),
            ("2027-2030", None, None)
        );
        // 1,500,000 per person ≤ 2,200,000; the 2027 set has no information_devices and an
        // unanswered waste indicator, but 3 are already deprived.
        assert_eq!(r.class, Class::Poor);
        assert!(r.indicators.contains_key(&Indicator::Waste));
        assert!(!r.indicators.contains_key(&Indicator::InformationDevices));
    }

    #[test]
    fn impossible_rows_are_refused_with_every_problem() {
        let mut r = row(Some(-1), 0, 0);
        r.members = Some(0);
        r.monthly_income_vnd = Some(-5);
        let e = assess_summary(&r, date("2031-01-01")).unwrap_err();
        let codes: Vec<_> = e.problems.iter().map(|p| p.code).collect();
        assert_eq!(
            codes,
            [
                ProblemCode::NoEdition,
                ProblemCode::NoMembers,
                ProblemCode::NegativeNumber,
                ProblemCode::NegativeNumber
            ]
        );
    }
}
