//! The validation stage: raw answers (`HouseholdRecord`, everything optional) → `ValidHousehold`,
//! whose types cannot hold nonsense (parsed dates, age spans, non-negative numbers, at least one
//! member). Every problem is collected, not just the first.

use super::household::*;
use super::problem::{Problem, ProblemCode};
use super::tri::Tri;
use crate::date::{Date, PartialDate};
use crate::rules::{edition_for, Edition, Thresholds};

/// Amounts above this (a million billion đồng) are refused, which also keeps sums from overflowing.
const MAX_VND: i64 = 1_000_000_000_000_000;
/// The oldest age the engine accepts.
const MAX_AGE_YEARS: i32 = 120;

/// The range of ages a member can have on the assessment date, from a full, partial or missing
/// birth date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct AgeSpan {
    /// The earliest and latest possible birth dates (latest ≤ assessment date).
    pub earliest_birth: Date,
    pub latest_birth: Date,
    /// Completed months of age, youngest and oldest possibility.
    pub min_months: i32,
    pub max_months: i32,
    /// Whether the birth date was given to the day.
    pub is_exact: bool,
}

impl AgeSpan {
    fn new(earliest_birth: Date, latest_birth: Date, on: Date, is_exact: bool) -> AgeSpan {
        AgeSpan {
            earliest_birth,
            latest_birth,
            min_months: latest_birth.age_months_on(on),
            max_months: earliest_birth.age_months_on(on),
            is_exact,
        }
    }
    /// "từ đủ N tuổi": on or after the Nth birthday.
    pub fn years_at_least(&self, years: i32) -> Tri {
        self.months_at_least(years * 12)
    }
    pub fn months_at_least(&self, months: i32) -> Tri {
        Tri::from_bounds(self.min_months >= months, self.max_months >= months)
    }
    /// From `from` years up to (not including) `until` years.
    pub fn years_between(&self, from: i32, until: i32) -> Tri {
        self.years_at_least(from)
            .and(self.years_at_least(until).not())
    }
    pub fn min_years(&self) -> i32 {
        self.min_months.div_euclid(12)
    }
    pub fn max_years(&self) -> i32 {
        self.max_months.div_euclid(12)
    }
    /// School age (school-year start year − birth year), youngest and oldest possibility.
    pub fn school_age(&self, on: Date, school_year_start_month: u8) -> (i32, i32) {
        let start_year = if on.month() >= school_year_start_month {
            on.year()
        } else {
            on.year() - 1
        };
        (
            start_year - self.latest_birth.year(),
            start_year - self.earliest_birth.year(),
        )
    }
}

/// One member's answers, validated.
#[derive(Debug, Clone)]
pub(crate) struct ValidMember {
    pub age: AgeSpan,
    pub sex: Option<Sex>,
    pub height_cm: Option<f64>,
    pub weight_kg: Option<f64>,
    pub malnourished: Option<bool>,
    pub in_school: Option<bool>,
    pub school_level: Option<SchoolLevel>,
    pub general_education: Option<GeneralEducation>,
    pub vocational_training: Option<VocationalTraining>,
    pub health_insurance: Option<bool>,
    pub state_funded_insurance: Option<bool>,
    pub uses_internet: Option<bool>,
    pub monthly_social_allowance: Option<SocialAllowance>,
    pub work_status: Option<WorkStatus>,
    pub job_type: Option<JobType>,
    pub wage_contract: Option<WageContract>,
    pub nonfarm_work: Option<NonfarmWork>,
    pub pension: Option<Pension>,
    pub critical_illness: Option<bool>,
}

impl ValidMember {
    /// Whether Phiếu B1 asks this member's columns 15–18 (work status, job type, contract,
    /// pension): only members aged 15 and over ("Chỉ hỏi thành viên từ 15 tuổi trở lên").
    pub fn is_asked_work_columns(&self, t: &Thresholds) -> Tri {
        self.age.years_at_least(t.employment_min_age)
    }

    /// Whether Phiếu B1 asks this member's job type and labour contract (columns 16–17): column 15
    /// sends code 1 ("working") on to column 16 and every other code straight to column 18. A
    /// column the form skips is not an unknown answer.
    pub fn is_asked_job_columns(&self, t: &Thresholds) -> Tri {
        self.is_asked_work_columns(t)
            .and(Tri::test(self.work_status, |w| w == WorkStatus::Working))
    }
}

