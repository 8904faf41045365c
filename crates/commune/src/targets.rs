//! Province targets and how the commune stands against them. A target is a share of POOR
//! households that are NOT deprived (e.g. "99 % of poor households have clean water" ⇔ at most
//! 1 % of poor households deprived on `water`); each maps to one or more of the twelve indicators,
//! and a poor household meets it only when it is deprived on none of them. The defaults are Lạng
//! Sơn's 2021–2025 resolution, data with their source in `data/commune.toml` (`crate::data`);
//! officers edit them, and they are saved on the device as a versioned envelope.

use mucsong_engine::{Class, Indicator, IndicatorStatus, ResultRecord};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A target the table can hold: its key (also its translation key suffix), the indicators it
/// maps to, and the default percentage (Lạng Sơn 2021–2025), if the resolution sets one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TargetDef {
    pub key: &'static str,
    pub indicators: &'static [Indicator],
    pub default_percent: Option<f64>,
}

/// Every target, in the order of the resolution, then the indicators it sets no target for
/// (`data/commune.toml`, written as constants by `build.rs`).
pub use crate::data::TARGETS;

/// Poor households by whether they meet one target.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TargetCount {
    /// Deprived on none of the target's indicators.
    pub n_meeting: u64,
    /// Deprived on at least one.
    pub n_failing: u64,
    /// Deprived on none, but at least one is unknown.
    pub n_unknown: u64,
}

/// Tallies every target over the poor households of a run (streaming, like `CommuneSummary`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TargetTally {
    counts: [TargetCount; TARGETS.len()],
    n_poor: u64,
}

impl TargetTally {
    /// Adds one result; only poor households count.
    pub fn add(&mut self, result: &ResultRecord) {
        if result.class != Class::Poor {
            return;
        }
        self.n_poor += 1;
        for (def, count) in TARGETS.iter().zip(&mut self.counts) {
            let statuses = def.indicators.iter().map(|i| result.indicators.get(i));
            let (mut is_failing, mut has_unknown) = (false, false);
            for status in statuses {
                match status {
                    Some(IndicatorStatus::Deprived) => is_failing = true,
                    Some(IndicatorStatus::NotDeprived) => {}
                    Some(IndicatorStatus::Unknown) | None => has_unknown = true,
                }
            }
            if is_failing {
                count.n_failing += 1;
            } else if has_unknown {
                count.n_unknown += 1;
            } else {
                count.n_meeting += 1;
            }
        }
    }

    /// Poor households counted.
    pub fn n_poor(&self) -> u64 {
        self.n_poor
    }

    /// The count of the target with this key.
    pub fn count(&self, key: &str) -> Option<TargetCount> {
        TARGETS
            .iter()
            .position(|d| d.key == key)
            .map(|i| self.counts[i])
    }
}

/// The percentages an officer set (or the defaults). `None` = no target for that row.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetValues {
    percents: BTreeMap<&'static str, Option<f64>>,
}

impl Default for TargetValues {
    fn default() -> Self {
        TargetValues {
            percents: TARGETS.iter().map(|d| (d.key, d.default_percent)).collect(),
        }
    }
}

/// The schema tag of the saved targets.
pub const TARGETS_SCHEMA: &str = "mucsong/commune-targets@1";

/// The saved form: `{"schema": "mucsong/commune-targets@1", "targets": {"water": 99, "nutrition": null, …}}`.
#[derive(Serialize, Deserialize)]
struct TargetsEnvelope {
    schema: String,
    targets: BTreeMap<String, Option<f64>>,
}

impl TargetValues {
    /// The percentage for a target key.
    pub fn get(&self, key: &str) -> Option<f64> {
        self.percents.get(key).copied().flatten()
    }

    /// Sets (or clears) a target; unknown keys are ignored.
    pub fn set(&mut self, key: &str, percent: Option<f64>) {
        if let Some(def) = TARGETS.iter().find(|d| d.key == key) {
            self.percents
                .insert(def.key, percent.map(|p| p.clamp(0.0, 100.0)));
        }
    }

    /// Whether these are the resolution's defaults.
    pub fn is_default(&self) -> bool {
        *self == TargetValues::default()
    }

    /// The saved form (see `TargetsEnvelope`).
    pub fn to_json(&self) -> String {
        let envelope = TargetsEnvelope {
            schema: TARGETS_SCHEMA.to_string(),
            targets: self
                .percents
                .iter()
                .map(|(k, v)| (k.to_string(), *v))
                .collect(),
        };
        serde_json::to_string(&envelope).expect("targets serialise")
    }

