//! Laws the engine must always obey, checked on generated households (proptest): more income never
//! makes a household poorer, one more deprivation never makes it less poor, an extra asset never
//! lowers score A, and the order of members does not matter.

use mucsong_engine::household::*;
use mucsong_engine::{assess, AssessOptions, Assessment, Class, IncomeClass};
use proptest::prelude::*;

fn opt<T: Clone + std::fmt::Debug + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> BoxedStrategy<Option<T>> {
    prop_oneof![1 => Just(None), 6 => s.prop_map(Some)].boxed()
}

fn pick<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> BoxedStrategy<T> {
    proptest::sample::select(all).boxed()
}

fn birth_date() -> BoxedStrategy<Option<String>> {
    opt(prop_oneof![
        (1911i32..2023, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        (1911i32..2023, 1u8..=12).prop_map(|(y, m)| format!("{y:04}-{m:02}")),
        (1911i32..2023).prop_map(|y| format!("{y:04}")),
    ])
}

prop_compose! {
    fn member()(
        birth_date in birth_date(),
        sex in opt(pick(&Sex::ALL)),
        height_cm in opt(40.0f64..190.0),
        weight_kg in opt(2.0f64..90.0),
        malnourished in opt(any::<bool>()),
        in_school in opt(any::<bool>()),
        school_level in opt(pick(&SchoolLevel::ALL)),
        general_education in opt(pick(&GeneralEducation::ALL)),
        vocational_training in opt(pick(&VocationalTraining::ALL)),
        health_insurance in opt(any::<bool>()),
        state_funded_insurance in opt(any::<bool>()),
        uses_internet in opt(any::<bool>()),
        monthly_social_allowance in opt(pick(&SocialAllowance::ALL)),
        work_status in opt(pick(&WorkStatus::ALL)),
        (job_type, wage_contract, nonfarm_work, pension, critical_illness) in (
            opt(pick(&JobType::ALL)), opt(pick(&WageContract::ALL)), opt(pick(&NonfarmWork::ALL)),
            opt(pick(&Pension::ALL)), opt(any::<bool>())),
    ) -> Member {
        Member {
            name: None, birth_date, sex, height_cm, weight_kg, malnourished, in_school, school_level,
            general_education, vocational_training, health_insurance, state_funded_insurance,
            uses_internet, monthly_social_allowance, work_status, job_type, wage_contract,
            nonfarm_work, pension, critical_illness,
        }
    }
}

fn count() -> BoxedStrategy<Option<u32>> {
    opt(0u32..4)
}

prop_compose! {
    fn assets()(
        a in proptest::collection::vec(count(), 15)
    ) -> Assets {
        Assets {
            car: a[0], motorbike: a[1], motor_boat: a[2], generator: a[3], printer_fax: a[4],
            colour_tv: a[5], sound_system: a[6], computer_or_tablet: a[7], fridge: a[8],
            air_conditioner: a[9], washing_machine_or_dryer: a[10], water_heater: a[11],
            microwave_or_oven: a[12], phone: a[13], radio: a[14],
        }
    }
}

prop_compose! {
    /// A household assessed in `year` (2022-2030), with some answers unknown.
    fn household(dates: &'static [&'static str])(
        assessed_on in pick(dates),
        area in opt(pick(&Area::ALL)),
        region in opt(pick(&Region::ALL[..6])),
        screening in (opt(any::<bool>()), opt(any::<bool>())).prop_map(|(a, b)| Screening {
            villa_or_grade_1_2_house: Some(false), business_3plus_workers_or_tax_100m: Some(false),
            farm_or_livestock_200m: Some(false), production_asset_200m: Some(false),
            provincial_condition: Some(false), motor_vehicle_20m: a, rents_out_property: b,
        }),
        members in proptest::collection::vec(member(), 1..7),
        housing in (opt(pick(&Wall::ALL)), opt(pick(&Column::ALL)), opt(pick(&Roof::ALL)), opt(5.0f64..150.0))
            .prop_map(|(wall, column, roof, living_area_m2)| Housing { wall, column, roof, living_area_m2 }),
        latrine in opt(pick(&Latrine::ALL)),
        electricity in opt(0.0f64..300.0),
        water in opt(pick(&Water::ALL)),
        assets in assets(),
        livestock in (count(), opt(0u32..20), opt(0u32..200), opt(any::<bool>())).prop_map(|(b, p, q, a)| Livestock {
            buffalo_cow_horse: b, pig_goat_sheep: p, poultry: q, aquaculture: a }),
        monthly in opt(0i64..20_000_000),
        waste in opt(pick(&Waste::ALL)),
    ) -> HouseholdRecord {
        HouseholdRecord {
            schema: None,
            id: None,
            assessed_on: Some(assessed_on.to_string()),
            area,
            region,
            agricultural_household: Some(true),
            screening: Some(screening),
            members: Some(members),
            housing: Some(housing),
            latrine,
            electricity_kwh_per_month: electricity,
            water,
            assets: Some(assets),
            land_m2: None,
            livestock: Some(livestock),
            income: Some(Income { monthly_vnd: monthly, sources_12m: None }),
            waste,
        }
    }
}