/// Household income over 12 months as a range: `None` bounds are unbounded (an unknown revenue
/// leaves the top open, an unknown cost the bottom).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct IncomeRange {
    pub min_12m: Option<i64>,
    pub max_12m: Option<i64>,
    /// Which answer gave it: `sources_12m` or `monthly_vnd`.
    pub source: &'static str,
}

impl IncomeRange {
    pub fn exact(&self) -> Option<i64> {
        match (self.min_12m, self.max_12m) {
            (Some(a), Some(b)) if a == b => Some(a),
            _ => None,
        }
    }
    /// Whether income per person per month is at most `limit`: total ≤ limit × 12 × members.
    pub fn at_most(&self, limit: i64, members: u32) -> Tri {
        let bound = limit * 12 * members as i64;
        if self.max_12m.is_some_and(|m| m <= bound) {
            Tri::Yes
        } else if self.min_12m.is_some_and(|m| m > bound) {
            Tri::No
        } else {
            Tri::Unknown
        }
    }
}

/// A household that can be assessed: every answer well-formed, unknowns still `None`.
#[derive(Debug, Clone)]
pub(crate) struct ValidHousehold<'r> {
    pub record: &'r HouseholdRecord,
    pub assessed_on: Date,
    pub edition: &'static Edition,
    pub thresholds: &'static Thresholds,
    pub area: Option<Area>,
    pub region: Option<Region>,
    pub members: Vec<ValidMember>,
    pub screening: &'r Screening,
    pub housing: Housing,
    pub latrine: Option<Latrine>,
    pub electricity_kwh_per_month: Option<f64>,
    pub water: Option<Water>,
    pub assets: &'r Assets,
    pub land: Land,
    pub livestock: &'r Livestock,
    /// `None` when no income answer was given at all.
    pub income: Option<IncomeRange>,
    pub waste: Option<Waste>,
}

impl ValidHousehold<'_> {
    pub fn n_members(&self) -> u32 {
        self.members.len() as u32
    }
}

/// Collects problems while validating.
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn number(
        &mut self,
        field: &dyn Fn() -> String,
        value: Option<f64>,
        max: f64,
        what: &str,
    ) -> Option<f64> {
        let v = value?;
        if (0.0..=max).contains(&v) {
            return Some(v);
        }
        self.bad_number(field, v, max, what);
        None
    }

    #[cold]
    fn bad_number(&mut self, field: &dyn Fn() -> String, v: f64, max: f64, what: &str) {
        let (code, expected) = if v < 0.0 {
            (ProblemCode::NegativeNumber, format!("{what} ≥ 0"))
        } else {
            (
                ProblemCode::OutOfRange,
                format!("{what} up to {}", mucsong_float::f64_text(max)),
            )
        };
        self.problems.push(Problem::new(
            field(),
            code,
            expected,
            mucsong_float::f64_text(v),
        ));
    }

    fn money(&mut self, field: &dyn Fn() -> String, value: Option<i64>) -> Option<i64> {
        let v = value?;
        if v < 0 {
            self.problems.push(Problem::new(
                field(),
                ProblemCode::NegativeNumber,
                "a whole number of đồng ≥ 0",
                v.to_string(),
            ));
            None
        } else if v > MAX_VND {
            self.problems.push(Problem::new(
                field(),
                ProblemCode::OutOfRange,
                format!("a whole number of đồng up to {MAX_VND}"),
                v.to_string(),
            ));
            None
        } else {
            Some(v)
        }
    }
}

