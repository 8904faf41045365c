//! A commune's household list as the review team holds it: each household's answers (a full
//! household record, or a summary row whose score A and indicators were recorded elsewhere), its
//! village (thôn/bản), its head as the forms print them, what an imported sheet recorded (scores,
//! class), and last year's approved list matched by household id. `CommuneList::assess` runs the
//! engine on every household once; the forms (`crate::forms`), the cross-check
//! (`crate::crosscheck`) and the reduction target (`crate::reduction`) all read the result.
//!
//! The household format (`mucsong/household@1`) has no village, head or previous class: they are
//! carried here, beside the record, so the format and the household app stay as they are.
//!
//! Household ids are expected to be unique: `crosscheck` flags a repeated one, and until it is
//! resolved, a previous-list entry it matches counts for each household that carries it.

use mucsong_engine::household::Sex;
use mucsong_engine::rules::Thresholds;
use mucsong_engine::{
    assess, assess_summary, edition_for, Area, AssessOptions, Class, Date, HouseholdRecord,
    Indicator, IndicatorStatus, InvalidHousehold, PartialDate, ResultRecord, SummaryRow,
};
use serde::Deserialize;
use std::collections::BTreeMap;

/// A household's answers, as they came in.
#[derive(Debug, Clone)]
pub enum Answers {
    /// A full household record (questionnaire, JSON, JSON Lines).
    Record(Box<HouseholdRecord>),
    /// A summary row: score A and the twelve indicators as an officer recorded them.
    Summary(SummaryRow),
}

impl Answers {
    /// The household id, if it has one.
    pub fn id(&self) -> Option<&str> {
        match self {
            Answers::Record(r) => r.id.as_deref(),
            Answers::Summary(s) => s.id.as_deref(),
        }
    }

    /// Urban or rural, if answered.
    pub fn area(&self) -> Option<Area> {
        match self {
            Answers::Record(r) => r.area,
            Answers::Summary(s) => s.area,
        }
    }

    /// The number of members (the list's length for a record), if known.
    pub fn n_members(&self) -> Option<u32> {
        match self {
            Answers::Record(r) => r.members.as_ref().map(|m| m.len() as u32),
            Answers::Summary(s) => s.members,
        }
    }
}

/// The household head as Mẫu 6.1 and 6.2 print them (B1's header: họ và tên chủ hộ, giới tính,
/// ngày sinh, địa chỉ). Every field optional, like every answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Head {
    pub name: Option<String>,
    pub sex: Option<Sex>,
    /// As written: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub birth_date: Option<String>,
    pub address: Option<String>,
}

impl Head {
    /// The forms' sex code: 1 male (Nam), 2 female (Nữ).
    pub fn sex_code(&self) -> Option<u8> {
        self.sex.map(|s| match s {
            Sex::Male => 1,
            Sex::Female => 2,
        })
    }
}

/// What an imported sheet recorded for a household, to be checked against its answers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Recorded {
    /// Score A as recorded (for a summary row it is the row's own `score_a`).
    pub score_a: Option<i64>,
    pub score_b: Option<i64>,
    pub class: Option<Class>,
}

/// One household of the list.
#[derive(Debug, Clone)]
pub struct ListHousehold {
    /// The village (thôn, bản, ấp, tổ dân phố) as the commune names it.
    pub village: String,
    pub head: Head,
    pub answers: Answers,
    pub recorded: Recorded,
}

mucsong_rules::keyed_enum!(
    /// A household's class on last year's approved list.
    pub enum PreviousClass {
        Poor => "poor",
        NearPoor => "near_poor",
        /// On the list of households, neither poor nor near-poor.
        NotPoor => "not_poor",
    }
);

/// One household of last year's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviousEntry {
    pub id: String,
    pub village: String,
    pub area: Option<Area>,
    pub class: PreviousClass,
    /// Members last year (the persons rows of Mẫu 7.2/7.3 need them).
    pub members: Option<u32>,
    /// The poorest list the household was on in an earlier year, if any (re-poverty, Mẫu 7.2/7.3
    /// column 6; interpretation `changes_earlier_lists`).
    pub earlier: Option<PreviousClass>,
}

/// Last year's approved list: every household of the commune then, with its class.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PreviousList {
    pub entries: Vec<PreviousEntry>,
}

