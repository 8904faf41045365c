//! The deprivation indicators (Phiếu B2, standard.md §2.4), each computed from member-level answers
//! with Kleene logic across members: a household is deprived if some member certainly is, not
//! deprived if no member can be, and unknown otherwise. Ages are exact at the assessment date;
//! partial birth dates leave an indicator unknown only when the age range straddles its threshold.

use super::explanation::{FactValue, Interp, Reason, ReasonSink, UsedInterpretations};
use super::household::*;
use super::result::{Indicator, IndicatorStatus};
use super::tri::{AnswerPath, CountRange, Tri};
use super::validate::{ValidHousehold, ValidMember};
use crate::rules::{rules, Thresholds};

/// One indicator's outcome for a household. Its reasons are in the assessment's shared list
/// (one allocation for all indicators).
#[derive(Debug, Clone)]
pub(crate) struct IndicatorEval {
    pub indicator: Indicator,
    pub status: Tri,
    /// Unknown answers behind an unknown status.
    pub unknown: Vec<AnswerPath>,
}

/// Builds one indicator's outcome, writing its reasons into the shared sink (a list when the
/// explanation is wanted, nothing when only the result record is).
struct Eval<'a, R: ReasonSink> {
    indicator: Indicator,
    status: Tri,
    reasons: &'a mut R,
    unknown: Vec<AnswerPath>,
}