    /// Reads the saved form. Targets missing from it keep their defaults; keys this version does
    /// not know are dropped (a later version may add rows). Another schema is refused, so a
    /// future format is never half-read.
    pub fn from_json(text: &str) -> Result<TargetValues, String> {
        let envelope: TargetsEnvelope =
            serde_json::from_str(text).map_err(|e| format!("saved targets unreadable: {e}"))?;
        if envelope.schema != TARGETS_SCHEMA {
            return Err(format!(
                "saved targets: expected schema {TARGETS_SCHEMA}, but found {:?}",
                envelope.schema
            ));
        }
        let mut values = TargetValues::default();
        for (key, percent) in envelope.targets {
            if percent.is_some_and(|p| !(0.0..=100.0).contains(&p)) {
                return Err(format!(
                    "saved targets: {key}: expected a percentage from 0 to 100"
                ));
            }
            values.set(&key, percent);
        }
        Ok(values)
    }
}

/// Reads a percentage as typed: `99`, `99.5`, `99,5` (Vietnamese decimal comma), an optional `%`;
/// empty means "no target". Anything else, or outside 0–100, is `Err`.
// The only failure is "not a percentage from 0 to 100"; the UI shows one message for it.
#[allow(clippy::result_unit_err)]
pub fn parse_percent(text: &str) -> Result<Option<f64>, ()> {
    let text = text.trim().trim_end_matches('%').trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.matches([',', '.']).count() > 1
        || !text
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return Err(());
    }
    let value: f64 = text.replace(',', ".").parse().map_err(|_| ())?;
    if (0.0..=100.0).contains(&value) {
        Ok(Some(value))
    } else {
        Err(())
    }
}

mucsong_rules::keyed_enum!(
    /// How the commune stands against one target.
    pub enum TargetStatus {
        /// Met even if every unknown turned out deprived.
        Met => "met",
        /// Missed even if every unknown turned out not deprived.
        NotMet => "not_met",
        /// Depends on unknown answers.
        Unknown => "unknown",
        /// No poor households: nothing to compare.
        NoPoor => "no_poor",
        /// No target set for this row.
        NoTarget => "no_target",
    }
);

/// One row of the targets table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TargetRow {
    pub def: TargetDef,
    pub count: TargetCount,
    pub n_poor: u64,
    pub target_percent: Option<f64>,
    pub status: TargetStatus,
}

impl TargetRow {
    /// Share of poor households known to meet the target (unknowns counted as not meeting: a
    /// lower bound).
    pub fn share_meeting(&self) -> Option<f64> {
        (self.n_poor > 0).then(|| self.count.n_meeting as f64 / self.n_poor as f64)
    }

    /// The share if every unknown turned out to meet it (an upper bound).
    pub fn share_meeting_at_most(&self) -> Option<f64> {
        (self.n_poor > 0)
            .then(|| (self.count.n_meeting + self.count.n_unknown) as f64 / self.n_poor as f64)
    }

    /// Poor households still to reach the target (at the lower bound), rounded up.
    pub fn n_short(&self) -> Option<u64> {
        let target = self.target_percent?;
        let needed = (target / 100.0 * self.n_poor as f64 - 1e-9).ceil().max(0.0) as u64;
        Some(needed.saturating_sub(self.count.n_meeting))
    }
}

/// Compares the tallies with the targets, in `TARGETS` order.
pub fn compare(tally: &TargetTally, values: &TargetValues) -> Vec<TargetRow> {
    TARGETS
        .iter()
        .zip(tally.counts)
        .map(|(def, count)| {
            let n_poor = tally.n_poor;
            let target_percent = values.get(def.key);
            // Compare counts, not rounded shares: meeting × 100 ≥ target × poor.
            let reaches =
                |n: u64| n as f64 * 100.0 >= target_percent.unwrap_or(0.0) * n_poor as f64 - 1e-9;
            let status = match target_percent {
                None => TargetStatus::NoTarget,
                Some(_) if n_poor == 0 => TargetStatus::NoPoor,
                Some(_) if reaches(count.n_meeting) => TargetStatus::Met,
                Some(_) if !reaches(count.n_meeting + count.n_unknown) => TargetStatus::NotMet,
                Some(_) => TargetStatus::Unknown,
            };
            TargetRow {
                def: *def,
                count,
                n_poor,
                target_percent,
                status,
            }
        })
        .collect()
}

