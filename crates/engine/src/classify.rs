//! Classification from the pieces: the official method (screening, score A, score B → class,
//! standard.md §2.3) and the decree's income definition (§2.2), both over sets of possibilities so
//! unknown answers yield every class still possible.

use super::result::{Class, IncomeClass, PossibleClasses};
use super::tri::{CountRange, Tri};
use super::validate::IncomeRange;
use crate::rules::Thresholds;

/// A set of classes (bit 0 poor, 1 near-poor, 2 not poor).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct ClassSet(pub u8);

impl ClassSet {
    pub const POOR: u8 = 1;
    pub const NEAR_POOR: u8 = 2;
    pub const NOT_POOR: u8 = 4;
    pub fn add(&mut self, bits: u8) {
        self.0 |= bits;
    }
    pub fn union(self, other: ClassSet) -> ClassSet {
        ClassSet(self.0 | other.0)
    }
    /// The classes, sorted (poor < near_poor < not_poor).
    pub fn classes(self) -> PossibleClasses {
        let mut out = PossibleClasses::new();
        for (bit, class) in [
            (Self::POOR, Class::Poor),
            (Self::NEAR_POOR, Class::NearPoor),
            (Self::NOT_POOR, Class::NotPoor),
        ] {
            if self.0 & bit != 0 {
                out.push(class);
            }
        }
        out
    }
    /// The class, or `Undetermined` when several remain.
    pub fn class(self) -> Class {
        match self.0 {
            Self::POOR => Class::Poor,
            Self::NEAR_POOR => Class::NearPoor,
            Self::NOT_POOR => Class::NotPoor,
            _ => Class::Undetermined,
        }
    }
    pub fn is_determined(self) -> bool {
        self.0.count_ones() == 1
    }
}

/// The possible numbers of deprived indicators.
pub(crate) type Deprivations = CountRange;

/// Classes possible by the income definition when the income itself is unknown: any income may be
/// above the line (not poor), and below it the deprivations decide poor or near-poor.
pub(crate) fn classes_with_unknown_income(d: Deprivations, t: &Thresholds) -> ClassSet {
    let mut set = ClassSet(ClassSet::NOT_POOR);
    if d.hi as i64 >= t.poor_min_deprivations {
        set.add(ClassSet::POOR);
    }
    if (d.lo as i64) < t.poor_min_deprivations {
        set.add(ClassSet::NEAR_POOR);
    }
    set
}

/// Classes possible by the official method for a household that went on to Phiếu B, with score A
/// in [a_min, a_max] against `threshold`, and deprivations `d` (score B = points × D ≥ poor → poor).
pub(crate) fn review_classes(
    a_min: i64,
    a_max: i64,
    threshold: i64,
    d: Deprivations,
    points_per_indicator: i64,
    poor_threshold: i64,
) -> ClassSet {
    let mut set = ClassSet::default();
    if a_min <= threshold {
        if points_per_indicator * d.hi as i64 >= poor_threshold {
            set.add(ClassSet::POOR);
        }
        if points_per_indicator * (d.lo as i64) < poor_threshold {
            set.add(ClassSet::NEAR_POOR);
        }
    }
    if a_max > threshold {
        set.add(ClassSet::NOT_POOR);
    }
    set
}

/// Income classes possible for a household with `income` and deprivations `d`, in an area (0 rural,
/// 1 urban), as bits: 1 poor, 2 near-poor, 4 average living, 8 not poor.
pub(crate) fn income_classes(
    income: &IncomeRange,
    members: u32,
    area: usize,
    d: Deprivations,
    t: &Thresholds,
) -> u8 {
    let mut bits = 0u8;
    let below = income.at_most(t.income_line[area], members);
    if below != Tri::No {
        if d.hi as i64 >= t.poor_min_deprivations {
            bits |= 1;
        }
        if (d.lo as i64) < t.poor_min_deprivations {
            bits |= 2;
        }
    }
    if below != Tri::Yes {
        match t.average_living {
            Some(limits) => {
                let in_band = income.at_most(limits[area], members);
                if in_band != Tri::No {
                    bits |= 4;
                }
                if in_band != Tri::Yes {
                    bits |= 8;
                }
            }
            None => bits |= 8,
        }
    }
    bits
}

/// The income class of a set of income-class bits.
pub(crate) fn income_class_of(bits: u8) -> IncomeClass {
    match bits {
        1 => IncomeClass::Poor,
        2 => IncomeClass::NearPoor,
        4 => IncomeClass::AverageLiving,
        8 => IncomeClass::NotPoor,
        _ => IncomeClass::Undetermined,
    }
}

/// The classes (official vocabulary) of income-class bits: average living is not poor.
pub(crate) fn class_set_of_income(bits: u8) -> ClassSet {
    let mut set = ClassSet::default();
    if bits & 1 != 0 {
        set.add(ClassSet::POOR);
    }
    if bits & 2 != 0 {
        set.add(ClassSet::NEAR_POOR);
    }
    if bits & 12 != 0 {
        set.add(ClassSet::NOT_POOR);
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(lo: u32, hi: u32) -> Deprivations {
        CountRange { lo, hi }
    }

    #[test]
    fn score_boundaries_140_and_3_deprivations() {
        assert_eq!(
            review_classes(140, 140, 140, d(3, 3), 10, 30).classes(),
            [Class::Poor]
        );
        assert_eq!(
            review_classes(140, 140, 140, d(2, 2), 10, 30).classes(),
            [Class::NearPoor]
        );
        assert_eq!(
            review_classes(141, 141, 140, d(5, 5), 10, 30).classes(),
            [Class::NotPoor]
        );
        assert_eq!(
            review_classes(130, 150, 140, d(2, 3), 10, 30).classes(),
            [Class::Poor, Class::NearPoor, Class::NotPoor]
        );
        assert_eq!(
            review_classes(130, 150, 140, d(2, 3), 10, 30).class(),
            Class::Undetermined
        );
    }

    #[test]
    fn income_classes_compare_totals_without_division() {
        let t = crate::rules::edition_for(crate::Date::new(2026, 1, 1).unwrap())
            .unwrap()
            .thresholds_on(crate::Date::new(2026, 1, 1).unwrap());
        let income = |total: i64| IncomeRange {
            min_12m: Some(total),
            max_12m: Some(total),
            source: "sources_12m",
        };
        // 2 members, rural line 1,500,000: 36,000,000 a year is exactly on the line.
        assert_eq!(income_classes(&income(36_000_000), 2, 0, d(3, 3), t), 1);
        assert_eq!(income_classes(&income(36_000_000), 2, 0, d(2, 2), t), 2);
        assert_eq!(income_classes(&income(36_000_001), 2, 0, d(9, 9), t), 4);
        assert_eq!(income_classes(&income(54_000_000), 2, 0, d(0, 0), t), 4);
        assert_eq!(income_classes(&income(54_000_001), 2, 0, d(0, 0), t), 8);
        assert_eq!(
            income_class_of(income_classes(&income(36_000_000), 2, 0, d(2, 3), t)),
            IncomeClass::Undetermined
        );
    }
}