/// Why a list sheet (last year's list, the details sheet) cannot be read: the line (from 1, the
/// header is line 1), the column, what was expected and what was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetError {
    pub line: u64,
    pub column: &'static str,
    pub expected: &'static str,
    pub found: String,
}

#[derive(Deserialize)]
struct PreviousRow {
    id: String,
    village: String,
    area: Option<String>,
    class: String,
    members: Option<String>,
    earlier: Option<String>,
}

impl PreviousList {
    /// Reads last year's list as CSV with the header `id,village,area,class,members,earlier`
    /// (`area` rural/urban, `class` and `earlier` poor/near_poor/not_poor; `area`, `members` and
    /// `earlier` may be empty).
    pub fn from_csv(text: &str) -> Result<PreviousList, SheetError> {
        let mut reader = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let mut entries = Vec::new();
        for (i, row) in reader.deserialize::<PreviousRow>().enumerate() {
            let line = i as u64 + 2;
            let error = |column, expected, found: &str| SheetError {
                line,
                column,
                expected,
                found: found.to_string(),
            };
            let row = row.map_err(|e| {
                error(
                    "-",
                    "a row of id,village,area,class,members,earlier",
                    &e.to_string(),
                )
            })?;
            let empty = |t: &Option<String>| {
                t.as_deref()
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_string)
            };
            let class = PreviousClass::from_key(&row.class)
                .ok_or_else(|| error("class", "poor, near_poor or not_poor", &row.class))?;
            let area = match empty(&row.area) {
                None => None,
                Some(a) => {
                    Some(Area::from_key(&a).ok_or_else(|| error("area", "rural or urban", &a))?)
                }
            };
            let members = match empty(&row.members) {
                None => None,
                Some(m) => Some(
                    m.parse::<u32>()
                        .ok()
                        .filter(|n| *n >= 1)
                        .ok_or_else(|| error("members", "a whole number ≥ 1", &m))?,
                ),
            };
            let earlier = match empty(&row.earlier) {
                None => None,
                Some(e) => Some(
                    PreviousClass::from_key(&e)
                        .ok_or_else(|| error("earlier", "poor, near_poor or not_poor", &e))?,
                ),
            };
            if row.id.is_empty() {
                return Err(error("id", "a household id", ""));
            }
            entries.push(PreviousEntry {
                id: row.id,
                village: row.village,
                area,
                class,
                members,
                earlier,
            });
        }
        Ok(PreviousList { entries })
    }
}

/// What a commune's sheet says about each household beyond its answers: its village, its head
/// and the scores and class it recorded. Read from CSV with the header
/// `id,village,head_name,head_sex,head_birth_date,address,recorded_score_a,recorded_score_b,recorded_class`
/// (`head_sex` male/female, `recorded_class` poor/near_poor/not_poor; every column but `id` and
/// `village` may be empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HouseholdDetails {
    pub id: String,
    pub village: String,
    pub head: Head,
    pub recorded: Recorded,
}

#[derive(Deserialize)]
struct DetailsRow {
    id: String,
    village: String,
    head_name: Option<String>,
    head_sex: Option<String>,
    head_birth_date: Option<String>,
    address: Option<String>,
    recorded_score_a: Option<String>,
    recorded_score_b: Option<String>,
    recorded_class: Option<String>,
}