/// Validates a record. `as_of` overrides the record's assessment date.
pub(crate) fn validate(
    record: &HouseholdRecord,
    as_of: Option<Date>,
) -> Result<ValidHousehold<'_>, Vec<Problem>> {
    let mut c = Checker {
        problems: Vec::new(),
    };
    if let Some(schema) = &record.schema {
        if schema != HOUSEHOLD_SCHEMA {
            c.problems.push(Problem::new(
                "schema",
                ProblemCode::WrongSchema,
                format!("\"{HOUSEHOLD_SCHEMA}\""),
                format!("\"{schema}\""),
            ));
        }
    }
    let assessed_on = match (as_of, &record.assessed_on) {
        (Some(date), _) => Some(date),
        (None, Some(text)) => match Date::parse(text) {
            Ok(date) => Some(date),
            Err(_) => {
                c.problems.push(Problem::new(
                    "assessed_on",
                    ProblemCode::BadDate,
                    "a date YYYY-MM-DD",
                    format!("\"{text}\""),
                ));
                None
            }
        },
        (None, None) => {
            c.problems.push(Problem::new(
                "assessed_on",
                ProblemCode::MissingAssessmentDate,
                "an assessment date YYYY-MM-DD",
                "nothing",
            ));
            None
        }
    };
    let edition = assessed_on.and_then(|date| {
        let edition = edition_for(date);
        if edition.is_none() {
            c.problems.push(Problem::no_edition(date));
        }
        edition
    });
    if record.area == Some(Area::Rural) && record.region == Some(Region::CentrallyRunCity) {
        c.problems.push(Problem::new(
            "region",
            ProblemCode::Inconsistent,
            "the geographic region of a rural household (centrally_run_city is for urban households)",
            "\"centrally_run_city\"",
        ));
    }
    let members = match &record.members {
        None => {
            c.problems.push(Problem::new(
                "members",
                ProblemCode::NoMembers,
                "a list of at least one member",
                "nothing",
            ));
            Vec::new()
        }
        Some(list) if list.is_empty() => {
            c.problems.push(Problem::new(
                "members",
                ProblemCode::NoMembers,
                "a list of at least one member",
                "an empty list",
            ));
            Vec::new()
        }
        Some(list) => {
            let mut members = Vec::with_capacity(list.len());
            // The earliest birth date accepted, once per household.
            let on = assessed_on.map(|on| (on, on.add_years(-(MAX_AGE_YEARS + 1)).succ()));
            for (i, m) in list.iter().enumerate() {
                if let Some(member) = validate_member(&mut c, i, m, on) {
                    members.push(member);
                }
            }
            members
        }
    };
    let housing = record.housing.clone().unwrap_or_default();
    let living_area = c.number(
        &|| "housing.living_area_m2".into(),
        housing.living_area_m2,
        100_000.0,
        "an area in m²",
    );
    let electricity = c.number(
        &|| "electricity_kwh_per_month".into(),
        record.electricity_kwh_per_month,
        1_000_000.0,
        "kWh per month",
    );
    let land = record.land_m2.clone().unwrap_or_default();
    let land_field = |name: &'static str| move || format!("land_m2.{name}");
    let land = Land {
        garden_pond_adjacent: c.number(
            &land_field("garden_pond_adjacent"),
            land.garden_pond_adjacent,
            1e9,
            "an area in m²",
        ),
        annual_crops: c.number(
            &land_field("annual_crops"),
            land.annual_crops,
            1e9,
            "an area in m²",
        ),
        perennial_crops: c.number(
            &land_field("perennial_crops"),
            land.perennial_crops,
            1e9,
            "an area in m²",
        ),
        water_surface: c.number(
            &land_field("water_surface"),
            land.water_surface,
            1e9,
            "an area in m²",
        ),
        forest: c.number(&land_field("forest"), land.forest, 1e9, "an area in m²"),
    };
    let income = record
        .income
        .as_ref()
        .and_then(|income| validate_income(&mut c, income));
    if !c.problems.is_empty() {
        return Err(c.problems);
    }
    let (assessed_on, edition) = (assessed_on.expect("checked"), edition.expect("checked"));
    Ok(ValidHousehold {
        record,
        assessed_on,
        edition,
        thresholds: edition.thresholds_on(assessed_on),
        area: record.area,
        region: record.region,
        members,
        // Borrowed from the record (nothing in them is validated): no copy per household.
        screening: record.screening.as_ref().unwrap_or(&Screening::EMPTY),
        housing: Housing {
            living_area_m2: living_area,
            ..housing
        },
        latrine: record.latrine,
        electricity_kwh_per_month: electricity,
        water: record.water,
        assets: record.assets.as_ref().unwrap_or(&Assets::EMPTY),
        land,
        livestock: record.livestock.as_ref().unwrap_or(&Livestock::EMPTY),
        income,
        waste: record.waste,
    })
}

