//! Commune mode's rule data (`data/commune.toml`), as constants written by `build.rs`: the province
//! targets and where they come from, the yearly poverty-reduction targets, and the readings
//! ([interpretation]) commune mode makes where the circular's forms are silent; and from
//! `data/columns.toml`, the names of a household sheet's columns, areas and regions as people
//! write them (`COLUMN_NAMES`, `AREA_NAMES`, `REGION_NAMES`), for the import.

use crate::targets::TargetDef;
use mucsong_engine::rules::{Reference, RuleStatus};
use mucsong_engine::Indicator;

/// Where the default targets come from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TargetSource {
    /// The province's key (`lang_son`).
    pub province: &'static str,
    pub label_vi: &'static str,
    pub label_en: &'static str,
    /// The period the targets are set for (ISO dates).
    pub since: &'static str,
    pub until: &'static str,
    pub status: RuleStatus,
    pub reference: Reference,
    pub reviewed_on: &'static str,
}

/// A yearly reduction of the poverty rate: the share of poor households among all households
/// must fall by at least (or, `is_strict`, by more than) this many percentage points a year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReductionTarget {
    /// `province` or `poor_district`.
    pub key: &'static str,
    pub percent_points_per_year: f64,
    pub is_strict: bool,
}

/// One reading of commune mode's, labelled in both languages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CommuneInterpretation {
    pub key: &'static str,
    /// The number the reading sets, if it sets one (the near-line margin).
    pub value: Option<i64>,
    pub label_vi: &'static str,
    pub label_en: &'static str,
    pub note_vi: &'static str,
    pub note_en: &'static str,
    pub status: RuleStatus,
    pub reference: Reference,
    pub reviewed_on: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/commune_data.rs"));

/// One name of `data/columns.toml` (how people name a sheet's column, or write an area or a
/// region in a cell), folded (`crate::fold`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameRow {
    pub folded: &'static str,
    /// The column, area or region key it names; empty for a column the import passes over.
    pub key: &'static str,
    pub is_vietnamese: bool,
}

include!(concat!(env!("OUT_DIR"), "/column_names.rs"));

/// The row of a name table (`COLUMN_NAMES`, `AREA_NAMES`, `REGION_NAMES`) for a folded name.
pub fn find_name(table: &'static [NameRow], folded: &str) -> Option<&'static NameRow> {
    table
        .binary_search_by(|row| row.folded.cmp(folded))
        .ok()
        .map(|i| &table[i])
}

/// The interpretation with this key.
pub fn interpretation(key: &str) -> Option<&'static CommuneInterpretation> {
    INTERPRETATIONS.iter().find(|i| i.key == key)
}

/// The reduction target with this key.
pub fn reduction_target(key: &str) -> Option<&'static ReductionTarget> {
    REDUCTION_TARGETS.iter().find(|r| r.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The values the resolution sets, written out once more: a changed data file shows here.
    #[test]
    fn lang_son_targets_and_reductions_are_the_data_file_s() {
        assert_eq!(TARGET_SOURCE.province, "lang_son");
        assert_eq!(TARGET_SOURCE.status, RuleStatus::Reported);
        assert!(TARGET_SOURCE.reference.document.contains("47-NQ/TU"));
        let percents: Vec<_> = TARGETS.iter().map(|t| (t.key, t.default_percent)).collect();
        assert_eq!(
            percents,
            [
                ("housing", Some(85.0)),
                ("water", Some(99.0)),
                ("sanitation", Some(50.0)),
                ("telecom", Some(98.0)),
                ("information_devices", Some(100.0)),
                ("health_insurance", Some(100.0)),
                ("child_schooling", Some(100.0)),
                ("adult_education", Some(95.0)),
                ("employment", None),
                ("dependants", None),
                ("nutrition", None),
            ]
        );
        assert_eq!(
            TARGETS[0].indicators,
            &[Indicator::HousingQuality, Indicator::HousingArea]
        );
        let province = reduction_target("province").unwrap();
        assert_eq!(
            (province.percent_points_per_year, province.is_strict),
            (3.0, false)
        );
        let poor = reduction_target("poor_district").unwrap();
        assert_eq!((poor.percent_points_per_year, poor.is_strict), (5.0, true));
    }

    /// Every interpretation a module says it follows is in the data, and every one in the data
    /// is followed by some module.
    #[test]
    fn the_interpretations_used_are_the_data_s() {
        let used: Vec<&str> = [
            crate::forms::lists::INTERPRETATIONS,
            crate::forms::changes::INTERPRETATIONS,
            crate::crosscheck::INTERPRETATIONS,
        ]
        .concat();
        for key in &used {
            assert!(interpretation(key).is_some(), "{key}");
        }
        for i in &INTERPRETATIONS {
            assert!(used.contains(&i.key), "{} is used by no module", i.key);
        }
    }

    #[test]
    fn every_interpretation_is_labelled_and_sourced() {
        for i in &INTERPRETATIONS {
            assert_eq!(i.status, RuleStatus::Interpretation, "{}", i.key);
            assert!(
                !i.label_vi.is_empty() && !i.label_en.is_empty(),
                "{}",
                i.key
            );
            assert!(!i.reference.document.is_empty(), "{}", i.key);
        }
        let margin = interpretation("score_a_near_line").unwrap();
        assert_eq!(margin.value, Some(SCORE_A_NEAR_LINE_MARGIN));
        assert_eq!(SCORE_A_NEAR_LINE_MARGIN, 5);
    }
}