const DATES_2022: &[&str] = &["2023-03-01", "2025-02-24", "2026-12-31"];
const DATES_2027: &[&str] = &["2027-01-01", "2028-09-15", "2030-12-31"];
const ALL_DATES: &[&str] = &["2023-03-01", "2026-12-31", "2027-01-01", "2030-06-30"];

fn run(record: &HouseholdRecord) -> Assessment {
    assess(record, &AssessOptions::default()).expect("generated households are valid")
}

/// poor < near_poor < not_poor.
fn rank(c: Class) -> u8 {
    match c {
        Class::Poor => 0,
        Class::NearPoor => 1,
        Class::NotPoor => 2,
        Class::Undetermined => unreachable!("possible classes are never undetermined"),
    }
}

/// The least and most poor classes still possible.
fn span(a: &Assessment) -> (u8, u8) {
    let ranks: Vec<u8> = a.result.possible_classes.iter().map(|c| rank(*c)).collect();
    (
        *ranks.iter().min().expect("a class"),
        *ranks.iter().max().expect("a class"),
    )
}

fn income_rank(c: Option<IncomeClass>) -> Option<u8> {
    match c? {
        IncomeClass::Poor => Some(0),
        IncomeClass::NearPoor => Some(1),
        IncomeClass::AverageLiving => Some(2),
        IncomeClass::NotPoor => Some(3),
        IncomeClass::Undetermined => None,
    }
}

