//! The saved-households section: several households on one device (volunteers help several
//! families), with rename, duplicate, delete, export and import.

pub mod saved_section;

pub use saved_section::SavedSection;
