//! Mẫu 7.2 and 7.3, the year's changes in poor and near-poor households, from last year's list
//! and this year's classes. Columns (`ChangeRow::households[c - 1]` is column c):
//!
//! | col | Mẫu 7.2 (poor)                                  | Mẫu 7.3 (near-poor)                           |
//! |-----|-------------------------------------------------|-----------------------------------------------|
//! | 1   | poor at the start of the year (last year's list) | near-poor at the start of the year            |
//! | 2   | left poverty, now near-poor                      | left near-poverty (now neither)               |
//! | 3   | left poverty, above the near-poor line           | near-poor who became poor                     |
//! | 4   | decrease: members changed, died, moved, merged   | decrease: the same                            |
//! | 5   | near-poor who became poor                        | poor who became near-poor                     |
//! | 6   | outside the lists: re-poor                       | outside the lists: re-near-poor               |
//! | 7   | outside the lists: newly poor                    | outside the lists: newly near-poor            |
//! | 8   | increase: members changed, moved in, split       | increase: the same                            |
//! | 9   | poor at the end of the year                      | near-poor at the end of the year              |
//!
//! Households on last year's list but not this year's are column 4; households on this year's
//! but not last year's are column 8. Re- versus newly poor follows interpretation
//! `changes_earlier_lists`; the persons row follows `changes_persons` (data/commune.toml).
//! What cannot be placed is counted apart, so `households[8]` = col 1 − 2 − 3 − 4 + 5 + 6 + 7 + 8
//! + `n_previous_unknown` − `n_now_unclassified` always holds.

use super::{by_area, ByArea, Row};
use crate::list::{AssessedList, Previous, PreviousClass};
use mucsong_engine::{Area, Class};

/// The interpretations of data/commune.toml these forms follow.
pub const INTERPRETATIONS: &[&str] = &["changes_persons", "changes_earlier_lists"];

/// One row (Hộ and Nhân khẩu) of Mẫu 7.2 or 7.3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangeRow {
    /// Households, columns 1–9.
    pub households: [u64; 9],
    /// Persons, columns 1–9; `None` when a member count it needs (last year's or this year's)
    /// is unknown.
    pub persons: Option<[u64; 9]>,
    /// Households in the class this year whose previous class is unknown (no id, or no list).
    pub n_previous_unknown: u64,
    /// Households in the class last year that cannot be classified this year (undetermined or
    /// invalid): neither stayed nor left.
    pub n_now_unclassified: u64,
}

/// The empty row: no households, no persons (known: zero).
impl Default for ChangeRow {
    fn default() -> Self {
        ChangeRow {
            households: [0; 9],
            persons: Some([0; 9]),
            n_previous_unknown: 0,
            n_now_unclassified: 0,
        }
    }
}

impl Row for ChangeRow {
    fn add(&mut self, o: &Self) {
        for c in 0..9 {
            self.households[c] += o.households[c];
        }
        self.persons = match (self.persons, o.persons) {
            (Some(mut a), Some(b)) => {
                for c in 0..9 {
                    a[c] += b[c];
                }
                Some(a)
            }
            _ => None,
        };
        self.n_previous_unknown += o.n_previous_unknown;
        self.n_now_unclassified += o.n_now_unclassified;
    }
}

/// Which class a form follows, and how the other classes map onto its columns.
#[derive(Clone, Copy)]
struct Tracked {
    class: Class,
    previous: PreviousClass,
    /// (now, column) for households of the tracked class last year that left it.
    leaving: [(Class, usize); 2],
    /// The previous class whose households joining make column 5.
    joining_from: PreviousClass,
}

const POOR: Tracked = Tracked {
    class: Class::Poor,
    previous: PreviousClass::Poor,
    leaving: [(Class::NearPoor, 2), (Class::NotPoor, 3)],
    joining_from: PreviousClass::NearPoor,
};

const NEAR_POOR: Tracked = Tracked {
    class: Class::NearPoor,
    previous: PreviousClass::NearPoor,
    leaving: [(Class::NotPoor, 2), (Class::Poor, 3)],
    joining_from: PreviousClass::Poor,
};

/// A row with one household in `column`s: `(column, persons)`; persons `None` = unknown.
fn row(entries: &[(usize, Option<u32>)]) -> ChangeRow {
    let mut r = ChangeRow::default();
    for &(column, persons) in entries {
        r.households[column - 1] += 1;
        r.persons = match (r.persons, persons) {
            (Some(mut p), Some(n)) => {
                p[column - 1] += n as u64;
                Some(p)
            }
            _ => None,
        };
    }
    r
}

fn form(list: &AssessedList, t: Tracked) -> Option<ByArea<ChangeRow>> {
    list.previous.as_ref()?;
    let mut items: Vec<(String, Option<Area>, ChangeRow)> = Vec::new();
    for h in &list.households {
        let now = h.class();
        let is_now = now == Some(t.class);
        let current = h.n_members;
        let r = match &h.previous {
            Previous::On(e) if e.class == t.previous => {
                let before = e.members;
                match now {
                    Some(c) if c == t.class => {
                        // Stayed: a change of size goes to column 4 or 8 (`changes_persons`).
                        let mut r = row(&[(1, before), (9, current)]);
                        if let (Some(p), Some(b), Some(c)) = (r.persons.as_mut(), before, current) {
                            if c < b {
                                p[3] += (b - c) as u64;
                            } else {
                                p[7] += (c - b) as u64;
                            }
                        }
                        r
                    }
                    Some(c) if c == t.leaving[0].0 => row(&[(1, before), (t.leaving[0].1, before)]),
                    Some(c) if c == t.leaving[1].0 => row(&[(1, before), (t.leaving[1].1, before)]),
                    _ => ChangeRow {
                        n_now_unclassified: 1,
                        ..row(&[(1, before)])
                    },
                }
            }
            _ if !is_now => continue,
            Previous::On(e) if e.class == t.joining_from => row(&[(5, current), (9, current)]),
            Previous::On(e) => {
                // Neither poor nor near-poor last year: outside the lists.
                let column = if e.earlier == Some(t.previous) { 6 } else { 7 };
                row(&[(column, current), (9, current)])
            }
            Previous::Absent => row(&[(8, current), (9, current)]),
            Previous::Unknown => ChangeRow {
                n_previous_unknown: 1,
                ..row(&[(9, current)])
            },
        };
        items.push((h.village.clone(), h.area, r));
    }
    for e in list.departed.iter().filter(|e| e.class == t.previous) {
        items.push((
            e.village.clone(),
            e.area,
            row(&[(1, e.members), (4, e.members)]),
        ));
    }
    Some(by_area(&list.villages, items))
}

/// Mẫu 7.2: poor households.
pub fn form_7_2(list: &AssessedList) -> Option<ByArea<ChangeRow>> {
    form(list, POOR)
}

/// Mẫu 7.3: near-poor households.
pub fn form_7_3(list: &AssessedList) -> Option<ByArea<ChangeRow>> {
    form(list, NEAR_POOR)
}
