//! Mức Sống: a household self-assessment calculator for Vietnam's multidimensional poverty
//! standard. The engine is pure and shared; the browser app exists only on wasm32.

pub mod batch;
pub mod engine;
pub mod json;
pub mod questionnaire;

#[cfg(target_arch = "wasm32")]
pub mod app;

/// Commune mode's pure model (chunked batch runs, targets, exports). It lives beside its UI in
/// `src/app/commune/` but is compiled on every target so native tests reach the browser's path.
#[path = "app/commune/model/mod.rs"]
pub mod commune;
