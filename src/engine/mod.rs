//! The classification engine: raw answers → validated household → classification → explanation.
//! Pure: no web crates, no I/O, no clock. The browser app, the batch importers and the
//! command-line tool all call `assess` (full records) or `assess_summary` (summary CSV rows).

pub mod date;
pub mod household;
pub mod result;

pub use date::{Date, PartialDate};
pub use household::HouseholdRecord;
pub use result::{Class, IncomeClass, Indicator, IndicatorStatus, ResultRecord, ScreeningOutcome};