impl<'a, R: ReasonSink> Eval<'a, R> {
    fn new(indicator: Indicator, reasons: &'a mut R) -> Self {
        Eval {
            indicator,
            status: Tri::No,
            reasons,
            unknown: Vec::new(),
        }
    }
    fn push(&mut self, mut reason: Reason) {
        if R::KEEPS {
            reason.indicator = self.indicator;
            reason.reference = &rules().indicator(self.indicator).reference;
            self.reasons.add(reason);
        }
    }
    fn finish(self) -> IndicatorEval {
        IndicatorEval {
            indicator: self.indicator,
            status: self.status,
            unknown: self.unknown,
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
        // The reason is only made when it is kept.
        match status {
            Tri::No => {}
            Tri::Yes if R::KEEPS => self.push(reason()),
            Tri::Yes => {}
            Tri::Unknown => {
                if R::KEEPS {
                    self.push(reason());
                }
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
        // Indicator and reference are set by `Eval::push`.
        indicator: Indicator::Employment,
        reference: rules().b1_reference(),
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

/// The outcomes of an edition's indicators, in its order: at most every indicator, kept inline
/// (one fewer allocation per household of a batch). Reads as a slice.
pub(crate) struct IndicatorEvals {
    items: [IndicatorEval; Indicator::ALL.len()],
    len: usize,
}

impl std::ops::Deref for IndicatorEvals {
    type Target = [IndicatorEval];
    fn deref(&self) -> &[IndicatorEval] {
        &self.items[..self.len]
    }
}

impl<'a> IntoIterator for &'a IndicatorEvals {
    type Item = &'a IndicatorEval;
    type IntoIter = std::slice::Iter<'a, IndicatorEval>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// Evaluates every indicator of the household's edition.
pub(crate) fn evaluate(
    v: &ValidHousehold,
    used: &mut UsedInterpretations,
    reasons: &mut impl ReasonSink,
) -> IndicatorEvals {
    let t = v.thresholds;
    let mut out = IndicatorEvals {
        items: std::array::from_fn(|_| IndicatorEval {
            indicator: Indicator::Employment,
            status: Tri::No,
            unknown: Vec::new(),
        }),
        len: 0,
    };
    for (place, &indicator) in out.items.iter_mut().zip(v.edition.indicator_set.iter()) {
        *place = match indicator {
            Indicator::Employment => employment(v, t, used, reasons),
            Indicator::Dependants => dependants(v, t, reasons),
            Indicator::Nutrition => nutrition(v, t, used, reasons),
            Indicator::HealthInsurance => health_insurance(v, t, reasons),
            Indicator::AdultEducation => adult_education(v, t, used, reasons),
            Indicator::ChildSchooling => child_schooling(v, t, used, reasons),
            Indicator::HousingQuality => housing_quality(v, t, used, reasons),
            Indicator::HousingArea => housing_area(v, t, reasons),
            Indicator::Water => water(v, reasons),
            Indicator::Sanitation => sanitation(v, used, reasons),
            Indicator::Internet => internet(v, reasons),
            Indicator::InformationDevices => information_devices(v, reasons),
            Indicator::Waste => waste(v, used, reasons),
        };
        out.len += 1;
    }
    out
}

/// Indicator 1: A member aged 15+ without a job, or working for wages without a labour contract.
fn employment(
    v: &ValidHousehold,
    t: &Thresholds,
    used: &mut UsedInterpretations,
    reasons: &mut impl ReasonSink,
) -> IndicatorEval {
    let mut e = Eval::new(Indicator::Employment, reasons);
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
    e.finish()
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

/// Indicator 2: Dependants are more than 50 % of members.
fn dependants(v: &ValidHousehold, t: &Thresholds, reasons: &mut impl ReasonSink) -> IndicatorEval {
    let mut e = Eval::new(Indicator::Dependants, reasons);
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
    e.push(reason(
        None,
        "dependants",
        value,
        None,
        e.status,
        "dependant_child_under_age",
    ));
    e.push(reason(
        None,
        "members",
        FactValue::Int(n),
        Some(FactValue::Int(share)),
        e.status,
        "dependants_max_share_percent",
    ));
    e.finish()
}

/// Indicator 3: A child under 16 stunted, or under 10 underweight (Mẫu 3.11); a health worker's finding
/// overrides measurements.
fn nutrition(
    v: &ValidHousehold,
    t: &Thresholds,
    used: &mut UsedInterpretations,
    reasons: &mut impl ReasonSink,
) -> IndicatorEval {
    let mut e = Eval::new(Indicator::Nutrition, reasons);
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
        // No measurement: no age gives a deciding measurement, so once the status is unknown
        // nothing later changes the outcome.
        let never_decides = m.height_cm.is_none() && m.weight_kg.is_none();
        'ages: for months in m.age.min_months.max(0)..=last {
            for sex in [Sex::Male, Sex::Female] {
                if m.sex.is_some_and(|s| s != sex) {
                    continue;
                }
                let (s, d) = nutrition_at(m, months, sex, t);
                if deciding.is_none() {
                    deciding = d;
                }
                let joined = status.map_or(s, |old| old.join(s));
                status = Some(joined);
                // An unknown status stays unknown whatever the other ages give, and the deciding
                // measurement is the first one found: the rest of the ages (up to 192 months
                // times both sexes for an unknown birth date) cannot change either.
                if joined == Tri::Unknown && (deciding.is_some() || never_decides) {
                    break 'ages;
                }
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
    e.finish()
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
        row.height_cm_girl()
    } else {
        row.height_cm_boy()
    };
    let weight_cut = if girl {
        row.weight_kg_girl()
    } else {
        row.weight_kg_boy()
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

/// Indicator 4: A member aged 6+ without health insurance, not counting state-funded groups.
fn health_insurance(
    v: &ValidHousehold,
    t: &Thresholds,
    reasons: &mut impl ReasonSink,
) -> IndicatorEval {
    let mut e = Eval::new(Indicator::HealthInsurance, reasons);
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
    e.finish()
}

/// Whether a member is studying (in school or a course, or work status "studying").
fn is_studying(m: &ValidMember) -> Tri {
    Tri::from_opt(m.in_school).or(Tri::test(m.work_status, |w| w == WorkStatus::Studying))
}

/// Indicator 5: A member aged 16 to under 30, not studying, without the qualification for their age.
fn adult_education(
    v: &ValidHousehold,
    t: &Thresholds,
    used: &mut UsedInterpretations,
    reasons: &mut impl ReasonSink,
) -> IndicatorEval {
    let mut e = Eval::new(Indicator::AdultEducation, reasons);
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
    e.finish()
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

/// Indicator 6: A child aged 3 to under 16 not attending school at the level that fits their school age.
fn child_schooling(
    v: &ValidHousehold,
    t: &Thresholds,
    used: &mut UsedInterpretations,
    reasons: &mut impl ReasonSink,
) -> IndicatorEval {
    let mut e = Eval::new(Indicator::ChildSchooling, reasons);
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
            let joined = below.map_or(b, |old| old.join(b));
            below = Some(joined);
            // Unknown stays unknown whatever the other school ages give.
            if joined == Tri::Unknown {
                break;
            }
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
    e.finish()
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

/// Indicator 7: At least 2 of the 3 main parts (wall, column, roof) non-durable.
fn housing_quality(
    v: &ValidHousehold,
    t: &Thresholds,
    used: &mut UsedInterpretations,
    reasons: &mut impl ReasonSink,
) -> IndicatorEval {
    let mut e = Eval::new(Indicator::HousingQuality, reasons);
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
        e.push(reason(
            None,
            fact,
            value,
            None,
            nd,
            "housing_quality_min_non_durable_parts",
        ));
        if e.status.is_unknown() && nd.is_unknown() {
            // A house without columns counts its wall: the wall is the unknown answer then.
            let unknown = if path == "housing.column" && h.column == Some(Column::None) {
                "housing.wall"
            } else {
                path
            };
            if !e.unknown.contains(&AnswerPath::Field(unknown)) {
                e.unknown.push(AnswerPath::Field(unknown));
            }
        }
    }
    e.finish()
}

/// Indicator 8: Living area per person under 8 m² (compared as area < 8 × members).
fn housing_area(
    v: &ValidHousehold,
    t: &Thresholds,
    reasons: &mut impl ReasonSink,
) -> IndicatorEval {
    let mut e = Eval::new(Indicator::HousingArea, reasons);
    let n = v.n_members() as f64;
    let min = t.housing_area_min_per_person_m2;
    e.status = Tri::test(v.housing.living_area_m2, |a| a < min * n);
    let value = v
        .housing
        .living_area_m2
        .map_or(FactValue::Unknown, |a| FactValue::Number(a / n));
    e.push(reason(
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
    e.finish()
}

/// Indicator 9: No clean water source.
fn water(v: &ValidHousehold, reasons: &mut impl ReasonSink) -> IndicatorEval {
    let mut e = Eval::new(Indicator::Water, reasons);
    e.status = Tri::test(v.water, |w| w == Water::Other);
    e.push(reason(
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
    e.finish()
}

/// Indicator 10: No hygienic latrine.
fn sanitation(
    v: &ValidHousehold,
    used: &mut UsedInterpretations,
    reasons: &mut impl ReasonSink,
) -> IndicatorEval {
    let mut e = Eval::new(Indicator::Sanitation, reasons);
    if v.latrine == Some(Latrine::PourFlushVipPitDoubleVault) {
        used.mark(Interp::PitLatrineWithSeat);
    }
    e.status = Tri::test(v.latrine, |l| l == Latrine::Other);
    e.push(reason(
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
    e.finish()
}

/// Indicator 11: No member uses the internet.
fn internet(v: &ValidHousehold, reasons: &mut impl ReasonSink) -> IndicatorEval {
    let mut e = Eval::new(Indicator::Internet, reasons);
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
    e.push(reason(
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
    e.finish()
}

/// Indicator 12: None of TV, radio, computer/tablet, phone.
fn information_devices(v: &ValidHousehold, reasons: &mut impl ReasonSink) -> IndicatorEval {
    let mut e = Eval::new(Indicator::InformationDevices, reasons);
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
    e.push(reason(
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
    e.finish()
}

/// 2027-2030 (provisional): domestic waste neither collected nor treated on site.
fn waste(
    v: &ValidHousehold,
    used: &mut UsedInterpretations,
    reasons: &mut impl ReasonSink,
) -> IndicatorEval {
    let mut e = Eval::new(Indicator::Waste, reasons);
    used.mark(Interp::WasteOther);
    e.status = Tri::test(v.waste, |w| w == Waste::Other);
    e.push(reason(
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
    e.finish()
}

#[cfg(test)]
mod tests {
    use crate::testing::members;
    use crate::{Assessment, Indicator, IndicatorStatus};
    use serde_json::json;
    use IndicatorStatus::*;

    fn status(a: &Assessment, i: Indicator) -> IndicatorStatus {
        a.result.indicators[&i]
    }

    fn adult() -> serde_json::Value {
        json!({})
    }

    #[test]
    fn health_insurance_counts_from_the_sixth_birthday() {
        let child = |birth: &str| json!({"birth_date": birth, "health_insurance": false, "state_funded_insurance": false, "work_status": null, "in_school": true, "school_level": "primary", "height_cm": 120, "weight_kg": 25});
        let a = members("2026-06-14", &[adult(), child("2020-06-15")], |_| {});
        assert_eq!(status(&a, Indicator::HealthInsurance), NotDeprived);
        let a = members("2026-06-15", &[adult(), child("2020-06-15")], |_| {});
        assert_eq!(status(&a, Indicator::HealthInsurance), Deprived);
        let r: Vec<_> = a
            .explanation
            .reasons_for(Indicator::HealthInsurance)
            .collect();
        assert_eq!((r[0].member, r[0].fact), (Some(1), "health_insurance"));
        // A year of birth only: 5 or 6 on 2026-06-15, so unknown; certainly 6 on 2027-01-01.
        let a = members("2026-06-15", &[adult(), child("2020")], |_| {});
        assert_eq!(status(&a, Indicator::HealthInsurance), Unknown);
        assert!(a.explanation.indicators[3]
            .depends_on
            .contains(&"members[1].birth_date".to_string()));
        let a = members("2027-01-01", &[adult(), child("2020")], |_| {});
        assert_eq!(status(&a, Indicator::HealthInsurance), Deprived);
        // State-funded groups are not counted; an unanswered group leaves it unknown.
        let a = members(
            "2026-06-15",
            &[json!({"health_insurance": false, "state_funded_insurance": true})],
            |_| {},
        );
        assert_eq!(status(&a, Indicator::HealthInsurance), NotDeprived);
        let a = members(
            "2026-06-15",
            &[json!({"health_insurance": false, "state_funded_insurance": null})],
            |_| {},
        );
        assert_eq!(status(&a, Indicator::HealthInsurance), Unknown);
    }

    #[test]
    fn housing_area_under_8_m2_per_person() {
        let a = members("2026-06-15", &[adult(), adult()], |v| {
            v["housing"]["living_area_m2"] = json!(15.9)
        });
        assert_eq!(status(&a, Indicator::HousingArea), Deprived);
        let a = members("2026-06-15", &[adult(), adult()], |v| {
            v["housing"]["living_area_m2"] = json!(16.0)
        });
        assert_eq!(status(&a, Indicator::HousingArea), NotDeprived);
        let a = members("2026-06-15", &[adult()], |v| {
            v["housing"]["living_area_m2"] = json!(7.9)
        });
        assert_eq!(status(&a, Indicator::HousingArea), Deprived);
    }

    #[test]
    fn employment_asks_members_from_15_and_counts_wage_work_without_contract() {
        let teen = |birth: &str| json!({"birth_date": birth, "work_status": "unemployed", "in_school": false});
        let a = members("2026-06-15", &[adult(), teen("2011-06-16")], |_| {});
        assert_eq!(status(&a, Indicator::Employment), NotDeprived);
        let a = members("2026-06-15", &[adult(), teen("2011-06-15")], |_| {});
        assert_eq!(status(&a, Indicator::Employment), Deprived);
        let a = members(
            "2026-06-15",
            &[json!({"wage_contract": "without_contract"})],
            |_| {},
        );
        assert_eq!(status(&a, Indicator::Employment), Deprived);
        assert!(a
            .explanation
            .interpretations
            .contains(&"employment_wage_without_contract"));
        let a = members("2026-06-15", &[json!({"work_status": null})], |_| {});
        assert_eq!(status(&a, Indicator::Employment), Unknown);
        assert_eq!(
            a.explanation.indicators[0].depends_on,
            ["members[0].work_status"]
        );
    }

    #[test]
    fn dependants_must_be_more_than_half() {
        let kid = json!({"birth_date": "2015-01-01", "in_school": true, "school_level": "lower_secondary", "height_cm": 150, "weight_kg": 40});
        let elder = json!({"birth_date": "1940-01-01", "monthly_social_allowance": "elderly"});
        let a = members(
            "2026-06-15",
            &[adult(), adult(), kid.clone(), elder.clone()],
            |_| {},
        );
        assert_eq!(status(&a, Indicator::Dependants), NotDeprived);
        let a = members(
            "2026-06-15",
            &[adult(), adult(), kid.clone(), elder.clone(), kid.clone()],
            |_| {},
        );
        assert_eq!(status(&a, Indicator::Dependants), Deprived);
        // An elderly member without the allowance is not a dependant.
        let a = members(
            "2026-06-15",
            &[adult(), json!({"birth_date": "1940-01-01"})],
            |_| {},
        );
        assert_eq!(status(&a, Indicator::Dependants), NotDeprived);
    }

    #[test]
    fn nutrition_uses_the_cutoff_row_of_the_largest_listed_age() {
        let boy = |birth: &str, h: f64, w: f64| json!({"birth_date": birth, "sex": "male", "height_cm": h, "weight_kg": w, "in_school": false, "health_insurance": true});
        // 24 months: boy's height cut-off 81.0 cm.
        let a = members(
            "2026-06-15",
            &[adult(), boy("2024-06-15", 80.9, 12.0)],
            |_| {},
        );
        assert_eq!(status(&a, Indicator::Nutrition), Deprived);
        let r: Vec<_> = a.explanation.reasons_for(Indicator::Nutrition).collect();
        assert_eq!(
            (r[0].fact, r[0].threshold),
            ("height_cm", Some(crate::FactValue::Number(81.0)))
        );
        let a = members(
            "2026-06-15",
            &[adult(), boy("2024-06-15", 81.0, 12.0)],
            |_| {},
        );
        assert_eq!(status(&a, Indicator::Nutrition), NotDeprived);
        // 14 months uses the 12-month row (71.0 cm), not the 15-month one (74.1 cm).
        let a = members(
            "2026-06-15",
            &[adult(), boy("2025-04-15", 72.0, 9.0)],
            |_| {},
        );
        assert_eq!(status(&a, Indicator::Nutrition), NotDeprived);
        // Under 10 years, weight counts (119 months uses the 114-month row, 22.2 kg); from 10, not.
        let a = members(
            "2026-06-15",
            &[adult(), boy("2016-07-15", 130.0, 22.1)],
            |_| {},
        );
        assert_eq!(status(&a, Indicator::Nutrition), Deprived);
        let a = members(
            "2026-06-15",
            &[adult(), boy("2016-06-15", 130.0, 22.1)],
            |_| {},
        );
        assert_eq!(status(&a, Indicator::Nutrition), NotDeprived);
        // A health worker's finding overrides the measurements.
        let mut child = boy("2024-06-15", 70.0, 7.0);
        child["malnourished"] = json!(false);
        let a = members("2026-06-15", &[adult(), child], |_| {});
        assert_eq!(status(&a, Indicator::Nutrition), NotDeprived);
        // No measurements and no finding: unknown, naming the answers that would settle it.
        let a = members(
            "2026-06-15",
            &[adult(), json!({"birth_date": "2024-06-15", "sex": "male"})],
            |_| {},
        );
        assert_eq!(status(&a, Indicator::Nutrition), Unknown);
        assert_eq!(
            a.explanation.indicators[2].depends_on,
            [
                "members[1].malnourished",
                "members[1].height_cm",
                "members[1].weight_kg"
            ]
        );
        // Aged 16 and over: not a child any more.
        let a = members("2026-06-15", &[boy("2010-06-15", 100.0, 20.0)], |_| {});
        assert_eq!(status(&a, Indicator::Nutrition), NotDeprived);
    }

    #[test]
    fn adult_education_needs_the_qualification_for_the_age() {
        let young = |birth: &str, edu: &str, voc: &str, in_school: bool| json!({"birth_date": birth, "general_education": edu, "vocational_training": voc, "in_school": in_school, "work_status": "working"});
        let a = members(
            "2026-06-15",
            &[young("2009-01-01", "lower_secondary", "none", false)],
            |_| {},
        );
        assert_eq!(status(&a, Indicator::AdultEducation), NotDeprived);
        let a = members(
            "2026-06-15",
            &[young("2008-06-15", "lower_secondary", "none", false)],
            |_| {},
        );
        assert_eq!(status(&a, Indicator::AdultEducation), Deprived);
        let a = members(
            "2026-06-15",
            &[young("2008-06-15", "lower_secondary", "elementary", false)],
            |_| {},
        );
        assert_eq!(status(&a, Indicator::AdultEducation), NotDeprived);
        let a = members(
            "2026-06-15",
            &[young("2008-06-15", "primary", "none", true)],
            |_| {},
        );
        assert_eq!(status(&a, Indicator::AdultEducation), NotDeprived);
        // From 30 the indicator no longer asks.
        let a = members(
            "2026-06-15",
            &[young("1996-06-15", "none", "none", false)],
            |_| {},
        );
        assert_eq!(status(&a, Indicator::AdultEducation), NotDeprived);
        let a = members(
            "2026-06-15",
            &[young("1996-06-16", "none", "none", false)],
            |_| {},
        );
        assert_eq!(status(&a, Indicator::AdultEducation), Deprived);
    }

    #[test]
    fn child_schooling_compares_the_level_with_the_school_age() {
        let child = |birth: &str, level: Option<&str>| json!({"birth_date": birth, "in_school": level.is_some(), "school_level": level, "height_cm": 130, "weight_kg": 30, "health_insurance": true});
        // Born 2019: school age 7 in school year 2026-27 (from September), primary fits.
        let a = members(
            "2026-11-01",
            &[adult(), child("2019-10-01", Some("preschool"))],
            |_| {},
        );
        assert_eq!(status(&a, Indicator::ChildSchooling), Deprived);
        let a = members(
            "2026-11-01",
            &[adult(), child("2019-10-01", Some("primary"))],
            |_| {},
        );
        assert_eq!(status(&a, Indicator::ChildSchooling), NotDeprived);
        // Before September the school year is 2025-26: school age 6, still primary.
        let a = members(
            "2026-08-31",
            &[adult(), child("2020-10-01", Some("preschool"))],
            |_| {},
        );
        assert_eq!(status(&a, Indicator::ChildSchooling), NotDeprived);
        let a = members(
            "2026-09-01",
            &[adult(), child("2020-10-01", Some("preschool"))],
            |_| {},
        );
        assert_eq!(status(&a, Indicator::ChildSchooling), Deprived);
        // From the third birthday a child out of school is deprived; before it, not asked.
        let a = members("2026-06-15", &[adult(), child("2023-06-15", None)], |_| {});
        assert_eq!(status(&a, Indicator::ChildSchooling), Deprived);
        let a = members("2026-06-14", &[adult(), child("2023-06-15", None)], |_| {});
        assert_eq!(status(&a, Indicator::ChildSchooling), NotDeprived);
    }

    #[test]
    fn housing_quality_counts_the_wall_for_missing_columns() {
        let a = members("2026-06-15", &[adult()], |v| {
            v["housing"]["wall"] = json!("other")
        });
        assert_eq!(status(&a, Indicator::HousingQuality), Deprived);
        let a = members("2026-06-15", &[adult()], |v| {
            v["housing"]["wall"] = json!("other");
            v["housing"]["column"] = json!("brick_stone");
        });
        assert_eq!(status(&a, Indicator::HousingQuality), NotDeprived);
        let a = members("2026-06-15", &[adult()], |v| {
            v["housing"]["wall"] = json!(null);
            v["housing"]["roof"] = json!("other");
        });
        assert_eq!(status(&a, Indicator::HousingQuality), Unknown);
        assert_eq!(a.explanation.indicators[6].depends_on, ["housing.wall"]);
    }

    #[test]
    fn household_facts_water_latrine_internet_devices_waste() {
        let a = members("2026-06-15", &[json!({"uses_internet": false})], |v| {
            v["water"] = json!("other");
            v["latrine"] = json!("other");
            v["assets"]["colour_tv"] = json!(0);
            v["assets"]["phone"] = json!(0);
        });
        for i in [
            Indicator::Water,
            Indicator::Sanitation,
            Indicator::Internet,
            Indicator::InformationDevices,
        ] {
            assert_eq!(status(&a, i), Deprived, "{i:?}");
        }
        let a = members("2026-06-15", &[json!({"uses_internet": null})], |v| {
            v["assets"]["phone"] = json!(null)
        });
        assert_eq!(status(&a, Indicator::Internet), Unknown);
        assert_eq!(status(&a, Indicator::InformationDevices), NotDeprived);
        let a = members("2027-03-01", &[adult()], |v| v["waste"] = json!("other"));
        assert_eq!(status(&a, Indicator::Waste), Deprived);
        assert!(a
            .explanation
            .indicators
            .iter()
            .any(|i| i.indicator == Indicator::Waste && i.provisional));
        assert!(a
            .explanation
            .interpretations
            .contains(&"waste_other_is_deprived"));
    }
}