fn non_empty(text: &Option<String>) -> Option<String> {
    text.as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

impl HouseholdDetails {
    /// Reads the details sheet (see the type); errors name the line and column.
    pub fn from_csv(text: &str) -> Result<Vec<HouseholdDetails>, SheetError> {
        let mut reader = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let mut details = Vec::new();
        for (i, row) in reader.deserialize::<DetailsRow>().enumerate() {
            let line = i as u64 + 2;
            let error = |column, expected, found: &str| SheetError {
                line,
                column,
                expected,
                found: found.to_string(),
            };
            let row = row.map_err(|e| error("-", "a row of the details header", &e.to_string()))?;
            if row.id.is_empty() {
                return Err(error("id", "a household id", ""));
            }
            let score = |column, text: &Option<String>| match non_empty(text) {
                None => Ok(None),
                Some(t) => t
                    .parse::<i64>()
                    .ok()
                    .filter(|n| *n >= 0)
                    .map(Some)
                    .ok_or_else(|| error(column, "a whole number of points ≥ 0", &t)),
            };
            let sex = match non_empty(&row.head_sex) {
                None => None,
                Some(t) => {
                    Some(Sex::from_key(&t).ok_or_else(|| error("head_sex", "male or female", &t))?)
                }
            };
            let class = match non_empty(&row.recorded_class) {
                None => None,
                Some(t) => Some(
                    Class::from_key(&t)
                        .filter(|c| *c != Class::Undetermined)
                        .ok_or_else(|| {
                            error("recorded_class", "poor, near_poor or not_poor", &t)
                        })?,
                ),
            };
            details.push(HouseholdDetails {
                id: row.id,
                village: row.village,
                head: Head {
                    name: non_empty(&row.head_name),
                    sex,
                    birth_date: non_empty(&row.head_birth_date),
                    address: non_empty(&row.address),
                },
                recorded: Recorded {
                    score_a: score("recorded_score_a", &row.recorded_score_a)?,
                    score_b: score("recorded_score_b", &row.recorded_score_b)?,
                    class,
                },
            });
        }
        Ok(details)
    }
}

/// Where a household of this year's list stood last year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Previous {
    /// No previous list was given, or the household has no id to match it by.
    Unknown,
    /// Not on last year's list: moved in, split from or merged into another household.
    Absent,
    /// On last year's list.
    On(PreviousEntry),
}

/// The children of a household and their deprivations, as Mẫu 7.11 counts them: members under
/// the children's age of the dependants indicator (16) on the assessment date.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ChildCounts {
    pub n_children: u64,
    /// Stunted or underweight (nutrition indicator).
    pub n_malnourished: u64,
    /// Aged 6 to under 16 without health insurance (health-insurance indicator).
    pub n_without_health_insurance: u64,
    /// Aged 3 to under 16 not at the school level of their age (child-schooling indicator).
    pub n_not_in_school: u64,
    /// Members whose birth date leaves open whether they are children (not counted above).
    pub n_age_unknown: u64,
}

impl ChildCounts {
    pub fn add(&mut self, other: &ChildCounts) {
        self.n_children += other.n_children;
        self.n_malnourished += other.n_malnourished;
        self.n_without_health_insurance += other.n_without_health_insurance;
        self.n_not_in_school += other.n_not_in_school;
        self.n_age_unknown += other.n_age_unknown;
    }
}

/// One household, assessed.
#[derive(Debug, Clone)]
pub struct AssessedHousehold {
    /// The household's place in the list (from 0).
    pub index: usize,
    pub village: String,
    pub head: Head,
    pub area: Option<Area>,
    pub n_members: Option<u32>,
    pub recorded: Recorded,
    pub previous: Previous,
    /// The engine's result, or why the household could not be assessed.
    pub result: Result<ResultRecord, InvalidHousehold>,
    /// Children and their deprivations (full records only).
    pub children: Option<ChildCounts>,
}

impl AssessedHousehold {
    pub fn id(&self) -> Option<&str> {
        self.result.as_ref().ok().and_then(|r| r.id.as_deref())
    }

    /// The class this year; `None` when the household could not be assessed.
    pub fn class(&self) -> Option<Class> {
        self.result.as_ref().ok().map(|r| r.class)
    }

    /// The status of one indicator (unknown when not assessed).
    pub fn indicator(&self, indicator: Indicator) -> IndicatorStatus {
        self.result
            .as_ref()
            .ok()
            .and_then(|r| r.indicators.get(&indicator).copied())
            .unwrap_or(IndicatorStatus::Unknown)
    }
}

/// A commune's list: this year's households and, when known, last year's list.
#[derive(Debug, Clone, Default)]
pub struct CommuneList {
    pub households: Vec<ListHousehold>,
    pub previous: Option<PreviousList>,
}

/// The list after the engine has run on every household.
#[derive(Debug, Clone)]
pub struct AssessedList {
    pub households: Vec<AssessedHousehold>,
    /// Households of last year's list that are not on this year's (died, moved away, merged).
    pub departed: Vec<PreviousEntry>,
    /// Last year's list, when one was given.
    pub previous: Option<PreviousList>,
    /// The villages in the order they first appear (this year's list, then last year's).
    pub villages: Vec<String>,
}

