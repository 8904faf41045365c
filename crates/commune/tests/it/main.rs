//! Commune mode's native integration tests (one binary): the official forms, the cross-check and
//! the reduction target on a hand-computed village (`village`).

// Native only: the property tests need a random source the browser target lacks.
#[cfg(not(target_arch = "wasm32"))]
mod laws;
#[cfg(not(target_arch = "wasm32"))]
mod readers;
mod small;
mod village;
#[cfg(not(target_arch = "wasm32"))]
mod workbench;
