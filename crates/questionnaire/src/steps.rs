//! Which screens the questionnaire shows, in the order of Phiếu A/B, and which questions each
//! screen asks for this household: school questions only for the ages that go to school,
//! height and weight only for children, the labour contract only for wage work, and so on.

use crate::draft::{Draft, INCOME_MODE};
use crate::fields::INCOME_SOURCES;
use mucsong_engine::date::PartialDate;
use mucsong_engine::rules::assessment_dates;

/// One screen of the questionnaire. Related questions share a screen (the house's three
/// parts and its area, water with latrine and electricity, every asset in one list, land with
/// livestock, a member's questions on at most two pages), so a household answers in few screens;
/// the order is still the forms' (Phiếu A, then B1/B2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// What the app does, the assessment date and its standard, the language.
    Intro,
    /// Urban or rural, the province, and whether the household farms.
    Place,
    /// Phiếu A: its exclusion conditions and the criteria the rest of the record cannot tell.
    Exclusions,
    /// Shown when an exclusion holds: a kind stop, with a way to continue anyway.
    ExclusionStop,
    /// The list of members, to add, edit or remove.
    Members,
    /// One page of one member's questions.
    Member(usize, MemberPage),
    /// Wall, column, roof and living area.
    Housing,
    /// Drinking water, latrine, electricity.
    Services,
    /// Every asset B1 scores, as one list.
    Assets,
    /// Land and livestock.
    Land,
    Income,
    /// Edition 2027-2030's waste question (asked from 2026, for the side-by-side view).
    Waste,
    Check,
    Result,
}

/// The pages of one member's questions: who they are (with health, school and, for children,
/// growth), then — from 15 — education, work and support.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberPage {
    Person,
    Work,
}

impl MemberPage {
    pub const ALL: [MemberPage; 2] = [MemberPage::Person, MemberPage::Work];

    pub fn key(self) -> &'static str {
        match self {
            MemberPage::Person => "person",
            MemberPage::Work => "work",
        }
    }

    /// The page a key names, including the keys of the seven pages of earlier versions (a
    /// saved household reopens on the page that now holds the questions).
    fn from_key(key: &str) -> Option<MemberPage> {
        match key {
            "person" | "basic" | "health" | "school" | "nutrition" => Some(MemberPage::Person),
            "work" | "education" | "support" => Some(MemberPage::Work),
            _ => None,
        }
    }
}

/// The main sequence in canonical order (members' pages hang off `Members`).
const ORDER: [Step; 13] = [
    Step::Intro,
    Step::Place,
    Step::Exclusions,
    Step::ExclusionStop,
    Step::Members,
    Step::Housing,
    Step::Services,
    Step::Assets,
    Step::Land,
    Step::Income,
    Step::Waste,
    Step::Check,
    Step::Result,
];

/// Screen keys of earlier versions, and the screen that now asks their questions.
const OLD_KEYS: [(&str, Step); 15] = [
    ("area", Step::Place),
    ("province", Step::Place),
    ("agricultural", Step::Place),
    ("criteria", Step::Exclusions),
    ("wall", Step::Housing),
    ("column", Step::Housing),
    ("roof", Step::Housing),
    ("living_area", Step::Housing),
    ("water", Step::Services),
    ("latrine", Step::Services),
    ("electricity", Step::Services),
    ("vehicles", Step::Assets),
    ("appliances", Step::Assets),
    ("devices", Step::Assets),
    ("livestock", Step::Land),
];

/// Phiếu A's exclusion conditions, in the form's order.
pub const EXCLUSIONS: [&str; 5] = [
    "screening.villa_or_grade_1_2_house",
    "screening.business_3plus_workers_or_tax_100m",
    "screening.farm_or_livestock_200m",
    "screening.production_asset_200m",
    "screening.provincial_condition",
];

/// Phiếu A's criteria that the rest of the record cannot tell.
pub const CRITERIA: [&str; 2] = [
    "screening.motor_vehicle_20m",
    "screening.rents_out_property",
];

impl Step {
    /// The stable key saved in the envelope (`members`, `member:2:work`).
    pub fn key(self) -> String {
        match self {
            Step::Member(i, page) => format!("member:{i}:{}", page.key()),
            other => other.simple_key().to_string(),
        }
    }

