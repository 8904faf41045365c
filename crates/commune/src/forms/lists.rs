//! Phụ lục VI: Mẫu 6.1, the list of poor (I) and near-poor (II) households after the review, and
//! Mẫu 6.2, the list of households leaving poverty (I) and near-poverty (II); one list per village
//! (the forms' header names one thôn/bản), each row the household head as the form prints it
//! (họ và tên chủ hộ, giới tính 1 Nam / 2 Nữ, ngày tháng năm sinh, địa chỉ), numbered from 1
//! within each part.

use crate::list::{AssessedHousehold, AssessedList, Head, Previous, PreviousClass};
use mucsong_engine::Class;

/// The interpretations of data/commune.toml these lists follow.
pub const INTERPRETATIONS: &[&str] = &["leaving_near_poverty"];

/// One row of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedHousehold {
    /// STT, from 1 within its part.
    pub number: u32,
    pub id: Option<String>,
    pub head: Head,
}

/// Mẫu 6.1 for one village.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form61 {
    pub village: String,
    /// I. Hộ nghèo.
    pub poor: Vec<ListedHousehold>,
    /// II. Hộ cận nghèo.
    pub near_poor: Vec<ListedHousehold>,
    /// Not a part of the form: households whose class depends on unknown answers, to settle
    /// before the list is posted (numbered like a part).
    pub undetermined: Vec<ListedHousehold>,
}

impl Form61 {
    /// III. Tổng cộng (I + II).
    pub fn n_total(&self) -> usize {
        self.poor.len() + self.near_poor.len()
    }
}

/// Mẫu 6.2 for one village.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form62 {
    pub village: String,
    /// I. Hộ gia đình thoát nghèo: poor last year, near-poor or neither now.
    pub left_poverty: Vec<ListedHousehold>,
    /// II. Hộ gia đình thoát cận nghèo: near-poor last year, neither now (interpretation
    /// `leaving_near_poverty`: a near-poor household that became poor is on Mẫu 6.1).
    pub left_near_poverty: Vec<ListedHousehold>,
}

impl Form62 {
    /// Tổng cộng (I + II).
    pub fn n_total(&self) -> usize {
        self.left_poverty.len() + self.left_near_poverty.len()
    }
}

fn listed<'a>(rows: impl Iterator<Item = &'a AssessedHousehold>) -> Vec<ListedHousehold> {
    rows.enumerate()
        .map(|(i, h)| ListedHousehold {
            number: i as u32 + 1,
            id: h.id().map(str::to_string),
            head: h.head.clone(),
        })
        .collect()
}

fn in_village<'a>(
    list: &'a AssessedList,
    village: &'a str,
) -> impl Iterator<Item = &'a AssessedHousehold> + Clone + 'a {
    list.households.iter().filter(move |h| h.village == village)
}

/// Mẫu 6.1 for every village that has a household on this year's list.
pub fn form_6_1(list: &AssessedList) -> Vec<Form61> {
    list.villages
        .iter()
        .filter(|v| in_village(list, v).next().is_some())
        .map(|village| {
            let rows = in_village(list, village);
            Form61 {
                village: village.clone(),
                poor: listed(rows.clone().filter(|h| h.class() == Some(Class::Poor))),
                near_poor: listed(rows.clone().filter(|h| h.class() == Some(Class::NearPoor))),
                undetermined: listed(rows.filter(|h| h.class() == Some(Class::Undetermined))),
            }
        })
        .collect()
}

fn was(h: &AssessedHousehold, class: PreviousClass) -> bool {
    matches!(&h.previous, Previous::On(e) if e.class == class)
}

/// Mẫu 6.2 for every village that has a household on this year's list; `None` without last
/// year's list.
pub fn form_6_2(list: &AssessedList) -> Option<Vec<Form62>> {
    list.previous.as_ref()?;
    Some(
        list.villages
            .iter()
            .filter(|v| in_village(list, v).next().is_some())
            .map(|village| {
                let rows = in_village(list, village);
                Form62 {
                    village: village.clone(),
                    left_poverty: listed(rows.clone().filter(|h| {
                        was(h, PreviousClass::Poor)
                            && matches!(h.class(), Some(Class::NearPoor | Class::NotPoor))
                    })),
                    left_near_poverty: listed(rows.filter(|h| {
                        was(h, PreviousClass::NearPoor) && h.class() == Some(Class::NotPoor)
                    })),
                }
            })
            .collect(),
    )
}
