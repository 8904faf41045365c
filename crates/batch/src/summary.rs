//! Commune statistics over a stream of results: counts and shares by class, the share of households
//! deprived in each indicator (among all and among the poor), and the Alkire–Foster measures
//! H (headcount ratio), A (intensity) and M0 = H × A. Incremental (`add`), so it streams; pure, so
//! the browser dashboard and native tests use the same code.
//!
//! Unknowns: an indicator that is `unknown` for a household is left out of that indicator's
//! denominator (and counted separately). H counts every assessed household, undetermined ones
//! included, in its denominator, so it is a lower bound when some are undetermined. A poor
//! household's deprivation share counts its known deprivations only, so A is a lower bound when a
//! poor household has unknown indicators (`n_poor_with_unknown_indicators` says how many).

use mucsong_engine::{Class, IncomeClass, Indicator, IndicatorStatus, ResultRecord};
use serde::Serialize;

/// Tallies of one indicator.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct IndicatorTally {
    /// Households deprived in this indicator.
    pub n_deprived: u64,
    /// Households for which the indicator is known (deprived or not).
    pub n_known: u64,
    /// Households for which it is unknown.
    pub n_unknown: u64,
    /// The same three, among poor households only.
    pub n_deprived_poor: u64,
    pub n_known_poor: u64,
    pub n_unknown_poor: u64,
}

impl IndicatorTally {
    /// Share deprived among households where it is known; `None` when it is known for none.
    pub fn share_deprived(&self) -> Option<f64> {
        ratio(self.n_deprived, self.n_known)
    }

    /// Share deprived among poor households where it is known.
    pub fn share_deprived_poor(&self) -> Option<f64> {
        ratio(self.n_deprived_poor, self.n_known_poor)
    }
}

/// Running statistics of a commune's results.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CommuneSummary {
    /// Results added (every assessed household, whatever its class).
    pub n_households: u64,
    /// Records that could not be assessed (bad input); not part of any share.
    pub n_rejected: u64,
    pub n_poor: u64,
    pub n_near_poor: u64,
    pub n_not_poor: u64,
    pub n_undetermined: u64,
    /// By the decree's income definition, for results that carry one.
    pub n_income_poor: u64,
    pub n_income_near_poor: u64,
    pub n_income_average_living: u64,
    pub n_income_not_poor: u64,
    pub n_income_undetermined: u64,
    /// Results without an income class (no income given).
    pub n_income_unknown: u64,
    /// Poor households with at least one unknown indicator.
    pub n_poor_with_unknown_indicators: u64,
    /// One tally per `Indicator::ALL` entry, in that order.
    indicators: [IndicatorTally; Indicator::ALL.len()],
    /// Σ over poor households of (deprived indicators / indicators of the edition).
    sum_poor_deprivation_share: f64,
}

impl CommuneSummary {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one household's result.
    pub fn add(&mut self, result: &ResultRecord) {
        self.n_households += 1;
        let is_poor = result.class == Class::Poor;
        match result.class {
            Class::Poor => self.n_poor += 1,
            Class::NearPoor => self.n_near_poor += 1,
            Class::NotPoor => self.n_not_poor += 1,
            Class::Undetermined => self.n_undetermined += 1,
        }
        match result.income_class {
            Some(IncomeClass::Poor) => self.n_income_poor += 1,
            Some(IncomeClass::NearPoor) => self.n_income_near_poor += 1,
            Some(IncomeClass::AverageLiving) => self.n_income_average_living += 1,
            Some(IncomeClass::NotPoor) => self.n_income_not_poor += 1,
            Some(IncomeClass::Undetermined) => self.n_income_undetermined += 1,
            None => self.n_income_unknown += 1,
        }
        let (mut n_deprived, mut has_unknown) = (0u32, false);
        for (&indicator, &status) in &result.indicators {
            let tally = &mut self.indicators[index(indicator)];
            match status {
                IndicatorStatus::Deprived => {
                    n_deprived += 1;
                    tally.n_deprived += 1;
                    tally.n_known += 1;
                    if is_poor {
                        tally.n_deprived_poor += 1;
                        tally.n_known_poor += 1;
                    }
                }
                IndicatorStatus::NotDeprived => {
                    tally.n_known += 1;
                    if is_poor {
                        tally.n_known_poor += 1;
                    }
                }
                IndicatorStatus::Unknown => {
                    has_unknown = true;
                    tally.n_unknown += 1;
                    if is_poor {
                        tally.n_unknown_poor += 1;
                    }
                }
            }
        }
        if is_poor {
            if has_unknown {
                self.n_poor_with_unknown_indicators += 1;
            }
            // Equal weights, as the standard counts deprivations: each indicator weighs 1/n.
            let n_indicators = result.indicators.len().max(1) as f64;
            self.sum_poor_deprivation_share += n_deprived as f64 / n_indicators;
        }
    }

