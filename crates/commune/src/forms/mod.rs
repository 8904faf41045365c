//! The official forms' numbers (Thông tư 07/2021/TT-BLĐTBXH as amended by Thông tư 02/2022),
//! laid out as the circular lays them out, from an assessed list (`crate::list::AssessedList`):
//! Phụ lục VI — Mẫu 6.1 (poor and near-poor households, `lists`), Mẫu 6.2 (households leaving
//! poverty and near-poverty, `lists`); Phụ lục VII — Mẫu 7.1 (results, `results`), 7.2/7.3
//! (changes in the year, `changes`), 7.4–7.7 (deprivations of poor and near-poor households,
//! `deprivations`), 7.11 (deprivations of children, `children`).
//!
//! Phụ lục VII's rows are areas (I urban, II rural, III total) and, inside each, the units below
//! the reporting level ("Huyện A, Huyện B…"). At a commune the units are its villages, so every
//! table is `ByArea<Section<Row>>`: a total row and one row per village, in the list's order.
//! Numbers only: no prose, no rounding (rates are `Ratio`s; the page rounds when it prints).

pub mod changes;
pub mod children;
pub mod deprivations;
pub mod lists;
pub mod results;

use crate::list::AssessedList;
use mucsong_engine::Area;

/// A rate as the forms print it ("Tỷ lệ"): a count over a count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ratio {
    pub numerator: u64,
    pub denominator: u64,
}

impl Ratio {
    /// The rate in percent; `None` when the denominator is 0.
    pub fn percent(self) -> Option<f64> {
        (self.denominator > 0).then(|| self.numerator as f64 * 100.0 / self.denominator as f64)
    }
}

/// One block of rows: its total and one row per village (the forms' "Huyện A, Huyện B…").
#[derive(Debug, Clone, PartialEq)]
pub struct Section<T> {
    pub total: T,
    /// `(village, row)`, in the order the villages first appear in the list; villages with no
    /// household in the block are left out.
    pub villages: Vec<(String, T)>,
}

/// A table by area: I urban, II rural, III total (I + II). A household whose area is unknown is
/// counted in the total only, so the total may exceed I + II by exactly those households.
#[derive(Debug, Clone, PartialEq)]
pub struct ByArea<T> {
    pub urban: Section<T>,
    pub rural: Section<T>,
    pub total: Section<T>,
}

/// Rows that add up.
pub trait Row: Default + Clone {
    fn add(&mut self, other: &Self);
}

/// Builds a table from `(village, area, contribution)` triples: each is added to its village's row
/// and to the total, in its area's block and in the total block.
pub(crate) fn by_area<T: Row>(
    villages: &[String],
    items: impl IntoIterator<Item = (String, Option<Area>, T)>,
) -> ByArea<T> {
    let mut blocks: [Vec<Option<T>>; 3] = std::array::from_fn(|_| vec![None; villages.len()]);
    let mut totals: [T; 3] = std::array::from_fn(|_| T::default());
    for (village, area, row) in items {
        let v = villages
            .iter()
            .position(|known| *known == village)
            .expect("every village is listed");
        let mut targets = vec![2];
        match area {
            Some(Area::Urban) => targets.push(0),
            Some(Area::Rural) => targets.push(1),
            None => {}
        }
        for b in targets {
            blocks[b][v].get_or_insert_with(T::default).add(&row);
            totals[b].add(&row);
        }
    }
    let [urban, rural, total] = blocks;
    let [t_urban, t_rural, t_total] = totals;
    let section = |rows: Vec<Option<T>>, total: T| Section {
        total,
        villages: villages
            .iter()
            .zip(rows)
            .filter_map(|(v, r)| r.map(|r| (v.clone(), r)))
            .collect(),
    };
    ByArea {
        urban: section(urban, t_urban),
        rural: section(rural, t_rural),
        total: section(total, t_total),
    }
}

/// The official forms of one assessed list.
pub struct Forms<'a> {
    list: &'a AssessedList,
}

impl<'a> Forms<'a> {
    pub fn new(list: &'a AssessedList) -> Forms<'a> {
        Forms { list }
    }

    /// Mẫu 6.1, one list per village.
    pub fn form_6_1(&self) -> Vec<lists::Form61> {
        lists::form_6_1(self.list)
    }

    /// Mẫu 6.2, one list per village; `None` without last year's list.
    pub fn form_6_2(&self) -> Option<Vec<lists::Form62>> {
        lists::form_6_2(self.list)
    }

    /// Mẫu 7.1.
    pub fn form_7_1(&self) -> ByArea<results::ResultRow> {
        results::form_7_1(self.list)
    }

    /// Mẫu 7.2 (poor households); `None` without last year's list.
    pub fn form_7_2(&self) -> Option<ByArea<changes::ChangeRow>> {
        changes::form_7_2(self.list)
    }

    /// Mẫu 7.3 (near-poor households); `None` without last year's list.
    pub fn form_7_3(&self) -> Option<ByArea<changes::ChangeRow>> {
        changes::form_7_3(self.list)
    }

    /// Mẫu 7.4 (counts) and 7.5 (the same rows' shares, `DeprivationRow::share`): poor households.
    pub fn form_7_4(&self) -> ByArea<deprivations::DeprivationRow> {
        deprivations::form(self.list, mucsong_engine::Class::Poor)
    }

    /// Mẫu 7.6 (counts) and 7.7 (shares): near-poor households.
    pub fn form_7_6(&self) -> ByArea<deprivations::DeprivationRow> {
        deprivations::form(self.list, mucsong_engine::Class::NearPoor)
    }

    /// Mẫu 7.11, by village.
    pub fn form_7_11(&self) -> Section<children::ChildRow> {
        children::form_7_11(self.list)
    }
}