impl CommuneList {
    /// Joins answers (with what their own file recorded, e.g. a summary sheet's result columns)
    /// to their details by household id: the village and head come from the details, and so do
    /// recorded values the answers' file did not have. A household without details keeps an
    /// empty village name and no head (nothing is guessed).
    pub fn from_parts(
        answers: Vec<(Answers, Recorded)>,
        details: &[HouseholdDetails],
        previous: Option<PreviousList>,
    ) -> CommuneList {
        let by_id: BTreeMap<&str, &HouseholdDetails> =
            details.iter().map(|d| (d.id.as_str(), d)).collect();
        let households = answers
            .into_iter()
            .map(|(answers, recorded)| {
                let d = answers.id().and_then(|id| by_id.get(id).copied());
                let from_details = d.map(|d| d.recorded).unwrap_or_default();
                ListHousehold {
                    village: d.map(|d| d.village.clone()).unwrap_or_default(),
                    head: d.map(|d| d.head.clone()).unwrap_or_default(),
                    recorded: Recorded {
                        score_a: recorded.score_a.or(from_details.score_a),
                        score_b: recorded.score_b.or(from_details.score_b),
                        class: recorded.class.or(from_details.class),
                    },
                    answers,
                }
            })
            .collect();
        CommuneList {
            households,
            previous,
        }
    }

    /// Assesses every household: full records with `options` (their own `assessed_on` unless
    /// overridden), summary rows on `summary_date` (they carry no date).
    pub fn assess(&self, options: &AssessOptions, summary_date: Date) -> AssessedList {
        let mut assessing = self.assessing(options, summary_date);
        while !assessing.step(usize::MAX) {}
        assessing.finish()
    }

    /// The same assessment a few households at a time (`Assessing::step`), so a page can yield
    /// between steps and stay responsive on a large list.
    pub fn assessing(&self, options: &AssessOptions, summary_date: Date) -> Assessing<'_> {
        Assessing {
            list: self,
            options: options.clone(),
            summary_date,
            previous_by_id: self
                .previous
                .as_ref()
                .map(|p| p.entries.iter().map(|e| (e.id.as_str(), e)).collect()),
            villages: Vec::new(),
            households: Vec::with_capacity(self.households.len()),
        }
    }
}

/// An assessment of a list in progress (`CommuneList::assessing`).
pub struct Assessing<'a> {
    list: &'a CommuneList,
    options: AssessOptions,
    summary_date: Date,
    previous_by_id: Option<BTreeMap<&'a str, &'a PreviousEntry>>,
    villages: Vec<String>,
    households: Vec<AssessedHousehold>,
}

fn note_village(villages: &mut Vec<String>, v: &str) {
    if !villages.iter().any(|known| known == v) {
        villages.push(v.to_string());
    }
}

impl Assessing<'_> {
    /// Assesses up to `max` more households; true when every household is assessed.
    pub fn step(&mut self, max: usize) -> bool {
        let start = self.households.len();
        for (index, h) in self
            .list
            .households
            .iter()
            .enumerate()
            .skip(start)
            .take(max)
        {
            note_village(&mut self.villages, &h.village);
            let previous = match (&self.previous_by_id, h.answers.id()) {
                (Some(by_id), Some(id)) => match by_id.get(id) {
                    Some(entry) => Previous::On((*entry).clone()),
                    None => Previous::Absent,
                },
                _ => Previous::Unknown,
            };
            let (result, children) = match &h.answers {
                Answers::Record(record) => match assess(record, &self.options) {
                    Ok(a) => {
                        let children = child_counts(record, &a.result, &a.explanation);
                        (Ok(a.result), children)
                    }
                    Err(e) => (Err(e), None),
                },
                Answers::Summary(row) => (assess_summary(row, self.summary_date), None),
            };
            let mut recorded = h.recorded;
            if let Answers::Summary(row) = &h.answers {
                recorded.score_a = recorded.score_a.or(row.score_a);
            }
            self.households.push(AssessedHousehold {
                index,
                village: h.village.clone(),
                head: h.head.clone(),
                area: h.answers.area(),
                n_members: h.answers.n_members(),
                recorded,
                previous,
                result,
                children,
            });
        }
        self.households.len() >= self.list.households.len()
    }

    /// Households assessed, and in the list.
    pub fn progress(&self) -> (usize, usize) {
        (self.households.len(), self.list.households.len())
    }

    /// The assessed list (call when `step` has returned true; households not yet assessed are
    /// left out).
    pub fn finish(self) -> AssessedList {
        let Assessing {
            list,
            mut villages,
            households,
            ..
        } = self;
        let current_ids: std::collections::BTreeSet<&str> = list
            .households
            .iter()
            .filter_map(|h| h.answers.id())
            .collect();
        let departed: Vec<PreviousEntry> = list
            .previous
            .iter()
            .flat_map(|p| &p.entries)
            .filter(|e| !current_ids.contains(e.id.as_str()))
            .cloned()
            .collect();
        for e in &departed {
            note_village(&mut villages, &e.village);
        }
        AssessedList {
            households,
            departed,
            previous: list.previous.clone(),
            villages,
        }
    }
}