    /// Adds the statistics of another set of households (another chunk of the same file): the
    /// result is the same as adding every result to one summary.
    pub fn merge(&mut self, other: &CommuneSummary) {
        // Destructured in full so a new field cannot be forgotten here.
        let CommuneSummary {
            n_households,
            n_rejected,
            n_poor,
            n_near_poor,
            n_not_poor,
            n_undetermined,
            n_income_poor,
            n_income_near_poor,
            n_income_average_living,
            n_income_not_poor,
            n_income_undetermined,
            n_income_unknown,
            n_poor_with_unknown_indicators,
            indicators,
            sum_poor_deprivation_share,
        } = other;
        self.n_households += n_households;
        self.n_rejected += n_rejected;
        self.n_poor += n_poor;
        self.n_near_poor += n_near_poor;
        self.n_not_poor += n_not_poor;
        self.n_undetermined += n_undetermined;
        self.n_income_poor += n_income_poor;
        self.n_income_near_poor += n_income_near_poor;
        self.n_income_average_living += n_income_average_living;
        self.n_income_not_poor += n_income_not_poor;
        self.n_income_undetermined += n_income_undetermined;
        self.n_income_unknown += n_income_unknown;
        self.n_poor_with_unknown_indicators += n_poor_with_unknown_indicators;
        for (mine, theirs) in self.indicators.iter_mut().zip(indicators) {
            mine.n_deprived += theirs.n_deprived;
            mine.n_known += theirs.n_known;
            mine.n_unknown += theirs.n_unknown;
            mine.n_deprived_poor += theirs.n_deprived_poor;
            mine.n_known_poor += theirs.n_known_poor;
            mine.n_unknown_poor += theirs.n_unknown_poor;
        }
        self.sum_poor_deprivation_share += sum_poor_deprivation_share;
    }

    /// Counts one record that could not be assessed.
    pub fn add_rejected(&mut self) {
        self.n_rejected += 1;
    }

    /// The tally of one indicator.
    pub fn indicator(&self, indicator: Indicator) -> IndicatorTally {
        self.indicators[index(indicator)]
    }

    /// The indicators seen at all (known or unknown) with their tallies, in `Indicator::ALL` order.
    pub fn indicators(&self) -> impl Iterator<Item = (Indicator, IndicatorTally)> + '_ {
        Indicator::ALL
            .into_iter()
            .zip(self.indicators)
            .filter(|(_, t)| t.n_known + t.n_unknown > 0)
    }

    pub fn share_poor(&self) -> Option<f64> {
        ratio(self.n_poor, self.n_households)
    }
    pub fn share_near_poor(&self) -> Option<f64> {
        ratio(self.n_near_poor, self.n_households)
    }
    pub fn share_not_poor(&self) -> Option<f64> {
        ratio(self.n_not_poor, self.n_households)
    }
    pub fn share_undetermined(&self) -> Option<f64> {
        ratio(self.n_undetermined, self.n_households)
    }

    /// Alkire–Foster H: poor households over assessed households.
    pub fn headcount_ratio(&self) -> Option<f64> {
        self.share_poor()
    }

    /// Alkire–Foster A: the mean deprivation share among poor households; `None` with no poor.
    pub fn intensity(&self) -> Option<f64> {
        (self.n_poor > 0).then(|| self.sum_poor_deprivation_share / self.n_poor as f64)
    }

    /// Alkire–Foster M0 = H × A; 0 when there are households but none is poor.
    pub fn adjusted_headcount_ratio(&self) -> Option<f64> {
        let h = self.headcount_ratio()?;
        Some(h * self.intensity().unwrap_or(0.0))
    }
}

fn index(indicator: Indicator) -> usize {
    Indicator::ALL
        .iter()
        .position(|&i| i == indicator)
        .expect("every indicator is in ALL")
}

fn ratio(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}
