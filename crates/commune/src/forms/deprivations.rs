//! Mẫu 7.4–7.7, the deprivations in basic social services of poor (7.4 counts, 7.5 shares) and
//! near-poor (7.6 counts, 7.7 shares) households: for each of the twelve indicators, in the forms'
//! order (1 employment … 12 information devices, `Indicator::TWELVE`), how many households of the
//! class are deprived, and that over the households of the class.

use super::{by_area, ByArea, Ratio, Row};
use crate::list::AssessedList;
use mucsong_engine::{Class, Indicator, IndicatorStatus};

/// One row of Mẫu 7.4/7.6 (counts) and 7.5/7.7 (`share`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeprivationRow {
    /// Households of the class ("Tổng số hộ nghèo" / "hộ cận nghèo").
    pub n_households: u64,
    /// Deprived households per indicator, in `Indicator::TWELVE` order (columns 1–12).
    pub n_deprived: [u64; 12],
    /// Households whose status on the indicator is unknown (not a column: shown beside it).
    pub n_unknown: [u64; 12],
}

impl DeprivationRow {
    /// The indicator's column (0-based) in the forms.
    fn column(indicator: Indicator) -> Option<usize> {
        Indicator::TWELVE.iter().position(|i| *i == indicator)
    }

    /// Households of the class deprived on `indicator`.
    pub fn deprived(&self, indicator: Indicator) -> u64 {
        Self::column(indicator).map_or(0, |c| self.n_deprived[c])
    }

    /// Mẫu 7.5/7.7: deprived households over the households of the class.
    pub fn share(&self, indicator: Indicator) -> Ratio {
        Ratio {
            numerator: self.deprived(indicator),
            denominator: self.n_households,
        }
    }
}

impl DeprivationRow {
    /// Mẫu 7.5/7.7's row: every indicator's share, in the forms' order.
    pub fn shares(&self) -> [Ratio; 12] {
        std::array::from_fn(|c| Ratio {
            numerator: self.n_deprived[c],
            denominator: self.n_households,
        })
    }
}

impl Row for DeprivationRow {
    fn add(&mut self, o: &Self) {
        self.n_households += o.n_households;
        for c in 0..12 {
            self.n_deprived[c] += o.n_deprived[c];
            self.n_unknown[c] += o.n_unknown[c];
        }
    }
}

/// The table for households of `class` (poor: 7.4/7.5, near-poor: 7.6/7.7).
pub fn form(list: &AssessedList, class: Class) -> ByArea<DeprivationRow> {
    by_area(
        &list.villages,
        list.households
            .iter()
            .filter(|h| h.class() == Some(class))
            .map(|h| {
                let mut row = DeprivationRow {
                    n_households: 1,
                    ..DeprivationRow::default()
                };
                for (c, indicator) in Indicator::TWELVE.iter().enumerate() {
                    match h.indicator(*indicator) {
                        IndicatorStatus::Deprived => row.n_deprived[c] = 1,
                        IndicatorStatus::Unknown => row.n_unknown[c] = 1,
                        IndicatorStatus::NotDeprived => {}
                    }
                }
                (h.village.clone(), h.area, row)
            }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The forms' columns 1–12 (notes of Mẫu 7.4–7.7) are `Indicator::TWELVE` in order.
    #[test]
    fn the_columns_are_the_forms_order() {
        let keys: Vec<_> = Indicator::TWELVE.iter().map(|i| i.key()).collect();
        assert_eq!(
            keys,
            [
                "employment",          // 1: Việc làm
                "dependants",          // 2: Người phụ thuộc trong hộ gia đình
                "nutrition",           // 3: Dinh dưỡng
                "health_insurance",    // 4: Bảo hiểm y tế
                "adult_education",     // 5: Trình độ giáo dục của người lớn
                "child_schooling",     // 6: Tình trạng đi học của trẻ em
                "housing_quality",     // 7: Chất lượng nhà ở
                "housing_area",        // 8: Diện tích nhà ở bình quân đầu người
                "water",               // 9: Nguồn nước sinh hoạt
                "sanitation",          // 10: Nhà tiêu hợp vệ sinh
                "internet",            // 11: Sử dụng dịch vụ viễn thông
                "information_devices", // 12: Phương tiện phục vụ tiếp cận thông tin
            ]
        );
    }
}