    fn simple_key(self) -> &'static str {
        match self {
            Step::Intro => "intro",
            Step::Place => "place",
            Step::Exclusions => "exclusions",
            Step::ExclusionStop => "exclusion_stop",
            Step::Members => "members",
            Step::Member(..) => "member",
            Step::Housing => "housing",
            Step::Services => "services",
            Step::Assets => "assets",
            Step::Land => "land",
            Step::Income => "income",
            Step::Waste => "waste",
            Step::Check => "check",
            Step::Result => "result",
        }
    }

    /// The translation key of the screen's heading.
    pub fn title_key(self) -> String {
        match self {
            Step::Member(_, page) => format!("step_member_{}", page.key()),
            other => format!("step_{}", other.simple_key()),
        }
    }

    /// Parses a saved key; a member page of a member that no longer exists becomes `Members`.
    /// Keys of earlier versions' screens give the screen that now asks their questions.
    pub fn from_key(key: &str, draft: &Draft) -> Option<Step> {
        if let Some(rest) = key.strip_prefix("member:") {
            let (index, page) = rest.split_once(':')?;
            let index: usize = index.parse().ok()?;
            let page = MemberPage::from_key(page)?;
            return Some(if index < draft.n_members() {
                Step::Member(index, page)
            } else {
                Step::Members
            });
        }
        ORDER
            .into_iter()
            .find(|s| s.simple_key() == key)
            .or_else(|| OLD_KEYS.iter().find(|(k, _)| *k == key).map(|(_, s)| *s))
    }

    fn rank(self) -> usize {
        let main = match self {
            Step::Member(..) => Step::Members,
            other => other,
        };
        ORDER
            .iter()
            .position(|s| *s == main)
            .expect("every main step is in ORDER")
    }
}

/// A member's possible ages in whole years on the assessment date: `(youngest, oldest)`.
/// Unknown birth dates give the widest range, so every question is asked; so does an unknown
/// assessment date, which may be any day the rule data's editions cover.
pub fn age_range(draft: &Draft, index: usize) -> (i32, i32) {
    let (first_day, last_day) = match draft.assessed_on() {
        Some(on) => (on, on),
        None => {
            let dates = assessment_dates();
            (*dates.start(), *dates.end())
        }
    };
    let birth = draft
        .record
        .members
        .as_ref()
        .and_then(|m| m.get(index))
        .and_then(|m| m.birth_date.as_deref())
        .and_then(|b| PartialDate::parse(b).ok());
    match birth {
        Some(b) => (
            b.latest().age_years_on(first_day).max(0),
            b.earliest().age_years_on(last_day).max(0),
        ),
        None => (0, 120),
    }
}

/// The questions a screen asks: `fields`, less what was already answered elsewhere on a
/// member's pages (for everyone on the member list, or the four work questions by a work preset).
/// The check page and the printout list every answer (`fields`); the screens ask these.
pub fn asked(step: Step, draft: &Draft) -> Vec<String> {
    match step {
        Step::Member(i, page) => member_fields(draft, i, page, true),
        _ => fields(step, draft),
    }
}

/// The pages of member `index` that hold an answer (the check page and the printout list them;
/// `member_pages` are those that ask something).
pub fn answer_pages(draft: &Draft, index: usize) -> Vec<MemberPage> {
    MemberPage::ALL
        .into_iter()
        .filter(|p| index < draft.n_members() && !fields(Step::Member(index, *p), draft).is_empty())
        .collect()
}

/// The questions (field paths) of a screen for this household, each answer it holds (see `asked`).
pub fn fields(step: Step, draft: &Draft) -> Vec<String> {
    let own = |paths: &[&str]| paths.iter().map(|p| p.to_string()).collect::<Vec<_>>();
    match step {
        Step::Intro => own(&["assessed_on"]),
        Step::Place => own(&["area", "region"]),
        Step::Exclusions => own(&EXCLUSIONS).into_iter().chain(own(&CRITERIA)).collect(),
        Step::Member(i, page) => member_fields(draft, i, page, false),
        Step::Housing => own(&[
            "housing.wall",
            "housing.column",
            "housing.roof",
            "housing.living_area_m2",
        ]),
        Step::Services => own(&["water", "latrine", "electricity_kwh_per_month"]),
        Step::Assets => own(&[
            "assets.motorbike",
            "assets.car",
            "assets.motor_boat",
            "assets.generator",
            "assets.fridge",
            "assets.air_conditioner",
            "assets.washing_machine_or_dryer",
            "assets.water_heater",
            "assets.microwave_or_oven",
            "assets.phone",
            "assets.colour_tv",
            "assets.radio",
            "assets.computer_or_tablet",
            "assets.printer_fax",
            "assets.sound_system",
        ]),
        Step::Land => own(&[
            "land_m2.garden_pond_adjacent",
            "land_m2.annual_crops",
            "land_m2.perennial_crops",
            "land_m2.water_surface",
            "land_m2.forest",
            "livestock.buffalo_cow_horse",
            "livestock.pig_goat_sheep",
            "livestock.poultry",
            "livestock.aquaculture",
        ]),
        // Whether the household farms decides only a support for households of average living
        // (an income question), so it is asked with the income, after the class.
        Step::Income => match draft.extra(INCOME_MODE) {
            Some("monthly") => own(&["income.monthly_vnd", "agricultural_household"]),
            Some("sources") => INCOME_SOURCES
                .iter()
                .flat_map(|s| {
                    [
                        format!("income.sources_12m.{s}.revenue_vnd"),
                        format!("income.sources_12m.{s}.cost_vnd"),
                    ]
                })
                .chain(["agricultural_household".to_string()])
                .collect(),
            _ => own(&["agricultural_household"]),
        },
        Step::Waste => own(&["waste"]),
        Step::ExclusionStop | Step::Members | Step::Check | Step::Result => Vec::new(),
    }
}

