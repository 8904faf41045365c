//! Mẫu 7.1, the results of the review: households and persons at the time of the review (columns
//! 1–2), poor households and their rate (3–4), near-poor households and their rate (5–6).
//! Households the engine could not classify are counted apart, never silently as "not poor".

use super::{by_area, ByArea, Ratio, Row};
use crate::list::AssessedList;
use mucsong_engine::Class;

/// One row of Mẫu 7.1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ResultRow {
    /// Column 1: households (every household of the list, assessed or not).
    pub n_households: u64,
    /// Column 2: persons (nhân khẩu) of those households whose member count is known.
    pub n_persons: u64,
    /// Column 3.
    pub n_poor: u64,
    /// Column 5.
    pub n_near_poor: u64,
    /// Households whose class depends on unknown answers (not a column: shown beside the form).
    pub n_undetermined: u64,
    /// Households the engine could not assess (invalid records).
    pub n_rejected: u64,
    /// Households whose member count is unknown (not in column 2).
    pub n_persons_unknown: u64,
}

impl ResultRow {
    /// Column 4: poor households over all households.
    pub fn poor_rate(&self) -> Ratio {
        Ratio {
            numerator: self.n_poor,
            denominator: self.n_households,
        }
    }

    /// Column 6: near-poor households over all households.
    pub fn near_poor_rate(&self) -> Ratio {
        Ratio {
            numerator: self.n_near_poor,
            denominator: self.n_households,
        }
    }
}

impl Row for ResultRow {
    fn add(&mut self, o: &Self) {
        self.n_households += o.n_households;
        self.n_persons += o.n_persons;
        self.n_poor += o.n_poor;
        self.n_near_poor += o.n_near_poor;
        self.n_undetermined += o.n_undetermined;
        self.n_rejected += o.n_rejected;
        self.n_persons_unknown += o.n_persons_unknown;
    }
}

/// Mẫu 7.1 of this year's list.
pub fn form_7_1(list: &AssessedList) -> ByArea<ResultRow> {
    by_area(
        &list.villages,
        list.households.iter().map(|h| {
            let class = h.class();
            let row = ResultRow {
                n_households: 1,
                n_persons: h.n_members.unwrap_or(0) as u64,
                n_persons_unknown: h.n_members.is_none() as u64,
                n_poor: (class == Some(Class::Poor)) as u64,
                n_near_poor: (class == Some(Class::NearPoor)) as u64,
                n_undetermined: (class == Some(Class::Undetermined)) as u64,
                n_rejected: class.is_none() as u64,
            };
            (h.village.clone(), h.area, row)
        }),
    )
}
