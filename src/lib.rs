//! Mức Sống: a household self-assessment calculator for Vietnam's multidimensional poverty
//! standard. The engine is pure and shared; the browser app exists only on wasm32.

pub mod batch;
pub mod engine;
pub mod questionnaire;

#[cfg(target_arch = "wasm32")]
pub mod app;
