//! The classification engine: raw answers → validated household → classification → explanation.
//! Pure: no web crates, no I/O, no clock. The browser app, the batch importers and the
//! command-line tool all call `assess` (full records) or `assess_summary` (summary CSV rows).

/// The dated rule data (`mucsong_rules`), re-exported so the engine's users name one crate.
pub use mucsong_rules as rules;
/// Dates without a clock (the rule data's vocabulary, from `mucsong_rules`).
pub use mucsong_rules::date;
pub mod explanation;
pub mod household;
pub mod problem;
pub mod result;

mod assess;
mod classify;
mod indicators;
mod score_a;
mod screening;
mod summary;
#[cfg(test)]
mod testing;
mod tri;
mod validate;

pub use assess::{assess, assess_result, AssessOptions, Assessment};
pub use date::{Date, PartialDate};
pub use explanation::*;
pub use household::{Area, HouseholdRecord, Region};
pub use problem::{InvalidHousehold, Problem, ProblemCode};
pub use result::{
    Class, IncomeClass, Indicator, IndicatorStatus, IndicatorStatuses, PossibleClasses,
    ResultRecord, ScreeningOutcome, RESULT_SCHEMA,
};
pub use rules::{edition_for, rules, Edition, Reference, RuleBook, RuleStatus};
pub use summary::{assess_summary, SummaryRow};
