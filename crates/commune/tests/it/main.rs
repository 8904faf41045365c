//! Commune mode's native integration tests (one binary): the official forms, the cross-check and
//! the reduction target on a hand-computed village (`village`).

mod readers;
mod small;
mod village;