/// Whether a member is a child (under `under` years) on `on`: `None` when the birth date is
/// missing or partial and straddles the birthday.
fn is_child(birth_date: Option<&str>, on: Date, under: i32) -> Option<bool> {
    let birth = PartialDate::parse(birth_date?).ok()?;
    // The latest birth gives the youngest age, the earliest the oldest.
    let youngest = birth.latest().age_years_on(on);
    let oldest = birth.earliest().age_years_on(on);
    if oldest < under {
        Some(true)
    } else if youngest >= under {
        Some(false)
    } else {
        None
    }
}

fn thresholds_on(on: Date) -> Option<&'static Thresholds> {
    edition_for(on).map(|e| e.thresholds_on(on))
}

/// Mẫu 7.11's counts for one household, from the engine's member reasons: a child is deprived on
/// an indicator when the engine names that member as making it deprived.
fn child_counts(
    record: &HouseholdRecord,
    result: &ResultRecord,
    explanation: &mucsong_engine::Explanation,
) -> Option<ChildCounts> {
    let on = result.assessed_on;
    let under = thresholds_on(on)?.dependant_child_under_age;
    let mut counts = ChildCounts::default();
    let deprived = |indicator: Indicator, member: usize| {
        explanation
            .reasons_for(indicator)
            .any(|r| r.member == Some(member as u16) && r.effect == IndicatorStatus::Deprived)
    };
    for (i, m) in record.members.iter().flatten().enumerate() {
        match is_child(m.birth_date.as_deref(), on, under) {
            None => counts.n_age_unknown += 1,
            Some(false) => {}
            Some(true) => {
                counts.n_children += 1;
                counts.n_malnourished += deprived(Indicator::Nutrition, i) as u64;
                counts.n_without_health_insurance += deprived(Indicator::HealthInsurance, i) as u64;
                counts.n_not_in_school += deprived(Indicator::ChildSchooling, i) as u64;
            }
        }
    }
    Some(counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_child_is_under_16_on_the_assessment_date_and_partial_dates_may_leave_it_open() {
        let on = Date::new(2026, 11, 16).unwrap();
        assert_eq!(is_child(Some("2010-11-17"), on, 16), Some(true));
        assert_eq!(is_child(Some("2010-11-16"), on, 16), Some(false));
        assert_eq!(is_child(Some("2010"), on, 16), None);
        assert_eq!(is_child(Some("2011"), on, 16), Some(true));
        assert_eq!(is_child(Some("2009"), on, 16), Some(false));
        assert_eq!(is_child(None, on, 16), None);
    }

    #[test]
    fn last_year_s_list_is_read_with_its_errors_placed() {
        let list = PreviousList::from_csv(
            "id,village,area,class,members,earlier\nh1,Nà Lầu,rural,poor,4,\nh2,Nà Lầu,,not_poor,,poor\n",
        )
        .unwrap();
        assert_eq!(list.entries.len(), 2);
        assert_eq!(list.entries[0].class, PreviousClass::Poor);
        assert_eq!(list.entries[0].members, Some(4));
        assert_eq!(list.entries[1].area, None);
        assert_eq!(list.entries[1].earlier, Some(PreviousClass::Poor));
        let bad = PreviousList::from_csv(
            "id,village,area,class,members,earlier\nh1,A,rural,poor,4,\nh2,A,rural,ngheo,3,\n",
        )
        .unwrap_err();
        assert_eq!(
            (bad.line, bad.column, bad.found.as_str()),
            (3, "class", "ngheo")
        );
        let bad =
            PreviousList::from_csv("id,village,area,class,members,earlier\nh1,A,rural,poor,0,\n")
                .unwrap_err();
        assert_eq!((bad.line, bad.column), (2, "members"));
    }
}
