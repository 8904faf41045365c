//! The yearly reduction of the poverty rate, measured on a list with last year's classes against
//! the province's targets (data/commune.toml: at least 3 percentage points a year, more than 5 in
//! poor districts). Last year's rate is poor households over the households of last year's list;
//! this year's is poor households over this year's. Households whose class is undetermined make
//! this year's rate a range, and the status says whether the target is met whatever they turn out.

use crate::data::ReductionTarget;
use crate::forms::Ratio;
use crate::list::{AssessedList, PreviousClass};
use mucsong_engine::Class;

mucsong_rules::keyed_enum!(
    /// How a list stands against a reduction target.
    pub enum ReductionStatus {
        Met => "met",
        NotMet => "not_met",
        /// Depends on households whose class is undetermined.
        Unknown => "unknown",
        /// Last year's list or this year's is empty.
        NoHouseholds => "no_households",
    }
);

/// A list measured against one reduction target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReductionMeasure {
    pub target: ReductionTarget,
    pub previous_rate: Ratio,
    /// This year's rate counting only households known to be poor.
    pub current_rate: Ratio,
    /// Households whose class is undetermined but may be poor.
    pub n_possibly_poor: u64,
    pub status: ReductionStatus,
}

impl ReductionMeasure {
    /// The reduction in percentage points (last year's rate − this year's, households known to
    /// be poor); `None` when a list is empty.
    pub fn reduction_points(&self) -> Option<f64> {
        Some(self.previous_rate.percent()? - self.current_rate.percent()?)
    }
}

/// Whether `previous − current ≥ points` (or `>` when strict), in exact integer terms:
/// 100 × (p₀ × n₁ − p₁ × n₀) against points × n₀ × n₁.
fn reaches(previous: Ratio, poor_now: u64, n_now: u64, target: &ReductionTarget) -> bool {
    let lhs = 100.0
        * (previous.numerator as f64 * n_now as f64
            - poor_now as f64 * previous.denominator as f64);
    let rhs = target.percent_points_per_year * previous.denominator as f64 * n_now as f64;
    if target.is_strict {
        lhs > rhs + 1e-9
    } else {
        lhs >= rhs - 1e-9
    }
}

/// Measures the list against `target`; `None` without last year's list.
pub fn measure(list: &AssessedList, target: &ReductionTarget) -> Option<ReductionMeasure> {
    let previous = list.previous.as_ref()?;
    let previous_rate = Ratio {
        numerator: previous
            .entries
            .iter()
            .filter(|e| e.class == PreviousClass::Poor)
            .count() as u64,
        denominator: previous.entries.len() as u64,
    };
    let n_now = list.households.len() as u64;
    let poor_now = list
        .households
        .iter()
        .filter(|h| h.class() == Some(Class::Poor))
        .count() as u64;
    let n_possibly_poor = list
        .households
        .iter()
        .filter(|h| {
            h.result.as_ref().is_ok_and(|r| {
                r.class == Class::Undetermined && r.possible_classes.contains(&Class::Poor)
            })
        })
        .count() as u64;
    let status = if previous_rate.denominator == 0 || n_now == 0 {
        ReductionStatus::NoHouseholds
    } else if reaches(previous_rate, poor_now + n_possibly_poor, n_now, target) {
        ReductionStatus::Met
    } else if !reaches(previous_rate, poor_now, n_now, target) {
        ReductionStatus::NotMet
    } else {
        ReductionStatus::Unknown
    };
    Some(ReductionMeasure {
        target: *target,
        previous_rate,
        current_rate: Ratio {
            numerator: poor_now,
            denominator: n_now,
        },
        n_possibly_poor,
        status,
    })
}