/// The most a chart may show as deprived among poor households on `indicator` for the targets to
/// hold (100 % − the strictest target mapped to it), with the target's key.
pub fn max_deprived_share(
    values: &TargetValues,
    indicator: Indicator,
) -> Option<(f64, &'static str)> {
    TARGETS
        .iter()
        .filter(|d| d.indicators.contains(&indicator))
        .filter_map(|d| values.get(d.key).map(|p| (1.0 - p / 100.0, d.key)))
        .min_by(|a, b| a.0.total_cmp(&b.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use mucsong_engine::{assess_summary, Area, Date, SummaryRow};

    fn poor_with(deprived: &[Indicator], unknown: &[Indicator]) -> ResultRecord {
        let mut row = SummaryRow {
            area: Some(Area::Rural),
            members: Some(3),
            score_a: Some(100),
            ..SummaryRow::default()
        };
        // Three deprivations besides the ones under test keep the household poor.
        let base = [
            Indicator::Employment,
            Indicator::Dependants,
            Indicator::Nutrition,
        ];
        for i in Indicator::TWELVE {
            let value = if unknown.contains(&i) {
                None
            } else {
                Some(deprived.contains(&i) || base.contains(&i))
            };
            row.indicators.insert(i, value);
        }
        let result = assess_summary(&row, Date::new(2026, 6, 1).unwrap()).unwrap();
        assert_eq!(result.class, Class::Poor);
        result
    }

    #[test]
    fn every_indicator_has_exactly_one_target_row_except_housing_which_shares_one() {
        for i in Indicator::TWELVE {
            let n = TARGETS.iter().filter(|d| d.indicators.contains(&i)).count();
            assert_eq!(n, 1, "{}", i.key());
        }
        assert_eq!(TargetValues::default().get("water"), Some(99.0));
        assert_eq!(TargetValues::default().get("nutrition"), None);
    }

    #[test]
    fn housing_needs_both_indicators_and_unknowns_make_the_status_open() {
        let mut tally = TargetTally::default();
        tally.add(&poor_with(&[], &[]));
        tally.add(&poor_with(&[Indicator::HousingArea], &[]));
        tally.add(&poor_with(&[], &[Indicator::HousingQuality]));
        tally.add(&poor_with(&[], &[]));
        let housing = tally.count("housing").unwrap();
        assert_eq!(
            (housing.n_meeting, housing.n_failing, housing.n_unknown),
            (2, 1, 1)
        );
        let mut values = TargetValues::default();
        // 2 of 4 surely meet, 3 of 4 at most: 50 % is met, 75 % is open, 80 % is missed.
        for (percent, status) in [
            (50.0, TargetStatus::Met),
            (75.0, TargetStatus::Unknown),
            (80.0, TargetStatus::NotMet),
        ] {
            values.set("housing", Some(percent));
            let row = compare(&tally, &values)[0];
            assert_eq!(row.status, status, "{percent}");
        }
        values.set("housing", None);
        assert_eq!(compare(&tally, &values)[0].status, TargetStatus::NoTarget);
        assert_eq!(
            compare(&TargetTally::default(), &TargetValues::default())[0].status,
            TargetStatus::NoPoor
        );
    }

    #[test]
    fn the_boundary_is_inclusive_and_shortfall_rounds_up() {
        let mut tally = TargetTally::default();
        for k in 0..100 {
            let deprived: &[Indicator] = if k == 0 { &[Indicator::Water] } else { &[] };
            tally.add(&poor_with(deprived, &[]));
        }
        let mut values = TargetValues::default();
        values.set("water", Some(99.0));
        let row = compare(&tally, &values)[1];
        assert_eq!(row.status, TargetStatus::Met);
        assert_eq!(row.n_short(), Some(0));
        values.set("water", Some(99.5));
        let row = compare(&tally, &values)[1];
        assert_eq!(row.status, TargetStatus::NotMet);
        assert_eq!(row.n_short(), Some(1));
    }

    #[test]
    fn saved_targets_round_trip_and_bad_ones_are_refused() {
        let mut values = TargetValues::default();
        values.set("water", Some(97.5));
        values.set("nutrition", Some(90.0));
        values.set("housing", None);
        let saved = values.to_json();
        assert!(saved.starts_with("{\"schema\":\"mucsong/commune-targets@1\""));
        assert_eq!(TargetValues::from_json(&saved), Ok(values));
        assert!(TargetValues::from_json(
            "{\"schema\":\"mucsong/commune-targets@9\",\"targets\":{}}"
        )
        .is_err());
        assert!(TargetValues::from_json(
            "{\"schema\":\"mucsong/commune-targets@1\",\"targets\":{\"water\":150}}"
        )
        .is_err());
        let partial = TargetValues::from_json(
            "{\"schema\":\"mucsong/commune-targets@1\",\"targets\":{\"water\":90,\"future_row\":10}}",
        )
        .unwrap();
        assert_eq!(partial.get("water"), Some(90.0));
        assert_eq!(partial.get("sanitation"), Some(50.0));
    }

    #[test]
    fn percentages_are_read_as_typed() {
        assert_eq!(parse_percent("99"), Ok(Some(99.0)));
        assert_eq!(parse_percent(" 99,5 % "), Ok(Some(99.5)));
        assert_eq!(parse_percent("99.5"), Ok(Some(99.5)));
        assert_eq!(parse_percent(""), Ok(None));
        assert_eq!(parse_percent("101"), Err(()));
        assert_eq!(parse_percent("9,9,9"), Err(()));
        assert_eq!(parse_percent("abc"), Err(()));
        assert_eq!(parse_percent("-5"), Err(()));
    }

    #[test]
    fn a_chart_marks_the_strictest_target_of_an_indicator() {
        let values = TargetValues::default();
        let (share, key) = max_deprived_share(&values, Indicator::HousingArea).unwrap();
        assert!((share - 0.15).abs() < 1e-9);
        assert_eq!(key, "housing");
        assert_eq!(max_deprived_share(&values, Indicator::Nutrition), None);
    }
}