fn member_fields(draft: &Draft, i: usize, page: MemberPage, asked: bool) -> Vec<String> {
    let (youngest, oldest) = age_range(draft, i);
    let path = |field: &str| format!("members[{i}].{field}");
    let choice = |field: &str| draft.choice(&path(field));
    let mut out = Vec::new();
    // What was answered for everyone on the member list is not asked again here.
    let mut ask = |field: &str, when: bool| {
        if when && !(asked && draft.answered_for_everyone(&path(field))) {
            out.push(path(field));
        }
    };
    // Someone surely under 15 has no second page: the one support question asked of children
    // (a monthly allowance) is on the first.
    let child = oldest < 15;
    match page {
        MemberPage::Person => {
            ask("name", true);
            ask("birth_date", true);
            ask("sex", true);
            // Insurance counts from age 6 (indicator 4); the state-funded question matters only
            // for someone without insurance.
            ask("health_insurance", oldest >= 6);
            ask(
                "state_funded_insurance",
                oldest >= 6 && choice("health_insurance").as_deref() != Some("true"),
            );
            ask("uses_internet", true);
            ask("in_school", youngest <= 29 && oldest >= 3);
            ask(
                "school_level",
                youngest <= 29 && oldest >= 3 && choice("in_school").as_deref() != Some("false"),
            );
            ask("height_cm", youngest < 16);
            ask("weight_kg", youngest < 10);
            ask("malnourished", youngest < 16);
            ask("monthly_social_allowance", child);
            // From 15: schooling finished and the work as people describe it, one choice that
            // answers the form's four work questions (`fields::WORK_PRESETS`).
            ask("general_education", oldest >= 15);
            ask("work_preset", oldest >= 15);
        }
        MemberPage::Work => {
            ask("vocational_training", oldest >= 15);
            // The four work questions, unless a preset answered them (still its own answers).
            let detail = oldest >= 15
                && (!asked
                    || matches!(
                        draft.work_preset(i),
                        None | Some(crate::fields::WORK_DETAIL)
                    ));
            let working = matches!(choice("work_status").as_deref(), None | Some("working"));
            ask("work_status", detail);
            ask("job_type", detail && working);
            // The labour contract is asked only of wage work: "other" work is the household's own.
            ask(
                "wage_contract",
                detail && working && choice("job_type").as_deref() != Some("other"),
            );
            // B1 item 5 looks back 12 months, so it is asked of everyone 15+, working now or not.
            ask("nonfarm_work", detail);
            ask("monthly_social_allowance", !child);
            ask("pension", oldest >= 15);
            ask("critical_illness", oldest >= 15);
        }
    }
    out
}

/// The choices a field shows for this household: `fields::options`, less the monthly social
/// allowances a member cannot receive at their age (Nghị định 20/2021/NĐ-CP Art. 5: the elderly
/// allowance from 60, the orphan's under 16, or up to 22 while studying). A choice already made
/// stays listed, so nothing answered is hidden.
pub fn options(path: &str, draft: &Draft) -> Vec<&'static str> {
    let mut out = crate::fields::options(path);
    if let Some(index) = path
        .strip_prefix("members[")
        .and_then(|rest| rest.strip_suffix("].monthly_social_allowance"))
        .and_then(|i| i.parse().ok())
    {
        let (youngest, oldest) = age_range(draft, index);
        let chosen = draft.choice(path);
        out.retain(|key| {
            chosen.as_deref() == Some(*key)
                || match *key {
                    "elderly" => oldest >= 60,
                    "orphan" => youngest < 22,
                    _ => true,
                }
        });
    }
    out
}

