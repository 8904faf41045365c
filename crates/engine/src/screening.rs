//! Phiếu A, the quick screening (TT 07/2021 Phụ lục II, CB p. 25; guidance Phụ lục IV §II, CB
//! p. 67-68): five exclusion conditions, then nine criteria of which four or more stop the review.
//! Criteria 1 and 5 are asked; the others derive from the rest of the record.

use super::explanation::{Interp, UsedInterpretations};
use super::household::*;
use super::tri::{AnswerPath, CountRange, Tri};
use super::validate::ValidHousehold;
use crate::rules::ScoreThresholds;

/// Phiếu A's outcome, with what remains possible when answers are unknown.
#[derive(Debug, Clone)]
pub(crate) struct ScreeningEval {
    pub exclusions: [Tri; 5],
    pub criteria: [Tri; 9],
    pub count: CountRange,
    pub stop_count: u8,
    /// Unknown answers behind unknown exclusions and criteria.
    pub unknown: Vec<AnswerPath>,
}

pub(crate) const EXCLUSION_KEYS: [&str; 5] = [
    "villa_or_grade_1_2_house",
    "business_3plus_workers_or_tax_100m",
    "farm_or_livestock_200m",
    "production_asset_200m",
    "provincial_condition",
];

pub(crate) const CRITERION_KEYS: [&str; 9] = [
    "motor_vehicle_20m",
    "air_conditioner_or_fridge",
    "water_heater",
    "washing_machine_or_dryer",
    "rents_out_property",
    "electricity_150_kwh",
    "living_area_25_m2_per_person",
    "civil_servant_or_pension",
    "labour_contract",
];

impl ScreeningEval {
    pub fn excluded(&self) -> Tri {
        self.exclusions.iter().fold(Tri::No, |a, b| a.or(*b))
    }
    pub fn stopped(&self) -> Tri {
        self.count.at_least(self.stop_count as u32)
    }
    /// Whether the household can go on to Phiếu B.
    pub fn can_review(&self) -> bool {
        self.excluded() != Tri::Yes && self.stopped() != Tri::Yes
    }
    /// Whether the household can be screened out (excluded or stopped).
    pub fn can_screen_out(&self) -> bool {
        self.excluded() != Tri::No || self.stopped() != Tri::No
    }
}

pub(crate) fn evaluate(
    v: &ValidHousehold,
    s: &ScoreThresholds,
    used: &mut UsedInterpretations,
) -> ScreeningEval {
    let q = &v.screening;
    let exclusions = [
        Tri::from_opt(q.villa_or_grade_1_2_house),
        Tri::from_opt(q.business_3plus_workers_or_tax_100m),
        Tri::from_opt(q.farm_or_livestock_200m),
        Tri::from_opt(q.production_asset_200m),
        Tri::from_opt(q.provincial_condition),
    ];
    used.mark(Interp::ScreeningHeater);
    let a = &v.assets;
    let owns = |n: Option<u32>| Tri::test(n, |n| n > 0);
    let n = v.n_members() as f64;
    let mut official = Tri::No;
    let mut contract = Tri::No;
    let t = v.thresholds;
    for m in &v.members {
        if matches!(
            m.pension,
            Some(Pension::SocialInsuranceAllowance | Pension::MeritAllowance)
        ) {
            used.mark(Interp::ScreeningPensionAllowances);
        }
        // Columns the form skips for this member (children, people not working) are not unknown.
        let asked_job = m.is_asked_job_columns(t);
        official = official
            .or(asked_job.and(Tri::test(m.job_type, |j| j == JobType::CivilServant)))
            .or(m
                .is_asked_work_columns(t)
                .and(Tri::test(m.pension, |p| p != Pension::None)));
        contract = contract.or(asked_job.and(Tri::test(m.wage_contract, |c| {
            c == WageContract::WithContract
        })));
    }
    let criteria = [
        Tri::from_opt(q.motor_vehicle_20m),
        owns(a.fridge).or(owns(a.air_conditioner)),
        owns(a.water_heater),
        owns(a.washing_machine_or_dryer),
        Tri::from_opt(q.rents_out_property),
        Tri::test(v.electricity_kwh_per_month, |k| {
            k >= s.screening_electricity_kwh
        }),
        Tri::test(v.housing.living_area_m2, |a| {
            a >= s.screening_living_area_per_person_m2 * n
        }),
        official,
        contract,
    ];
    let mut count = CountRange::default();
    for c in criteria {
        count.add(c);
    }
    let mut e = ScreeningEval {
        exclusions,
        criteria,
        count,
        stop_count: s.screening_stop_count,
        unknown: Vec::new(),
    };
    if e.can_review() && e.can_screen_out() {
        for (i, t) in exclusions.iter().enumerate() {
            if t.is_unknown() {
                e.unknown.push(AnswerPath::Field(EXCLUSION_PATHS[i]));
            }
        }
        let criterion_paths: [&[&'static str]; 9] = [
            &["screening.motor_vehicle_20m"],
            &["assets.fridge", "assets.air_conditioner"],
            &["assets.water_heater"],
            &["assets.washing_machine_or_dryer"],
            &["screening.rents_out_property"],
            &["electricity_kwh_per_month"],
            &["housing.living_area_m2"],
            &[],
            &[],
        ];
        for (i, t) in criteria.iter().enumerate() {
            if !t.is_unknown() {
                continue;
            }
            for path in criterion_paths[i] {
                let answered = match *path {
                    "assets.fridge" => a.fridge.is_some(),
                    "assets.air_conditioner" => a.air_conditioner.is_some(),
                    _ => false,
                };
                if !answered {
                    e.unknown.push(AnswerPath::Field(path));
                }
            }
            for (j, m) in v.members.iter().enumerate() {
                let j = j as u16;
                let asked_job = m.is_asked_job_columns(v.thresholds) != Tri::No;
                if i == 7 {
                    if asked_job && m.job_type.is_none() {
                        e.unknown.push(AnswerPath::Member(j, "job_type"));
                    }
                    if m.is_asked_work_columns(v.thresholds) != Tri::No && m.pension.is_none() {
                        e.unknown.push(AnswerPath::Member(j, "pension"));
                    }
                } else if i == 8 && asked_job && m.wage_contract.is_none() {
                    e.unknown.push(AnswerPath::Member(j, "wage_contract"));
                }
            }
        }
    }
    e
}

const EXCLUSION_PATHS: [&str; 5] = [
    "screening.villa_or_grade_1_2_house",
    "screening.business_3plus_workers_or_tax_100m",
    "screening.farm_or_livestock_200m",
    "screening.production_asset_200m",
    "screening.provincial_condition",
];