fn validate_member(
    c: &mut Checker,
    i: usize,
    m: &Member,
    on: Option<(Date, Date)>,
) -> Option<ValidMember> {
    let field = |name: &str| format!("members[{i}].{name}");
    let n_before = c.problems.len();
    let birth = match &m.birth_date {
        None => None,
        Some(text) => match PartialDate::parse(text) {
            Ok(birth) => Some((birth, text)),
            Err(_) => {
                c.problems.push(Problem::new(
                    field("birth_date"),
                    ProblemCode::BadDate,
                    "a date YYYY-MM-DD, YYYY-MM or YYYY",
                    format!("\"{text}\""),
                ));
                None
            }
        },
    };
    let age = on.and_then(|(on, oldest)| match birth {
        None if m.birth_date.is_some() => None,
        None => Some(AgeSpan::new(oldest, on, on, false)),
        Some((birth, text)) if birth.earliest() > on => {
            c.problems.push(Problem::new(
                field("birth_date"),
                ProblemCode::DateInFuture,
                format!("a birth date on or before the assessment date {on}"),
                format!("\"{text}\""),
            ));
            None
        }
        Some((birth, text)) if birth.latest().min(on).age_years_on(on) > MAX_AGE_YEARS => {
            c.problems.push(Problem::new(
                field("birth_date"),
                ProblemCode::OutOfRange,
                format!("an age of at most {MAX_AGE_YEARS} years on {on}"),
                format!("\"{text}\""),
            ));
            None
        }
        Some((birth, _)) => Some(AgeSpan::new(
            birth.earliest().max(oldest),
            birth.latest().min(on),
            on,
            matches!(birth, PartialDate::Day(_)),
        )),
    });
    let height_cm = c.number(&|| field("height_cm"), m.height_cm, 250.0, "a height in cm");
    let weight_kg = c.number(&|| field("weight_kg"), m.weight_kg, 400.0, "a weight in kg");
    if c.problems.len() > n_before {
        return None;
    }
    Some(ValidMember {
        age: age?,
        sex: m.sex,
        height_cm,
        weight_kg,
        malnourished: m.malnourished,
        in_school: m.in_school,
        school_level: m.school_level,
        general_education: m.general_education,
        vocational_training: m.vocational_training,
        health_insurance: m.health_insurance,
        state_funded_insurance: m.state_funded_insurance,
        uses_internet: m.uses_internet,
        monthly_social_allowance: m.monthly_social_allowance,
        work_status: m.work_status,
        job_type: m.job_type,
        wage_contract: m.wage_contract,
        nonfarm_work: m.nonfarm_work,
        pension: m.pension,
        critical_illness: m.critical_illness,
    })
}

