//! The questionnaire's pure parts, compiled on every target so they get fast native tests:
//! which questions apply, field validation, the one reader of typed numbers (`number`),
//! saved-household envelopes and their migrations, the storage trait, export and import. No web
//! crates here.

pub mod draft;
pub mod envelope;
pub mod fields;
pub mod flow;
pub mod number;
pub mod provinces;
pub mod steps;
pub mod store;
pub mod transfer;
