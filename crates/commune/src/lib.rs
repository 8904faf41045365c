//! Commune mode's pure model: chunked runs over a batch file (`run`); the commune's household list
//! by village with last year's list (`list`, `sheet` for a summary sheet's recorded results); the
//! official forms' numbers (`forms`: Mẫu 6.1, 6.2, 7.1–7.7, 7.11), laid out as the circular lays
//! them out (`layout`) and written as an `.xlsx` workbook (`xlsx`); the cross-check
//! (`crosscheck`); province targets and the comparison with them (`targets`) and the yearly
//! reduction of the poverty rate (`reduction`), with their data (`data`, from data/commune.toml);
//! the dashboard and template CSV files (`export`); and messages as translation keys or worded
//! templates (`messages`); importing the sheets officers already have (`import`: `.xlsx` and
//! `.csv` with headers that are not ours, matched by the names of data/columns.toml, `fold`). No
//! web crates, no I/O, no clock: compiled natively so the parity tests run the browser's own
//! batch path.

pub mod crosscheck;
pub mod data;
pub mod export;
pub mod fold;
pub mod forms;
pub mod import;
pub mod layout;
pub mod list;
pub mod messages;
pub mod reduction;
pub mod run;
pub mod sheet;
pub mod targets;
pub mod xlsx;

pub use run::{
    classify_file, Bytes, CommuneRun, InputFormat, OpenError, Output, RunOptions, MAX_FILE_BYTES,
    MAX_LISTED_ERRORS,
};
pub use targets::{compare, TargetRow, TargetStatus, TargetTally, TargetValues, TARGETS};

#[cfg(test)]
mod tests {
    use super::*;
    use mucsong_engine::result::Class;
    use mucsong_engine::Indicator;
    use mucsong_i18n::{Locale, COMMUNE};

    /// Every key commune mode's page and exports build from a value (`format!("commune_class_{}",
    /// …)` and the like in crates/commune-app and export.rs), for every value: a class,
    /// indicator, status, file format or target added without its texts fails here.
    #[test]
    fn every_key_built_from_values_exists() {
        let mut keys = Vec::new();
        for class in Class::ALL {
            keys.push(format!("commune_class_{}", class.key()));
        }
        for indicator in Indicator::ALL {
            keys.push(format!("commune_indicator_{}", indicator.key()));
        }
        for status in TargetStatus::ALL {
            keys.push(format!("commune_status_{}", status.key()));
        }
        for format in InputFormat::ALL {
            keys.push(format!("commune_format_{}", format.key()));
        }
        for target in &TARGETS {
            keys.push(format!("commune_target_{}", target.key));
        }
        for af in ["h", "a", "m0"] {
            for suffix in ["", "_hint", "_label"] {
                keys.push(format!("commune_af_{af}{suffix}"));
            }
        }
        for locale in Locale::ALL {
            let missing: Vec<_> = keys.iter().filter(|k| !COMMUNE.has(locale, k)).collect();
            assert!(missing.is_empty(), "{}: missing {missing:#?}", locale.tag());
        }
    }
}
