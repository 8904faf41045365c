//! Mẫu 7.11, the deprivations of children (under 16) of poor (columns 1–4) and near-poor
//! (columns 5–8) households: how many children, and how many are malnourished (stunted or
//! underweight), aged 6 to under 16 without health insurance, or aged 3 to under 16 not at the
//! school level of their age. Per the form's notes (its header orders columns 2 and 3 the other
//! way; the notes define them, so the fields are named by meaning, not by number).
//!
//! Only full household records have members: summary rows of the class are counted apart.

use super::Section;
use crate::list::{AssessedList, ChildCounts};
use mucsong_engine::Class;

/// One row of Mẫu 7.11.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ChildRow {
    pub poor: ChildCounts,
    pub near_poor: ChildCounts,
    /// Poor and near-poor households without member answers (summary rows).
    pub n_households_without_members: u64,
}

impl super::Row for ChildRow {
    fn add(&mut self, o: &Self) {
        self.poor.add(&o.poor);
        self.near_poor.add(&o.near_poor);
        self.n_households_without_members += o.n_households_without_members;
    }
}

/// Mẫu 7.11 by village (the form has no area blocks).
pub fn form_7_11(list: &AssessedList) -> Section<ChildRow> {
    let table = super::by_area(
        &list.villages,
        list.households.iter().filter_map(|h| {
            let class = h.class()?;
            let mut row = ChildRow::default();
            let counts = match class {
                Class::Poor => &mut row.poor,
                Class::NearPoor => &mut row.near_poor,
                _ => return None,
            };
            match &h.children {
                Some(c) => *counts = *c,
                None => row.n_households_without_members = 1,
            }
            Some((h.village.clone(), None, row))
        }),
    );
    table.total
}
