//! Build step: nothing yet.
fn main() {}