/// Answers the form leaves blank for children, which the record states rather than leaving
/// unknown: under 15 a member has no vocational qualification, no non-farm work of their own and
/// no pension (B1 asks these of adults). These questions are not shown to children.
const IMPLIED_FOR_CHILDREN: [(&str, &str); 3] = [
    ("vocational_training", "none"),
    ("nonfarm_work", "none"),
    ("pension", "none"),
];

/// The marker (in `Draft::raw`) of an answer filled in by `apply_implied`, so that it is taken
/// back if the birth date changes and the question is asked after all.
fn implied_marker(path: &str) -> String {
    format!("implied:{path}")
}

/// Fills in (or takes back) the answers implied by members' ages; see `IMPLIED_FOR_CHILDREN`.
pub fn apply_implied(draft: &mut Draft) {
    for i in 0..draft.n_members() {
        let (_, oldest) = age_range(draft, i);
        for (field, value) in IMPLIED_FOR_CHILDREN {
            let path = format!("members[{i}].{field}");
            let marker = implied_marker(&path);
            let is_implied = draft.raw.contains_key(&marker);
            if oldest < 15 {
                if !is_implied && draft.choice(&path).is_none() && !draft.is_dont_know(&path) {
                    draft.choose(&path, Some(value));
                    draft.raw.insert(marker, value.to_string());
                }
            } else if is_implied {
                draft.raw.remove(&marker);
                if draft.choice(&path).as_deref() == Some(value) {
                    draft.choose(&path, None);
                }
            }
        }
    }
}

/// Whether a screen applies to this household.
pub fn applies(step: Step, draft: &Draft) -> bool {
    match step {
        Step::ExclusionStop => EXCLUSIONS
            .iter()
            .any(|p| draft.choice(p).as_deref() == Some("true")),
        Step::Waste => draft.assessed_on().is_some_and(|d| d.year() >= 2026),
        Step::Member(i, page) => {
            i < draft.n_members() && !asked(Step::Member(i, page), draft).is_empty()
        }
        _ => true,
    }
}

/// The main screens for this household, in order.
pub fn main_steps(draft: &Draft) -> Vec<Step> {
    ORDER.into_iter().filter(|s| applies(*s, draft)).collect()
}

/// The pages of member `index` that ask something.
pub fn member_pages(draft: &Draft, index: usize) -> Vec<MemberPage> {
    MemberPage::ALL
        .into_iter()
        .filter(|p| applies(Step::Member(index, *p), draft))
        .collect()
}

/// The screen after `step`. The member list leads to the first member's first page, and each
/// member's last page to the next member's first (members are entered on the list first, then
/// asked about one after another), the last member's to the screen after the list.
pub fn next(step: Step, draft: &Draft) -> Step {
    let after_members = || {
        main_steps(draft)
            .into_iter()
            .find(|s| s.rank() > Step::Members.rank())
            .unwrap_or(Step::Result)
    };
    match step {
        Step::Members => first_page_from(draft, 0).unwrap_or_else(after_members),
        Step::Member(i, page) => {
            let after = MemberPage::ALL.iter().position(|p| *p == page).unwrap_or(0);
            member_pages(draft, i)
                .into_iter()
                .find(|p| MemberPage::ALL.iter().position(|q| q == p).unwrap_or(0) > after)
                .map(|p| Step::Member(i, p))
                .or_else(|| first_page_from(draft, i + 1))
                .unwrap_or_else(after_members)
        }
        _ => main_steps(draft)
            .into_iter()
            .find(|s| s.rank() > step.rank())
            .unwrap_or(Step::Result),
    }
}

/// The first page of the first member from `index` on who has one.
fn first_page_from(draft: &Draft, index: usize) -> Option<Step> {
    (index..draft.n_members())
        .find_map(|i| member_pages(draft, i).first().map(|p| Step::Member(i, *p)))
}

/// The last page of the last member before `index` who has one.
fn last_page_before(draft: &Draft, index: usize) -> Option<Step> {
    (0..index.min(draft.n_members()))
        .rev()
        .find_map(|i| member_pages(draft, i).last().map(|p| Step::Member(i, *p)))
}

