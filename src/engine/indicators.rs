//! The deprivation indicators (Phiếu B2, standard.md §2.4), each computed from member-level answers
//! with Kleene logic across members: a household is deprived if some member certainly is, not
//! deprived if no member can be, and unknown otherwise. Ages are exact at the assessment date;
//! partial birth dates leave an indicator unknown only when the age range straddles its threshold.

use super::explanation::{FactValue, Interp, Reason, UsedInterpretations};
use super::household::*;
use super::result::{Indicator, IndicatorStatus};
use super::rules::{rules, Thresholds};
use super::tri::{AnswerPath, CountRange, Tri};
use super::validate::{ValidHousehold, ValidMember};

/// One indicator's outcome for a household.
#[derive(Debug, Clone)]
pub(crate) struct IndicatorEval {
    pub indicator: Indicator,
    pub status: Tri,
    pub reasons: Vec<Reason>,
    /// Unknown answers behind an unknown status.
    pub unknown: Vec<AnswerPath>,
}

impl IndicatorEval {
    fn new(indicator: Indicator) -> Self {
        IndicatorEval {
            indicator,
            status: Tri::No,
            reasons: Vec::new(),
            unknown: Vec::new(),
        }
    }
    /// Records a member's contribution (OR across members).
    fn member(
        &mut self,
        status: Tri,
        reason: impl FnOnce() -> Reason,
        unknown: impl FnOnce(&mut Vec<AnswerPath>),
    ) {
        self.status = self.status.or(status);
        match status {
            Tri::No => {}
            Tri::Yes => self.reasons.push(reason()),
            Tri::Unknown => {
                self.reasons.push(reason());
                unknown(&mut self.unknown);
            }
        }
    }
}

/// Converts a tri-state into the public status.
pub(crate) fn status_of(t: Tri) -> IndicatorStatus {
    match t {
        Tri::Yes => IndicatorStatus::Deprived,
        Tri::No => IndicatorStatus::NotDeprived,
        Tri::Unknown => IndicatorStatus::Unknown,
    }
}

fn reason(
    member: Option<usize>,
    fact: &'static str,
    value: FactValue,
    threshold: Option<FactValue>,
    effect: Tri,
    rule: &'static str,
) -> Reason {
    Reason {
        member: member.map(|m| m as u16),
        fact,
        value,
        threshold,
        effect: status_of(effect),
        rule,
    }
}

fn age_value(m: &ValidMember) -> FactValue {
    if m.age.min_years() == m.age.max_years() {
        FactValue::Int(m.age.min_years() as i64)
    } else {
        FactValue::Range {
            min: m.age.min_years() as i64,
            max: m.age.max_years() as i64,
        }
    }
}

fn key_or_unknown<T>(v: Option<T>, key: impl Fn(T) -> &'static str) -> FactValue {
    v.map_or(FactValue::Unknown, |v| FactValue::Key(key(v)))
}

fn push_if(unknown: &mut Vec<AnswerPath>, t: Tri, path: AnswerPath) {
    if t.is_unknown() {
        unknown.push(path);
    }
}

/// Evaluates every indicator of the household's edition.
pub(crate) fn evaluate(v: &ValidHousehold, used: &mut UsedInterpretations) -> Vec<IndicatorEval> {
    let t = v.thresholds;
    v.edition
        .indicator_set
        .iter()
        .map(|&indicator| match indicator {
            Indicator::Employment => employment(v, t, used),
            Indicator::Dependants => dependants(v, t),
            Indicator::Nutrition => nutrition(v, t, used),
            Indicator::HealthInsurance => health_insurance(v, t),
            Indicator::AdultEducation => adult_education(v, t, used),
            Indicator::ChildSchooling => child_schooling(v, t, used),
            Indicator::HousingQuality => housing_quality(v, t, used),
            Indicator::HousingArea => housing_area(v, t),
            Indicator::Water => water(v),
            Indicator::Sanitation => sanitation(v, used),
            Indicator::Internet => internet(v),
            Indicator::InformationDevices => information_devices(v),
            Indicator::Waste => waste(v, used),
        })
        .collect()
}