/// Income per Phụ lục VIII: revenue − cost per activity over 12 months; `sources_12m` wins over
/// the monthly shortcut. An activity left out counts as none; an unknown amount leaves a bound open.
fn validate_income(c: &mut Checker, income: &Income) -> Option<IncomeRange> {
    if let Some(sources) = &income.sources_12m {
        let list = sources.entries();
        let (mut min, mut max) = (Some(0i64), Some(0i64));
        for (name, source) in list {
            let Some(source) = source else { continue };
            let revenue = c.money(
                &|| format!("income.sources_12m.{name}.revenue_vnd"),
                source.revenue_vnd,
            );
            let cost = c.money(
                &|| format!("income.sources_12m.{name}.cost_vnd"),
                source.cost_vnd,
            );
            // The smallest income takes no revenue if unknown (0) and an unknown cost as unbounded.
            min = match (min, cost) {
                (Some(m), Some(cost)) => Some(m + revenue.unwrap_or(0) - cost),
                _ => None,
            };
            max = match (max, revenue) {
                (Some(m), Some(revenue)) => Some(m + revenue - cost.unwrap_or(0)),
                _ => None,
            };
        }
        return Some(IncomeRange {
            min_12m: min,
            max_12m: max,
            source: "sources_12m",
        });
    }
    let monthly = c.money(&|| "income.monthly_vnd".into(), income.monthly_vnd)?;
    Some(IncomeRange {
        min_12m: Some(monthly * 12),
        max_12m: Some(monthly * 12),
        source: "monthly_vnd",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::record;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn problems(json: &str) -> Vec<Problem> {
        let record = record(json);
        validate(&record, None).unwrap_err()
    }

    #[test]
    fn every_problem_is_collected() {
        let p = problems(
            r#"{"schema":"x","assessed_on":"2026-02-30","members":[{"birth_date":"2024-13"},{"height_cm":-3}],
                "housing":{"living_area_m2":-1},"income":{"monthly_vnd":-5}}"#,
        );
        let fields: Vec<_> = p.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "schema",
                "assessed_on",
                "members[0].birth_date",
                "members[1].height_cm",
                "housing.living_area_m2",
                "income.monthly_vnd"
            ]
        );
        assert_eq!(p[2].to_string(), "members[0].birth_date: expected a date YYYY-MM-DD, YYYY-MM or YYYY, but found \"2024-13\"");
        assert_eq!(p[1].code, ProblemCode::BadDate);
        assert_eq!(p[5].code, ProblemCode::NegativeNumber);
    }

    #[test]
    fn missing_date_and_members_are_named() {
        let p = problems(r#"{}"#);
        assert_eq!(
            p.iter().map(|p| p.code).collect::<Vec<_>>(),
            [ProblemCode::MissingAssessmentDate, ProblemCode::NoMembers]
        );
        let p = problems(r#"{"assessed_on":"2021-12-31","members":[]}"#);
        assert_eq!(
            p.iter().map(|p| p.code).collect::<Vec<_>>(),
            [ProblemCode::NoEdition, ProblemCode::NoMembers]
        );
    }

    #[test]
    fn births_after_the_assessment_and_ages_over_120_are_refused() {
        let p = problems(
            r#"{"assessed_on":"2026-06-01","members":[{"birth_date":"2026-06-02"},{"birth_date":"1905"},{"birth_date":"1900"},{"birth_date":"2026"}]}"#,
        );
        assert_eq!(
            p.iter().map(|p| p.code).collect::<Vec<_>>(),
            [ProblemCode::DateInFuture, ProblemCode::OutOfRange]
        );
    }

    #[test]
    fn partial_birth_dates_give_age_ranges() {
        let on = d("2026-06-15");
        let record = record(
            r#"{"assessed_on":"2026-06-15","members":[{"birth_date":"2020"},{"birth_date":"2020-06"},{}]}"#,
        );
        let v = validate(&record, None).unwrap();
        let year = v.members[0].age;
        assert_eq!((year.min_years(), year.max_years()), (5, 6));
        assert_eq!(year.years_at_least(6), Tri::Unknown);
        assert_eq!(year.years_at_least(5), Tri::Yes);
        assert_eq!(year.school_age(on, 9), (5, 5));
        let month = v.members[1].age;
        assert_eq!(month.years_at_least(6), Tri::Unknown);
        let unknown = v.members[2].age;
        assert_eq!((unknown.min_years(), unknown.max_years()), (0, 120));
    }

    #[test]
    fn the_option_date_overrides_the_record() {
        let record = record(r#"{"assessed_on":"bad","members":[{}]}"#);
        let v = validate(&record, Some(d("2027-01-01"))).unwrap();
        assert_eq!(v.edition.key, "2027-2030");
    }

    #[test]
    fn income_sources_win_and_unknown_amounts_open_bounds() {
        let record = record(
            r#"{"assessed_on":"2026-01-01","members":[{}],"income":{"monthly_vnd":1,
                "sources_12m":{"crops":{"revenue_vnd":100,"cost_vnd":30},"wages":{"revenue_vnd":null,"cost_vnd":0}}}}"#,
        );
        let v = validate(&record, None).unwrap();
        let income = v.income.unwrap();
        assert_eq!(
            (income.min_12m, income.max_12m, income.source),
            (Some(70), None, "sources_12m")
        );
        assert_eq!(income.at_most(10, 1), Tri::Unknown);
        assert_eq!(income.at_most(5, 1), Tri::No);
    }
}
