//! Commune mode's pure model: chunked runs over a batch file (`run`), province targets and the
//! comparison with them (`targets`), the dashboard and template CSV files (`export`), and error
//! messages as translation keys (`messages`). No web crates: compiled natively so the parity tests run the browser's own batch path.

pub mod export;
pub mod messages;
pub mod run;
pub mod targets;

pub use run::{
    classify_file, Bytes, CommuneRun, InputFormat, OpenError, Output, RunOptions, MAX_FILE_BYTES,
    MAX_LISTED_ERRORS,
};
pub use targets::{compare, TargetRow, TargetStatus, TargetTally, TargetValues, TARGETS};