/// 1. A member aged 15+ without a job, or working for wages without a labour contract.
fn employment(v: &ValidHousehold, t: &Thresholds, used: &mut UsedInterpretations) -> IndicatorEval {
    let mut e = IndicatorEval::new(Indicator::Employment);
    for (i, m) in v.members.iter().enumerate() {
        let asked = m.age.years_at_least(t.employment_min_age);
        if asked == Tri::No {
            continue;
        }
        let unemployed = Tri::test(m.work_status, |w| w == WorkStatus::Unemployed);
        let no_contract = m
            .is_asked_job_columns(t)
            .and(Tri::test(m.wage_contract, |c| {
                c == WageContract::WithoutContract
            }));
        if no_contract.is_yes() {
            used.mark(Interp::EmploymentWithoutContract);
        }
        let status = asked.and(unemployed.or(no_contract));
        e.member(
            status,
            || {
                if unemployed.is_yes()
                    || (!no_contract.is_yes() && !unemployed.is_yes() && m.work_status.is_none())
                {
                    reason(
                        Some(i),
                        "work_status",
                        key_or_unknown(m.work_status, WorkStatus::key),
                        None,
                        status,
                        "employment_min_age",
                    )
                } else if no_contract.is_yes() || no_contract.is_unknown() {
                    reason(
                        Some(i),
                        "wage_contract",
                        key_or_unknown(m.wage_contract, WageContract::key),
                        None,
                        status,
                        "employment_wage_without_contract",
                    )
                } else {
                    reason(
                        Some(i),
                        "age_years",
                        age_value(m),
                        Some(FactValue::Int(t.employment_min_age as i64)),
                        status,
                        "employment_min_age",
                    )
                }
            },
            |u| {
                push_if(u, asked, AnswerPath::Member(i as u16, "birth_date"));
                push_if(u, unemployed, AnswerPath::Member(i as u16, "work_status"));
                push_if(
                    u,
                    no_contract,
                    AnswerPath::Member(i as u16, "wage_contract"),
                );
            },
        );
    }
    e
}

/// Whether a member is a dependant: a child under 16, or receiving a monthly social allowance as
/// an elderly person or a person with disability.
pub(crate) fn is_dependant(m: &ValidMember, t: &Thresholds) -> Tri {
    m.age
        .years_at_least(t.dependant_child_under_age)
        .not()
        .or(Tri::test(m.monthly_social_allowance, |a| {
            matches!(a, SocialAllowance::Elderly | SocialAllowance::Disability)
        }))
}

/// 2. Dependants are more than 50 % of members.
fn dependants(v: &ValidHousehold, t: &Thresholds) -> IndicatorEval {
    let mut e = IndicatorEval::new(Indicator::Dependants);
    let mut count = CountRange::default();
    for (i, m) in v.members.iter().enumerate() {
        let d = is_dependant(m, t);
        count.add(d);
        if d.is_unknown() {
            e.unknown.push(AnswerPath::Member(i as u16, "birth_date"));
            if m.monthly_social_allowance.is_none() {
                e.unknown
                    .push(AnswerPath::Member(i as u16, "monthly_social_allowance"));
            }
        }
    }
    let n = v.n_members() as i64;
    let share = t.dependants_max_share_percent;
    let over = |k: u32| 100 * k as i64 > share * n;
    e.status = if over(count.lo) {
        Tri::Yes
    } else if !over(count.hi) {
        Tri::No
    } else {
        Tri::Unknown
    };
    if !e.status.is_unknown() {
        e.unknown.clear();
    }
    let value = if count.is_exact() {
        FactValue::Int(count.lo as i64)
    } else {
        FactValue::Range {
            min: count.lo as i64,
            max: count.hi as i64,
        }
    };
    e.reasons.push(reason(
        None,
        "dependants",
        value,
        None,
        e.status,
        "dependant_child_under_age",
    ));
    e.reasons.push(reason(
        None,
        "members",
        FactValue::Int(n),
        Some(FactValue::Int(share)),
        e.status,
        "dependants_max_share_percent",
    ));
    e
}