/// Changes one answer so that an indicator becomes deprived (or stays so).
fn deprive(record: &mut HouseholdRecord, which: usize) {
    match which {
        0 => record.water = Some(Water::Other),
        1 => record.latrine = Some(Latrine::Other),
        2 => {
            for m in record.members.as_mut().expect("members") {
                m.uses_internet = Some(false);
            }
        }
        3 => {
            let h = record.housing.as_mut().expect("housing");
            h.wall = Some(Wall::Other);
            h.roof = Some(Roof::Other);
        }
        _ => {
            // Sharing the same dwelling among more people is not a single-answer change; instead a
            // member loses health insurance (aged 6+ is checked by the engine).
            let members = record.members.as_mut().expect("members");
            members[0].health_insurance = Some(false);
            members[0].state_funded_insurance = Some(false);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn more_income_never_makes_a_household_poorer(mut record in household(DATES_2027), extra in 0i64..5_000_000) {
        let before = run(&record);
        let income = record.income.as_mut().unwrap();
        income.monthly_vnd = Some(income.monthly_vnd.unwrap_or(0) + extra);
        let had_income = before.result.income_class.is_some();
        let after = run(&record);
        if had_income {
            let (lo0, hi0) = span(&before);
            let (lo1, hi1) = span(&after);
            prop_assert!(lo1 >= lo0 && hi1 >= hi0, "{:?} → {:?}", before.result.possible_classes, after.result.possible_classes);
            if let (Some(a), Some(b)) = (income_rank(before.result.income_class), income_rank(after.result.income_class)) {
                prop_assert!(b >= a);
            }
        }
    }

    #[test]
    fn more_income_never_lowers_the_income_class_in_either_edition(mut record in household(ALL_DATES), extra in 0i64..5_000_000) {
        let before = run(&record);
        let income = record.income.as_mut().unwrap();
        income.monthly_vnd = income.monthly_vnd.map(|m| m + extra);
        let after = run(&record);
        if let (Some(a), Some(b)) = (income_rank(before.result.income_class), income_rank(after.result.income_class)) {
            prop_assert!(b >= a, "{:?} → {:?}", before.result.income_class, after.result.income_class);
        }
    }

    #[test]
    fn one_more_deprivation_never_makes_a_household_less_poor(mut record in household(ALL_DATES), which in 0usize..5) {
        let before = run(&record);
        deprive(&mut record, which);
        let after = run(&record);
        let (lo0, hi0) = span(&before);
        let (lo1, hi1) = span(&after);
        prop_assert!(lo1 <= lo0 && hi1 <= hi0, "{:?} → {:?}", before.result.possible_classes, after.result.possible_classes);
    }

    #[test]
    fn an_extra_asset_never_lowers_score_a(mut record in household(DATES_2022), which in 0usize..15) {
        let before = run(&record);
        let a = record.assets.as_mut().unwrap();
        let slots = [
            &mut a.car, &mut a.motorbike, &mut a.motor_boat, &mut a.generator, &mut a.printer_fax,
            &mut a.colour_tv, &mut a.sound_system, &mut a.computer_or_tablet, &mut a.fridge,
            &mut a.air_conditioner, &mut a.washing_machine_or_dryer, &mut a.water_heater,
            &mut a.microwave_or_oven, &mut a.phone, &mut a.radio,
        ];
        let slot = slots.into_iter().nth(which).unwrap();
        let Some(n) = *slot else { return Ok(()) };
        *slot = Some(n + 1);
        let after = run(&record);
        let (b, c) = (before.explanation.score_a.unwrap(), after.explanation.score_a.unwrap());
        prop_assert!(c.min >= b.min && c.max >= b.max, "[{}, {}] → [{}, {}]", b.min, b.max, c.min, c.max);
    }

    #[test]
    fn the_result_without_explanation_is_the_explained_result(record in household(ALL_DATES)) {
        let result = mucsong_engine::assess_result(&record, &AssessOptions::default())
            .expect("generated households are valid");
        prop_assert_eq!(result, run(&record).result);
    }

    #[test]
    fn the_order_of_members_does_not_matter(mut record in household(ALL_DATES), seed in any::<u64>()) {
        let before = run(&record);
        let members = record.members.as_mut().unwrap();
        let n = members.len();
        members.rotate_left((seed as usize) % n);
        if seed % 2 == 0 {
            members.reverse();
        }
        let after = run(&record);
        let (b, a) = (&before.result, &after.result);
        prop_assert_eq!(&b.indicators, &a.indicators);
        prop_assert_eq!(b.class, a.class);
        prop_assert_eq!(&b.possible_classes, &a.possible_classes);
        prop_assert_eq!(b.score_a, a.score_a);
        prop_assert_eq!(b.score_b, a.score_b);
        prop_assert_eq!(b.screening, a.screening);
        prop_assert_eq!(b.income_class, a.income_class);
        prop_assert_eq!(b.depends_on.len(), a.depends_on.len());
        let (sb, sa) = (before.explanation.score_a, after.explanation.score_a);
        prop_assert_eq!(sb.map(|s| (s.min, s.max)), sa.map(|s| (s.min, s.max)));
    }
}