/// The screen before `step`: the reverse of `next` (the first page of the first member leads back
/// to the member list; the screen after the list leads back to the last member's last page).
pub fn previous(step: Step, draft: &Draft) -> Step {
    match step {
        Step::Member(i, page) => {
            let before = MemberPage::ALL.iter().position(|p| *p == page).unwrap_or(0);
            member_pages(draft, i)
                .into_iter()
                .rev()
                .find(|p| MemberPage::ALL.iter().position(|q| q == p).unwrap_or(0) < before)
                .map(|p| Step::Member(i, p))
                .or_else(|| last_page_before(draft, i))
                .unwrap_or(Step::Members)
        }
        _ => {
            let before = main_steps(draft)
                .into_iter()
                .rev()
                .find(|s| s.rank() < step.rank())
                .unwrap_or(Step::Intro);
            if before == Step::Members {
                last_page_before(draft, draft.n_members()).unwrap_or(Step::Members)
            } else {
                before
            }
        }
    }
}

/// Progress through the questions: `(screen number, number of screens up to the check page)`.
pub fn progress(step: Step, draft: &Draft) -> (usize, usize) {
    // Every screen counts, each member's own screens included (the list of members once), so
    // the bar moves on every Continue. With no member yet, the members still to come are not
    // known: the total grows as people are added.
    let member_screens = |range: std::ops::Range<usize>| -> usize {
        range.map(|i| member_pages(draft, i).len()).sum()
    };
    let all_members = member_screens(0..draft.n_members());
    let mut total = 0;
    let mut done = None;
    for s in main_steps(draft) {
        if s == Step::Check {
            break;
        }
        if s == step {
            done = Some(total);
        }
        total += 1;
        if s == Step::Members {
            if let Step::Member(i, page) = step {
                let within = member_pages(draft, i)
                    .iter()
                    .position(|p| *p == page)
                    .unwrap_or(0);
                done = Some(total + member_screens(0..i.min(draft.n_members())) + within);
            }
            total += all_members;
        }
    }
    let done = done.unwrap_or(if step.rank() >= Step::Check.rank() {
        total
    } else {
        0
    });
    (done.min(total), total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::ParseContext;
    use mucsong_engine::date::Date;

    fn ctx() -> ParseContext {
        ParseContext {
            assessed_on: Date::parse("2026-06-01").unwrap(),
            today: Date::parse("2026-11-27").unwrap(),
        }
    }

    fn with_member(birth: &str) -> Draft {
        let mut d = Draft::new("", Date::parse("2026-06-01").unwrap());
        let i = d.add_member();
        d.input(&format!("members[{i}].birth_date"), birth, &ctx())
            .unwrap();
        d
    }

    /// Without an assessment date, a member's ages span every day the rule data's editions
    /// cover: youngest on the first, oldest on the last.
    #[test]
    fn without_an_assessment_date_ages_span_the_editions() {
        let mut d = with_member("2010");
        d.record.assessed_on = None;
        let dates = assessment_dates();
        let youngest = Date::parse("2010-12-31")
            .unwrap()
            .age_years_on(*dates.start());
        let oldest = Date::parse("2010-01-01")
            .unwrap()
            .age_years_on(*dates.end());
        assert_eq!(age_range(&d, 0), (youngest, oldest));
        assert!(oldest - youngest > 4, "{youngest}..{oldest}");
        // With a date, the ages on that day.
        let d = with_member("2010");
        assert_eq!(age_range(&d, 0), (15, 16));
    }

    #[test]
    fn an_adult_gets_no_school_or_nutrition_questions() {
        let d = with_member("1960-01-01");
        assert_eq!(member_pages(&d, 0), MemberPage::ALL);
        let person = fields(Step::Member(0, MemberPage::Person), &d);
        assert!(!person
            .iter()
            .any(|p| p.contains("school") || p.contains("height")));
        assert!(fields(Step::Member(0, MemberPage::Work), &d)
            .contains(&"members[0].monthly_social_allowance".to_string()));
    }

    #[test]
    fn a_small_child_has_one_page_with_growth_and_school_but_not_work() {
        let d = with_member("2022-03-01");
        assert_eq!(member_pages(&d, 0), [MemberPage::Person]);
        let person = fields(Step::Member(0, MemberPage::Person), &d);
        for field in ["weight_kg", "in_school", "monthly_social_allowance"] {
            assert!(person.contains(&format!("members[0].{field}")), "{field}");
        }
        assert!(!person.iter().any(|p| p.contains("work")));
        // A 12-year-old: height but no weight (weight counts under 10).
        let d = with_member("2014-01-01");
        let person = fields(Step::Member(0, MemberPage::Person), &d);
        assert!(person.contains(&"members[0].height_cm".to_string()));
        assert!(!person.contains(&"members[0].weight_kg".to_string()));
    }

    #[test]
    fn an_unknown_birth_date_asks_everything() {
        let mut d = Draft::new("", Date::parse("2026-06-01").unwrap());
        d.add_member();
        assert_eq!(member_pages(&d, 0), MemberPage::ALL);
        let all: Vec<String> = MemberPage::ALL
            .into_iter()
            .flat_map(|p| fields(Step::Member(0, p), &d))
            .collect();
        assert!(all.contains(&"members[0].weight_kg".to_string()));
        assert!(all.contains(&"members[0].pension".to_string()));
    }

    #[test]
    fn a_partial_birth_date_straddling_an_age_limit_asks_both_sides() {
        // Born in 2010: 15 or 16 on 2026-06-01, so both the growth questions (under 16) and the
        // work page (15+) apply.
        let d = with_member("2010");
        assert_eq!(member_pages(&d, 0), MemberPage::ALL);
        assert!(fields(Step::Member(0, MemberPage::Person), &d)
            .contains(&"members[0].height_cm".to_string()));
    }

    #[test]
    fn children_get_implied_answers_that_are_taken_back_if_they_turn_out_adults() {
        let mut d = with_member("2018");
        apply_implied(&mut d);
        assert_eq!(d.choice("members[0].pension").as_deref(), Some("none"));
        assert_eq!(
            d.choice("members[0].vocational_training").as_deref(),
            Some("none")
        );
        // The birth date was a typo: the questions are asked again, blank.
        d.input("members[0].birth_date", "1988", &ctx()).unwrap();
        apply_implied(&mut d);
        assert_eq!(d.choice("members[0].pension"), None);
        assert!(fields(Step::Member(0, MemberPage::Work), &d)
            .contains(&"members[0].pension".to_string()));
        // A real answer for an adult is never touched.
        d.choose("members[0].pension", Some("none"));
        apply_implied(&mut d);
        assert_eq!(d.choice("members[0].pension").as_deref(), Some("none"));
    }

    #[test]
    fn the_contract_is_asked_only_for_wage_work() {
        let mut d = with_member("1980");
        let work = |d: &Draft| fields(Step::Member(0, MemberPage::Work), d);
        assert!(work(&d).contains(&"members[0].wage_contract".to_string()));
        d.choose("members[0].job_type", Some("other"));
        assert!(!work(&d).contains(&"members[0].wage_contract".to_string()));
        d.choose("members[0].work_status", Some("retired_or_homemaker"));
        assert!(!work(&d).contains(&"members[0].job_type".to_string()));
        assert!(work(&d).contains(&"members[0].nonfarm_work".to_string()));
    }

    /// "What does this person mainly do?" answers the four work questions at once: the work page
    /// then does not ask them (the check page still lists them); changing one of them, or
    /// choosing "something else", asks them one by one.
    #[test]
    fn a_work_preset_answers_the_four_work_questions() {
        let mut d = with_member("1988");
        let person = Step::Member(0, MemberPage::Person);
        let work = Step::Member(0, MemberPage::Work);
        let preset = "members[0].work_preset".to_string();
        assert!(asked(person, &d).contains(&preset));
        assert_eq!(d.work_preset(0), None);
        d.choose(&preset, Some("hired_nonfarm"));
        assert_eq!(
            d.answer(&preset),
            Some(crate::fields::Answer::Key("hired_nonfarm"))
        );
        for (field, key) in [
            ("work_status", "working"),
            ("job_type", "household_hired"),
            ("wage_contract", "without_contract"),
            ("nonfarm_work", "hired_or_own_business"),
        ] {
            let path = format!("members[0].{field}");
            assert_eq!(d.choice(&path).as_deref(), Some(key), "{field}");
            assert!(!asked(work, &d).contains(&path), "{field}");
            assert!(fields(work, &d).contains(&path), "{field}");
        }
        // A changed answer (on the check page) is no longer the preset's: asked one by one.
        d.choose("members[0].nonfarm_work", Some("none"));
        assert_eq!(d.work_preset(0), Some("detail"));
        assert!(asked(work, &d).contains(&"members[0].nonfarm_work".to_string()));
        d.choose(&preset, Some("own_farm"));
        assert_eq!(d.choice("members[0].job_type").as_deref(), Some("other"));
        assert_eq!(
            d.choice("members[0].wage_contract").as_deref(),
            Some("not_wage_work")
        );
        // "Something else": the answers stay, each is asked.
        d.choose(&preset, Some("detail"));
        assert_eq!(d.work_preset(0), Some("detail"));
        assert!(asked(work, &d).contains(&"members[0].work_status".to_string()));
        assert_eq!(d.choice("members[0].job_type").as_deref(), Some("other"));
        // Answered one by one without a preset: shown as "something else".
        let mut e = with_member("1988");
        e.choose("members[0].work_status", Some("studying"));
        assert_eq!(e.work_preset(0), Some("detail"));
        // A child is asked neither.
        let child = with_member("2018");
        assert!(!asked(person, &child).contains(&preset));
        // Answers given for everyone on the member list are not asked again on the pages.
        let mut f = with_member("1988");
        f.set_none_for_everyone();
        f.choose(&preset, Some("own_farm"));
        f.choose("members[0].general_education", Some("primary"));
        assert!(
            !member_pages(&f, 0).contains(&MemberPage::Work),
            "{:?}",
            asked(work, &f)
        );
        assert!(answer_pages(&f, 0).contains(&MemberPage::Work));
    }

    /// The elderly allowance is offered from 60, the orphan's to those young enough; an answer
    /// already given stays listed.
    #[test]
    fn allowances_are_offered_only_to_those_who_can_receive_them() {
        let path = "members[0].monthly_social_allowance";
        let child = with_member("2018");
        assert_eq!(options(path, &child), ["none", "disability", "orphan"]);
        let adult = with_member("1980");
        assert_eq!(options(path, &adult), ["none", "disability"]);
        let mut elder = with_member("1950");
        assert_eq!(options(path, &elder), ["none", "elderly", "disability"]);
        // Unknown age: everything.
        let mut d = Draft::new("", Date::parse("2026-06-01").unwrap());
        d.add_member();
        assert_eq!(options(path, &d).len(), 4);
        elder.choose(path, Some("elderly"));
        elder
            .input("members[0].birth_date", "1990", &ctx())
            .unwrap();
        assert!(options(path, &elder).contains(&"elderly"));
        // Other fields: the field's own choices.
        assert_eq!(
            options("housing.roof", &d),
            crate::fields::options("housing.roof")
        );
    }

    #[test]
    fn the_exclusion_stop_appears_only_when_an_exclusion_holds() {
        let mut d = Draft::new("", Date::parse("2026-06-01").unwrap());
        assert_eq!(next(Step::Exclusions, &d), Step::Members);
        d.choose("screening.villa_or_grade_1_2_house", Some("true"));
        assert_eq!(next(Step::Exclusions, &d), Step::ExclusionStop);
        assert_eq!(next(Step::ExclusionStop, &d), Step::Members);
        d.choose("screening.villa_or_grade_1_2_house", Some("false"));
        // Resuming on a screen that no longer applies still moves on sensibly.
        assert_eq!(next(Step::ExclusionStop, &d), Step::Members);
        assert_eq!(previous(Step::Members, &d), Step::Exclusions);
    }

    #[test]
    fn members_are_asked_about_one_after_another() {
        let mut d = with_member("1960-01-01");
        assert_eq!(next(Step::Members, &d), Step::Member(0, MemberPage::Person));
        assert_eq!(next(Step::Member(0, MemberPage::Work), &d), Step::Housing);
        assert_eq!(
            previous(Step::Housing, &d),
            Step::Member(0, MemberPage::Work)
        );
        assert_eq!(
            previous(Step::Member(0, MemberPage::Person), &d),
            Step::Members
        );
        assert_eq!(
            next(Step::Member(0, MemberPage::Person), &d),
            Step::Member(0, MemberPage::Work)
        );
        // A second member, a child with one page: after the first member's last page, then on.
        let i = d.add_member();
        d.input(&format!("members[{i}].birth_date"), "2020", &ctx())
            .unwrap();
        assert_eq!(
            next(Step::Member(0, MemberPage::Work), &d),
            Step::Member(1, MemberPage::Person)
        );
        assert_eq!(next(Step::Member(1, MemberPage::Person), &d), Step::Housing);
        assert_eq!(
            previous(Step::Member(1, MemberPage::Person), &d),
            Step::Member(0, MemberPage::Work)
        );
        assert_eq!(
            previous(Step::Housing, &d),
            Step::Member(1, MemberPage::Person)
        );
    }

    /// A household saved by an earlier version reopens on the screen that now asks the
    /// questions of the one it was on.
    #[test]
    fn earlier_versions_screen_keys_still_open() {
        let d = with_member("1960");
        for (old, now) in [
            ("area", Step::Place),
            ("province", Step::Place),
            ("criteria", Step::Exclusions),
            ("roof", Step::Housing),
            ("latrine", Step::Services),
            ("devices", Step::Assets),
            ("livestock", Step::Land),
            ("member:0:school", Step::Member(0, MemberPage::Person)),
            ("member:0:support", Step::Member(0, MemberPage::Work)),
        ] {
            assert_eq!(Step::from_key(old, &d), Some(now), "{old}");
        }
    }

    #[test]
    fn waste_is_asked_from_2026_only() {
        let d = Draft::new("", Date::parse("2025-06-01").unwrap());
        assert!(!main_steps(&d).contains(&Step::Waste));
        let d = Draft::new("", Date::parse("2026-06-01").unwrap());
        assert!(main_steps(&d).contains(&Step::Waste));
    }

    #[test]
    fn keys_round_trip() {
        let d = with_member("1960");
        for step in main_steps(&d)
            .into_iter()
            .chain([Step::Member(0, MemberPage::Work)])
        {
            assert_eq!(Step::from_key(&step.key(), &d), Some(step));
        }
        assert_eq!(Step::from_key("member:5:work", &d), Some(Step::Members));
        assert_eq!(Step::from_key("nonsense", &d), None);
    }

    #[test]
    fn progress_counts_up_to_the_check_page() {
        let d = Draft::new("", Date::parse("2025-06-01").unwrap());
        let (first, total) = progress(Step::Intro, &d);
        assert_eq!(first, 0);
        assert_eq!(progress(Step::Check, &d), (total, total));
    }

    /// Walking the screens as Continue does, the bar moves forward on every one of them,
    /// members' own screens included, and ends at the check page.
    #[test]
    fn progress_moves_on_every_screen_members_included() {
        let mut d = Draft::new("", Date::parse("2025-06-01").unwrap());
        for birth in ["1984", "1986", "2014-03-01", "2021-08-01"] {
            let i = d.add_member();
            d.input(&format!("members[{i}].birth_date"), birth, &ctx())
                .unwrap();
        }
        let mut step = Step::Intro;
        let mut last = None;
        let mut n_screens = 0;
        let mut back = Vec::new();
        while step != Step::Check {
            let (done, total) = progress(step, &d);
            if let Some((previous, previous_total)) = last {
                assert_eq!(total, previous_total, "{step:?}: the total stays put");
                assert!(done > previous, "{step:?}: {done} after {previous}");
            }
            last = Some((done, total));
            n_screens += 1;
            back.push(step);
            step = next(step, &d);
        }
        // Back retraces Continue exactly.
        let mut at = Step::Check;
        for expected in back.iter().rev() {
            at = previous(at, &d);
            assert_eq!(at, *expected);
        }
        let (done, total) = progress(Step::Check, &d);
        assert_eq!((done, total), (total, total));
        assert_eq!(
            n_screens, total,
            "every screen before the check page is counted once"
        );
        // Four members: two adults on two pages each, two children on one.
        assert_eq!(
            total,
            main_steps(&d)
                .iter()
                .filter(|s| **s != Step::Check && **s != Step::Result)
                .count()
                + 6,
            "{total}"
        );
    }

    /// Each house material's label says the class it falls in (indicator 7), and says it as
    /// the model's mapping does.
    #[test]
    fn material_labels_state_their_class() {
        use crate::fields::{is_durable, option_key, MATERIALS};
        use mucsong_i18n::Locale;
        for (path, materials) in MATERIALS {
            for (option, _) in materials.iter() {
                let key = option_key(path, option);
                for (locale, durable, not) in [
                    (Locale::Vi, "— bền chắc", "— không bền chắc"),
                    (Locale::En, "— durable", "— not durable"),
                ] {
                    let label = locale.text(&key);
                    let expected = match is_durable(path, option) {
                        Some(true) => label.ends_with(durable),
                        Some(false) => label.ends_with(not),
                        None => !label.contains('—'),
                    };
                    assert!(expected, "{key}: {label}");
                }
            }
        }
    }

    /// Every question, option and screen title the questionnaire can show has a translation.
    #[test]
    fn every_question_option_and_title_has_a_translation() {
        use crate::fields::{option_key, question_key, FieldKind, SPECS};
        use mucsong_i18n::Locale;
        let mut missing = Vec::new();
        for spec in SPECS {
            let path = spec.pattern.replace("[]", "[0]");
            missing.push(question_key(&path));
            if let FieldKind::Choice(keys) = spec.kind {
                missing.extend(keys.iter().map(|k| option_key(&path, k)));
                let shown = crate::fields::options(&path);
                missing.extend(shown.iter().map(|k| option_key(&path, k)));
            }
        }
        for step in ORDER {
            missing.push(step.title_key());
        }
        for page in MemberPage::ALL {
            missing.push(Step::Member(0, page).title_key());
        }
        missing.retain(|k| !Locale::Vi.has(k));
        assert!(missing.is_empty(), "missing translations: {missing:#?}");
    }
}