/// 3. A child under 16 stunted, or under 10 underweight (Mẫu 3.11); a health worker's finding
/// overrides measurements.
fn nutrition(v: &ValidHousehold, t: &Thresholds, used: &mut UsedInterpretations) -> IndicatorEval {
    let mut e = IndicatorEval::new(Indicator::Nutrition);
    let stunting_limit = t.nutrition_stunting_under_months;
    for (i, m) in v.members.iter().enumerate() {
        let child = m.age.months_at_least(stunting_limit).not();
        if child == Tri::No {
            continue;
        }
        let member = i as u16;
        if let Some(finding) = m.malnourished {
            let status = child.and(Tri::from_bool(finding));
            e.member(
                status,
                || {
                    reason(
                        Some(i),
                        "malnourished",
                        FactValue::Bool(finding),
                        None,
                        status,
                        "nutrition_stunting_under_months",
                    )
                },
                |u| u.push(AnswerPath::Member(member, "birth_date")),
            );
            continue;
        }
        used.mark(Interp::NutritionRow);
        // Evaluate over every possible age in months (one value for a full birth date) and sex.
        let mut status: Option<Tri> = None;
        let mut deciding: Option<(&'static str, f64, f64)> = None;
        let last = m.age.max_months.min(stunting_limit - 1);
        for months in m.age.min_months.max(0)..=last {
            for sex in [Sex::Male, Sex::Female] {
                if m.sex.is_some_and(|s| s != sex) {
                    continue;
                }
                let (s, d) = nutrition_at(m, months, sex, t);
                if deciding.is_none() {
                    deciding = d;
                }
                status = Some(status.map_or(s, |old| old.join(s)));
            }
        }
        let mut status = status.unwrap_or(Tri::No);
        if child.is_unknown() {
            status = status.join(Tri::No);
        }
        e.member(
            status,
            || match deciding {
                Some((fact, value, cutoff)) => reason(
                    Some(i),
                    fact,
                    FactValue::Number(value),
                    Some(FactValue::Number(cutoff)),
                    status,
                    "nutrition_row_largest_age_not_above",
                ),
                None => reason(
                    Some(i),
                    "height_cm",
                    FactValue::Unknown,
                    None,
                    status,
                    "nutrition_stunting_under_months",
                ),
            },
            |u| {
                u.push(AnswerPath::Member(member, "malnourished"));
                if m.height_cm.is_none() {
                    u.push(AnswerPath::Member(member, "height_cm"));
                }
                if m.weight_kg.is_none() && m.age.min_months < t.nutrition_underweight_under_months
                {
                    u.push(AnswerPath::Member(member, "weight_kg"));
                }
                if m.sex.is_none() {
                    u.push(AnswerPath::Member(member, "sex"));
                }
                if !m.age.is_exact {
                    u.push(AnswerPath::Member(member, "birth_date"));
                }
            },
        );
    }
    e
}

/// Stunting/underweight of a child of `months` months and `sex`: the status and, when a
/// measurement is below its cut-off (or else the height checked), the fact, value and cut-off.
fn nutrition_at(
    m: &ValidMember,
    months: i32,
    sex: Sex,
    t: &Thresholds,
) -> (Tri, Option<(&'static str, f64, f64)>) {
    let r = rules();
    let row =
        &r.nutrition_cutoffs[r.compiled.nutrition_row[months.clamp(0, 192) as usize] as usize];
    let girl = sex == Sex::Female;
    let height_cut = if girl {
        row.height_cm_girl
    } else {
        row.height_cm_boy
    };
    let weight_cut = if girl {
        row.weight_kg_girl
    } else {
        row.weight_kg_boy
    };
    let stunted = match (m.height_cm, height_cut) {
        (Some(h), Some(c)) => Tri::from_bool(h < c),
        (None, Some(_)) => Tri::Unknown,
        (_, None) => Tri::No,
    };
    let underweight = if months < t.nutrition_underweight_under_months {
        match (m.weight_kg, weight_cut) {
            (Some(w), Some(c)) => Tri::from_bool(w < c),
            (None, Some(_)) => Tri::Unknown,
            (_, None) => Tri::No,
        }
    } else {
        Tri::No
    };
    let deciding = match (m.height_cm, height_cut, m.weight_kg, weight_cut) {
        (Some(h), Some(c), _, _) if stunted.is_yes() => Some(("height_cm", h, c)),
        (_, _, Some(w), Some(c)) if underweight.is_yes() => Some(("weight_kg", w, c)),
        (Some(h), Some(c), _, _) => Some(("height_cm", h, c)),
        _ => None,
    };
    (stunted.or(underweight), deciding)
}

/// 4. A member aged 6+ without health insurance, not counting state-funded groups.
fn health_insurance(v: &ValidHousehold, t: &Thresholds) -> IndicatorEval {
    let mut e = IndicatorEval::new(Indicator::HealthInsurance);
    for (i, m) in v.members.iter().enumerate() {
        let asked = m.age.years_at_least(t.health_insurance_min_age);
        let uninsured = Tri::from_opt(m.health_insurance).not();
        let state_funded = Tri::from_opt(m.state_funded_insurance);
        let status = asked.and(uninsured).and(state_funded.not());
        e.member(
            status,
            || {
                let fact = if state_funded.is_unknown() && uninsured.is_yes() {
                    "state_funded_insurance"
                } else {
                    "health_insurance"
                };
                let value = if fact == "health_insurance" {
                    m.health_insurance
                        .map_or(FactValue::Unknown, FactValue::Bool)
                } else {
                    FactValue::Unknown
                };
                reason(
                    Some(i),
                    fact,
                    value,
                    Some(FactValue::Int(t.health_insurance_min_age as i64)),
                    status,
                    "health_insurance_min_age",
                )
            },
            |u| {
                push_if(u, asked, AnswerPath::Member(i as u16, "birth_date"));
                push_if(
                    u,
                    uninsured,
                    AnswerPath::Member(i as u16, "health_insurance"),
                );
                push_if(
                    u,
                    state_funded,
                    AnswerPath::Member(i as u16, "state_funded_insurance"),
                );
            },
        );
    }
    e
}

/// Whether a member is studying (in school or a course, or work status "studying").
fn is_studying(m: &ValidMember) -> Tri {
    Tri::from_opt(m.in_school).or(Tri::test(m.work_status, |w| w == WorkStatus::Studying))
}

/// 5. A member aged 16 to under 30, not studying, without the qualification for their age.
fn adult_education(
    v: &ValidHousehold,
    t: &Thresholds,
    used: &mut UsedInterpretations,
) -> IndicatorEval {
    let mut e = IndicatorEval::new(Indicator::AdultEducation);
    for (i, m) in v.members.iter().enumerate() {
        let young = m.age.years_between(
            t.adult_education_min_age,
            t.adult_education_upper_secondary_from_age,
        );
        let older = m.age.years_between(
            t.adult_education_upper_secondary_from_age,
            t.adult_education_under_age,
        );
        if young == Tri::No && older == Tri::No {
            continue;
        }
        used.mark(Interp::AdultEducationQualification);
        let studying = is_studying(m);
        if m.work_status == Some(WorkStatus::Studying) && m.in_school != Some(true) {
            used.mark(Interp::StudyingWorkStatus);
        }
        let vocational = Tri::test(m.vocational_training, |v| v != VocationalTraining::None);
        let lower_ok = Tri::test(m.general_education, |g| {
            g >= GeneralEducation::LowerSecondary
        })
        .or(vocational);
        let upper_ok = Tri::test(m.general_education, |g| {
            g >= GeneralEducation::UpperSecondary
        })
        .or(vocational);
        let lacking = young.and(lower_ok.not()).or(older.and(upper_ok.not()));
        let status = studying.not().and(lacking);
        e.member(
            status,
            || {
                let value = key_or_unknown(m.general_education, GeneralEducation::key);
                reason(
                    Some(i),
                    "general_education",
                    value,
                    Some(age_value(m)),
                    status,
                    "adult_education_qualification",
                )
            },
            |u| {
                let p = |f| AnswerPath::Member(i as u16, f);
                if young.is_unknown() || older.is_unknown() {
                    u.push(p("birth_date"));
                }
                push_if(u, studying, p("in_school"));
                if lacking.is_unknown() {
                    if m.general_education.is_none() {
                        u.push(p("general_education"));
                    }
                    if m.vocational_training.is_none() {
                        u.push(p("vocational_training"));
                    }
                }
            },
        );
    }
    e
}

/// The rank of the school level that fits a school age (0 preschool … 3 upper secondary).
fn fitting_rank(school_age: i32, t: &Thresholds) -> i8 {
    if school_age >= t.school_age_upper_secondary {
        3
    } else if school_age >= t.school_age_lower_secondary {
        2
    } else if school_age >= t.school_age_primary {
        1
    } else {
        0
    }
}

/// 6. A child aged 3 to under 16 not attending school at the level that fits their school age.
fn child_schooling(
    v: &ValidHousehold,
    t: &Thresholds,
    used: &mut UsedInterpretations,
) -> IndicatorEval {
    let mut e = IndicatorEval::new(Indicator::ChildSchooling);
    for (i, m) in v.members.iter().enumerate() {
        let child = m
            .age
            .years_between(t.child_schooling_min_age, t.child_schooling_under_age);
        if child == Tri::No {
            continue;
        }
        used.mark(Interp::ChildSchoolingSchoolAge);
        let attends = Tri::from_opt(m.in_school);
        let (lo, hi) = m.age.school_age(v.assessed_on, t.school_year_start_month);
        let (lo, hi) = (lo.clamp(0, 20), hi.clamp(0, 20));
        let rank = m
            .school_level
            .map(|l| rules().compiled.school_rank[l as usize]);
        if rank.is_some() {
            used.mark(Interp::SchoolLevelRank);
        }
        let mut below: Option<Tri> = None;
        for school_age in lo..=hi {
            let b = rank.map_or(Tri::Unknown, |r| {
                Tri::from_bool(r < fitting_rank(school_age, t))
            });
            below = Some(below.map_or(b, |old| old.join(b)));
        }
        let below = below.unwrap_or(Tri::Unknown);
        let status = child.and(attends.not().or(attends.and(below)));
        e.member(
            status,
            || {
                if attends == Tri::No || m.in_school.is_none() {
                    reason(
                        Some(i),
                        "in_school",
                        m.in_school.map_or(FactValue::Unknown, FactValue::Bool),
                        Some(age_value(m)),
                        status,
                        "child_schooling_min_age",
                    )
                } else {
                    let fits = if lo == hi {
                        FactValue::Int(fitting_rank(lo, t) as i64)
                    } else {
                        FactValue::Range {
                            min: fitting_rank(lo, t) as i64,
                            max: fitting_rank(hi, t) as i64,
                        }
                    };
                    reason(
                        Some(i),
                        "school_level",
                        key_or_unknown(m.school_level, SchoolLevel::key),
                        Some(fits),
                        status,
                        "child_schooling_school_age",
                    )
                }
            },
            |u| {
                let p = |f| AnswerPath::Member(i as u16, f);
                if child.is_unknown() || (lo != hi && below.is_unknown()) {
                    u.push(p("birth_date"));
                }
                push_if(u, attends, p("in_school"));
                if attends != Tri::No && m.school_level.is_none() {
                    u.push(p("school_level"));
                }
            },
        );
    }
    e
}

/// Whether the wall is non-durable.
pub(crate) fn wall_non_durable(wall: Option<Wall>) -> Tri {
    Tri::test(wall, |w| w == Wall::Other)
}

/// Whether the column is non-durable; a house without columns counts the load-bearing wall.
pub(crate) fn column_non_durable(column: Option<Column>, wall: Option<Wall>) -> Tri {
    match column {
        Some(Column::None) => wall_non_durable(wall),
        other => Tri::test(other, |c| c == Column::Other),
    }
}

/// 7. At least 2 of the 3 main parts (wall, column, roof) non-durable.
fn housing_quality(
    v: &ValidHousehold,
    t: &Thresholds,
    used: &mut UsedInterpretations,
) -> IndicatorEval {
    let mut e = IndicatorEval::new(Indicator::HousingQuality);
    let h = &v.housing;
    if h.column == Some(Column::None) {
        used.mark(Interp::ColumnNoneUsesWall);
    }
    let parts = [
        (
            "housing.wall",
            wall_non_durable(h.wall),
            key_or_unknown(h.wall, Wall::key),
        ),
        (
            "housing.column",
            column_non_durable(h.column, h.wall),
            key_or_unknown(h.column, Column::key),
        ),
        (
            "housing.roof",
            Tri::test(h.roof, |r| r == Roof::Other),
            key_or_unknown(h.roof, Roof::key),
        ),
    ];
    let mut count = CountRange::default();
    for (_, nd, _) in &parts {
        count.add(*nd);
    }
    e.status = count.at_least(t.housing_quality_min_non_durable_parts as u32);
    for (path, nd, value) in parts {
        let fact = &path["housing.".len()..];
        e.reasons.push(reason(
            None,
            fact,
            value,
            None,
            nd,
            "housing_quality_min_non_durable_parts",
        ));
        if e.status.is_unknown() && nd.is_unknown() {
            e.unknown.push(AnswerPath::Field(path));
            if path == "housing.column" && h.column == Some(Column::None) {
                e.unknown.push(AnswerPath::Field("housing.wall"));
            }
        }
    }
    e.unknown.dedup();
    e
}

/// 8. Living area per person under 8 m² (compared as area < 8 × members).
fn housing_area(v: &ValidHousehold, t: &Thresholds) -> IndicatorEval {
    let mut e = IndicatorEval::new(Indicator::HousingArea);
    let n = v.n_members() as f64;
    let min = t.housing_area_min_per_person_m2;
    e.status = Tri::test(v.housing.living_area_m2, |a| a < min * n);
    let value = v
        .housing
        .living_area_m2
        .map_or(FactValue::Unknown, |a| FactValue::Number(a / n));
    e.reasons.push(reason(
        None,
        "living_area_per_person_m2",
        value,
        Some(FactValue::Number(min)),
        e.status,
        "housing_area_min_per_person_m2",
    ));
    if e.status.is_unknown() {
        e.unknown.push(AnswerPath::Field("housing.living_area_m2"));
    }
    e
}

/// 9. No clean water source.
fn water(v: &ValidHousehold) -> IndicatorEval {
    let mut e = IndicatorEval::new(Indicator::Water);
    e.status = Tri::test(v.water, |w| w == Water::Other);
    e.reasons.push(reason(
        None,
        "water",
        key_or_unknown(v.water, Water::key),
        None,
        e.status,
        "water",
    ));
    if e.status.is_unknown() {
        e.unknown.push(AnswerPath::Field("water"));
    }
    e
}

/// 10. No hygienic latrine.
fn sanitation(v: &ValidHousehold, used: &mut UsedInterpretations) -> IndicatorEval {
    let mut e = IndicatorEval::new(Indicator::Sanitation);
    if v.latrine == Some(Latrine::PourFlushVipPitDoubleVault) {
        used.mark(Interp::PitLatrineWithSeat);
    }
    e.status = Tri::test(v.latrine, |l| l == Latrine::Other);
    e.reasons.push(reason(
        None,
        "latrine",
        key_or_unknown(v.latrine, Latrine::key),
        None,
        e.status,
        "pit_latrine_with_seat_hygienic",
    ));
    if e.status.is_unknown() {
        e.unknown.push(AnswerPath::Field("latrine"));
    }
    e
}

/// 11. No member uses the internet.
fn internet(v: &ValidHousehold) -> IndicatorEval {
    let mut e = IndicatorEval::new(Indicator::Internet);
    let mut anyone = Tri::No;
    for m in &v.members {
        anyone = anyone.or(Tri::from_opt(m.uses_internet));
    }
    e.status = anyone.not();
    let users = v
        .members
        .iter()
        .filter(|m| m.uses_internet == Some(true))
        .count();
    e.reasons.push(reason(
        None,
        "members_using_internet",
        FactValue::Int(users as i64),
        None,
        e.status,
        "internet",
    ));
    if e.status.is_unknown() {
        for (i, m) in v.members.iter().enumerate() {
            if m.uses_internet.is_none() {
                e.unknown
                    .push(AnswerPath::Member(i as u16, "uses_internet"));
            }
        }
    }
    e
}

/// 12. None of TV, radio, computer/tablet, phone.
fn information_devices(v: &ValidHousehold) -> IndicatorEval {
    let mut e = IndicatorEval::new(Indicator::InformationDevices);
    let a = &v.assets;
    let devices = [
        ("assets.colour_tv", a.colour_tv),
        ("assets.radio", a.radio),
        ("assets.computer_or_tablet", a.computer_or_tablet),
        ("assets.phone", a.phone),
    ];
    let mut any = Tri::No;
    for (_, n) in devices {
        any = any.or(Tri::test(n, |n| n > 0));
    }
    e.status = any.not();
    let owned: u32 = devices.iter().filter_map(|(_, n)| *n).sum();
    e.reasons.push(reason(
        None,
        "information_devices",
        FactValue::Int(owned as i64),
        None,
        e.status,
        "information_devices",
    ));
    if e.status.is_unknown() {
        for (path, n) in devices {
            if n.is_none() {
                e.unknown.push(AnswerPath::Field(path));
            }
        }
    }
    e
}

/// 2027-2030 (provisional): domestic waste neither collected nor treated on site.
fn waste(v: &ValidHousehold, used: &mut UsedInterpretations) -> IndicatorEval {
    let mut e = IndicatorEval::new(Indicator::Waste);
    used.mark(Interp::WasteOther);
    e.status = Tri::test(v.waste, |w| w == Waste::Other);
    e.reasons.push(reason(
        None,
        "waste",
        key_or_unknown(v.waste, Waste::key),
        None,
        e.status,
        "waste_other_is_deprived",
    ));
    if e.status.is_unknown() {
        e.unknown.push(AnswerPath::Field("waste"));
    }
    e
}
