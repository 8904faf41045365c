//! Score A (Phiếu B1, TT 07/2021 Mẫu 3.1 and 3.3-3.10): the sum of the points of every
//! characteristic that applies, from the column of the household's area (six rural regions, or
//! urban plus the urban region points). No base score; within an item exactly one row applies.
//! Unknown answers turn the score into a [min, max] interval.

use super::explanation::{Interp, ScoredItem, UnresolvedItem, UsedInterpretations};
use super::household::*;
use super::indicators::is_dependant;
use super::tri::{AnswerPath, CountRange, Tri};
use super::validate::{ValidHousehold, ValidMember};
use crate::rules::{rules, B1Row, ScoreThresholds};

/// One B1 item (or part of one) whose row is chosen by a level: `rows[level]`, `None` = no row.
/// The answers that leave the level open are `ScoreFacts::unknown[unknown.0..unknown.1]`.
#[derive(Debug, Clone, Copy)]
struct Slot {
    item: u8,
    lo: u8,
    hi: u8,
    rows: &'static [Option<B1Row>],
    unknown: (u16, u16),
}

/// The number of slots: one per row group of items 1-4 and 6-14 (item 5 is kept apart).
const N_SLOTS: usize = 32;

/// The household's B1 characteristics, independent of the column. Kept in fixed-size storage:
/// this is computed for every household of a batch.
#[derive(Debug, Clone)]
pub(crate) struct ScoreFacts {
    slots: [Slot; N_SLOTS],
    n_slots: usize,
    /// Unknown answers of all slots (empty for a fully answered household).
    unknown: Vec<AnswerPath>,
    /// Item 5: categories (bit 0 civil servant, 1 labour contract, 2 hired/own business) certainly
    /// and possibly present.
    nonfarm_certain: u8,
    nonfarm_possible: u8,
    nonfarm_unknown: Vec<AnswerPath>,
}

/// Score A in one column.
#[derive(Debug, Clone, Default)]
pub(crate) struct ScoreA {
    pub min: i64,
    pub max: i64,
    pub items: Vec<ScoredItem>,
    pub unresolved: Vec<UnresolvedItem>,
}

use B1Row::*;
const SIZE: &[Option<B1Row>] = &[
    None,
    Some(Size1),
    Some(Size2),
    Some(Size3),
    Some(Size4),
    Some(Size5),
    Some(Size6),
    Some(Size7),
];
const WORKERS: &[Option<B1Row>] = &[
    None,
    Some(Workers1),
    Some(Workers2),
    Some(Workers3),
    Some(Workers4),
    Some(Workers5Plus),
];
const DEPENDANTS: &[Option<B1Row>] = &[Some(Dependants0), Some(Dependants1), None];
const DEGREE: &[Option<B1Row>] = &[
    None,
    Some(DegreeElementaryVocational),
    Some(DegreeIntermediateVocational),
    Some(DegreeCollegeOrUniversity),
];
const PENSION: &[Option<B1Row>] = &[None, Some(Pension1), Some(Pension2Plus)];
const WALL: &[Option<B1Row>] = &[None, Some(WallDurable)];
const COLUMN: &[Option<B1Row>] = &[None, Some(ColumnDurable)];
const AREA: &[Option<B1Row>] = &[None, Some(Area20To30), Some(Area30To40), Some(Area40Plus)];
const POWER: &[Option<B1Row>] = &[
    None,
    Some(Power25To50),
    Some(Power50To100),
    Some(Power100To150),
    Some(Power150Plus),
];
const WATER: &[Option<B1Row>] = &[
    None,
    Some(WaterProtectedWellOrSpring),
    Some(WaterDrilledWell),
    Some(WaterPipedBottledBought),
];
const LATRINE: &[Option<B1Row>] = &[None, Some(LatrineSepticOrSemiSeptic)];
const CAR: &[Option<B1Row>] = &[None, Some(AssetCar)];
const MOTORBIKE: &[Option<B1Row>] = &[
    None,
    Some(AssetMotorbike1),
    Some(AssetMotorbike2),
    Some(AssetMotorbike3Plus),
];
const BOAT: &[Option<B1Row>] = &[None, Some(AssetMotorBoat)];
const PRINTER: &[Option<B1Row>] = &[None, Some(AssetPrinterFax)];
const TV: &[Option<B1Row>] = &[None, Some(AssetColourTv1), Some(AssetColourTv2Plus)];
const SOUND: &[Option<B1Row>] = &[None, Some(AssetSoundSystem)];
const COMPUTER: &[Option<B1Row>] = &[None, Some(AssetComputer)];
const FRIDGE: &[Option<B1Row>] = &[None, Some(AssetFridge)];
const AIRCON: &[Option<B1Row>] = &[
    None,
    Some(AssetAirConditioner1),
    Some(AssetAirConditioner2Plus),
];
const WASHING: &[Option<B1Row>] = &[None, Some(AssetWashingMachine)];
const WATER_HEATER: &[Option<B1Row>] = &[None, Some(AssetWaterHeater)];
const MICROWAVE: &[Option<B1Row>] = &[None, Some(AssetMicrowaveOven)];
const GARDEN: &[Option<B1Row>] = &[None, Some(LandGarden300To500), Some(LandGarden500Plus)];
const ANNUAL: &[Option<B1Row>] = &[None, Some(LandAnnualCrops5000Plus)];
const PERENNIAL: &[Option<B1Row>] = &[
    None,
    Some(LandPerennial1000To5000),
    Some(LandPerennial5000Plus),
];
const WATER_SURFACE: &[Option<B1Row>] = &[
    None,
    Some(LandWaterSurface500To5000),
    Some(LandWaterSurface5000Plus),
];
const FOREST: &[Option<B1Row>] = &[None, Some(LandForest5000To10000), Some(LandForest10000Plus)];
const BUFFALO: &[Option<B1Row>] = &[
    None,
    Some(LivestockBuffaloCowHorse1),
    Some(LivestockBuffaloCowHorse2),
    Some(LivestockBuffaloCowHorse3Plus),
];
const PIG: &[Option<B1Row>] = &[None, Some(LivestockPigGoatSheep10Plus)];
const POULTRY: &[Option<B1Row>] = &[None, Some(LivestockPoultry100Plus)];
const AQUACULTURE: &[Option<B1Row>] = &[None, Some(Aquaculture)];
const NONFARM: [B1Row; 3] = [
    NonfarmCivilServant,
    NonfarmLabourContract,
    NonfarmHiredOrOwnBusiness,
];

/// The keys of the urban region points, used as row keys in explanations.
const URBAN_REGION_ROWS: [&str; 7] = [
    "urban_region_red_river_delta",
    "urban_region_northern_midlands_mountains",
    "urban_region_north_central_central_coast",
    "urban_region_central_highlands",
    "urban_region_southeast",
    "urban_region_mekong_delta",
    "urban_region_centrally_run_city",
];

/// The level range of a tri-state row.
fn tri_level(t: Tri) -> (u8, u8) {
    match t {
        Tri::No => (0, 0),
        Tri::Yes => (1, 1),
        Tri::Unknown => (0, 1),
    }
}

/// The band of a measured value: how many limits (scaled) it reaches.
fn band(value: Option<f64>, limits: &[f64], scale: f64) -> (u8, u8) {
    match value {
        None => (0, limits.len() as u8),
        Some(x) => {
            let k = limits.iter().filter(|l| x >= **l * scale).count() as u8;
            (k, k)
        }
    }
}

fn count_level(c: CountRange) -> (u8, u8) {
    (c.lo.min(255) as u8, c.hi.min(255) as u8)
}

/// Whether a member counts towards item 2 (working age, able to work).
fn is_worker(m: &ValidMember, year: i32, s: &ScoreThresholds) -> Tri {
    let adult = m.age.years_at_least(s.working_age_min);
    let below_retirement = |female: bool| {
        m.age
            .months_at_least(s.retirement_age_months(year, female))
            .not()
    };
    let working_age = match m.sex {
        Some(Sex::Male) => below_retirement(false),
        Some(Sex::Female) => below_retirement(true),
        None => below_retirement(false).join(below_retirement(true)),
    };
    let excluded = Tri::test(m.work_status, |w| w == WorkStatus::UnableToWork)
        .or(Tri::test(m.monthly_social_allowance, |a| {
            a == SocialAllowance::Disability
        }))
        .or(Tri::from_opt(m.critical_illness));
    adult.and(working_age).and(excluded.not())
}

/// Gathers the household's B1 characteristics.
pub(crate) fn facts(
    v: &ValidHousehold,
    s: &ScoreThresholds,
    used: &mut UsedInterpretations,
) -> ScoreFacts {
    used.mark(Interp::WorkingAge);
    let empty = Slot {
        item: 0,
        lo: 0,
        hi: 0,
        rows: &[None],
        unknown: (0, 0),
    };
    // Filled in place and returned as the same value (no copy of the slots at the end).
    let mut f = ScoreFacts {
        slots: [empty; N_SLOTS],
        n_slots: 0,
        unknown: Vec::new(),
        nonfarm_certain: 0,
        nonfarm_possible: 0,
        nonfarm_unknown: Vec::new(),
    };
    let slots = &mut f.slots;
    let n_slots = &mut f.n_slots;
    let unknown = &mut f.unknown;
    let mut push =
        |item: u8, (lo, hi): (u8, u8), rows: &'static [Option<B1Row>], paths: &[AnswerPath]| {
            let max = rows.len() as u8 - 1;
            let (lo, hi) = (lo.min(max), hi.min(max));
            let start = unknown.len() as u16;
            if lo != hi {
                unknown.extend_from_slice(paths);
            }
            slots[*n_slots] = Slot {
                item,
                lo,
                hi,
                rows,
                unknown: (start, unknown.len() as u16),
            };
            *n_slots += 1;
        };
    let n = v.n_members();
    if n > s.household_size_max_row {
        used.mark(Interp::B1Size8Plus);
    }
    push(
        1,
        (
            n.min(s.household_size_max_row) as u8,
            n.min(s.household_size_max_row) as u8,
        ),
        SIZE,
        &[],
    );

    let year = v.assessed_on.year();
    let (mut workers, mut dependants, mut pensions) = (
        CountRange::default(),
        CountRange::default(),
        CountRange::default(),
    );
    let (mut worker_paths, mut dependant_paths, mut degree_paths, mut pension_paths) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut degree_lo, mut degree_hi) = (0u8, 0u8);
    let (mut nonfarm_certain, mut nonfarm_possible, mut nonfarm_unknown) = (0u8, 0u8, Vec::new());
    for (i, m) in v.members.iter().enumerate() {
        let p = |f| AnswerPath::Member(i as u16, f);
        let w = is_worker(m, year, s);
        workers.add(w);
        if w.is_unknown() {
            if !m.age.is_exact {
                worker_paths.push(p("birth_date"));
            }
            for (missing, f) in [
                (m.sex.is_none(), "sex"),
                (m.work_status.is_none(), "work_status"),
                (
                    m.monthly_social_allowance.is_none(),
                    "monthly_social_allowance",
                ),
                (m.critical_illness.is_none(), "critical_illness"),
            ] {
                if missing {
                    worker_paths.push(p(f));
                }
            }
        }
        let d = is_dependant(m, v.thresholds);
        dependants.add(d);
        if d.is_unknown() {
            dependant_paths.extend([p("birth_date"), p("monthly_social_allowance")]);
        }
        let (lo, hi) = match m.vocational_training {
            None => {
                degree_paths.push(p("vocational_training"));
                (0, 3)
            }
            Some(VocationalTraining::None) => (0, 0),
            Some(VocationalTraining::Elementary) => (1, 1),
            Some(VocationalTraining::Intermediate) => (2, 2),
            Some(_) => (3, 3),
        };
        degree_lo = degree_lo.max(lo);
        degree_hi = degree_hi.max(hi);
        let bit = |w: NonfarmWork| match w {
            NonfarmWork::None => 0u8,
            NonfarmWork::CivilServant => 1,
            NonfarmWork::WithLabourContract => 2,
            NonfarmWork::HiredOrOwnBusiness => 4,
        };
        // Like columns 15-18, work questions are asked of members aged 15 and over: a younger
        // member's unanswered item 5 or pension is not an unknown answer.
        let asked = m.is_asked_work_columns(v.thresholds);
        match m.nonfarm_work {
            Some(w) => {
                nonfarm_certain |= bit(w);
                nonfarm_possible |= bit(w);
            }
            None if asked == Tri::No => {}
            None => {
                nonfarm_possible |= 7;
                nonfarm_unknown.push(p("nonfarm_work"));
            }
        }
        let pension = asked.and(Tri::test(m.pension, |x| x != Pension::None));
        pensions.add(pension);
        if pension.is_unknown() {
            pension_paths.push(p("pension"));
        }
    }
    push(
        2,
        count_level(CountRange {
            lo: workers.lo.min(s.workers_max_row),
            hi: workers.hi.min(s.workers_max_row),
        }),
        WORKERS,
        &worker_paths,
    );
    if dependants.hi >= 2 {
        used.mark(Interp::B1Dependants2Plus);
    }
    push(3, count_level(dependants), DEPENDANTS, &dependant_paths);
    if degree_hi > 0 {
        used.mark(Interp::B1HighestQualification);
    }
    push(4, (degree_lo, degree_hi), DEGREE, &degree_paths);
    if nonfarm_possible != 0 {
        used.mark(Interp::B1NonfarmBestCategory);
    }
    push(6, count_level(pensions), PENSION, &pension_paths);

    let h = &v.housing;
    if h.column == Some(Column::None) {
        used.mark(Interp::ColumnNoneUsesWall);
    }
    let wall_durable = super::indicators::wall_non_durable(h.wall).not();
    push(
        7,
        tri_level(wall_durable),
        WALL,
        &[AnswerPath::Field("housing.wall")],
    );
    let column_durable = super::indicators::column_non_durable(h.column, h.wall).not();
    push(
        7,
        tri_level(column_durable),
        COLUMN,
        &[
            AnswerPath::Field("housing.column"),
            AnswerPath::Field("housing.wall"),
        ],
    );
    push(
        8,
        band(h.living_area_m2, &s.living_area_per_person_m2, n as f64),
        AREA,
        &[AnswerPath::Field("housing.living_area_m2")],
    );
    push(
        9,
        band(v.electricity_kwh_per_month, &s.electricity_kwh, 1.0),
        POWER,
        &[AnswerPath::Field("electricity_kwh_per_month")],
    );
    let water = match v.water {
        None => (0, 3),
        Some(Water::Other) => (0, 0),
        Some(Water::ProtectedWellOrSpring) => (1, 1),
        Some(Water::DrilledWell) => (2, 2),
        Some(Water::PipedBottledBought) => (3, 3),
    };
    push(10, water, WATER, &[AnswerPath::Field("water")]);
    push(
        11,
        tri_level(Tri::test(v.latrine, |l| l == Latrine::SepticOrSemiSeptic)),
        LATRINE,
        &[AnswerPath::Field("latrine")],
    );

    let a = &v.assets;
    let own = |n: Option<u32>| tri_level(Tri::test(n, |n| n > 0));
    let count = |n: Option<u32>, cap: u32| count_level(CountRange::from_opt(n, cap));
    if v.area != Some(Area::Urban)
        && v.region.is_none_or(|r| r == Region::CentralHighlands)
        && a.motorbike.is_none_or(|m| m >= 3)
    {
        used.mark(Interp::B1CentralHighlandsMotorbike);
    }
    push(12, own(a.car), CAR, &[AnswerPath::Field("assets.car")]);
    push(
        12,
        count(a.motorbike, 3),
        MOTORBIKE,
        &[AnswerPath::Field("assets.motorbike")],
    );
    push(
        12,
        own(a.motor_boat),
        BOAT,
        &[AnswerPath::Field("assets.motor_boat")],
    );
    push(
        12,
        own(a.printer_fax),
        PRINTER,
        &[AnswerPath::Field("assets.printer_fax")],
    );
    push(
        12,
        count(a.colour_tv, 2),
        TV,
        &[AnswerPath::Field("assets.colour_tv")],
    );
    push(
        12,
        own(a.sound_system),
        SOUND,
        &[AnswerPath::Field("assets.sound_system")],
    );
    push(
        12,
        own(a.computer_or_tablet),
        COMPUTER,
        &[AnswerPath::Field("assets.computer_or_tablet")],
    );
    push(
        12,
        own(a.fridge),
        FRIDGE,
        &[AnswerPath::Field("assets.fridge")],
    );
    push(
        12,
        count(a.air_conditioner, 2),
        AIRCON,
        &[AnswerPath::Field("assets.air_conditioner")],
    );
    push(
        12,
        own(a.washing_machine_or_dryer),
        WASHING,
        &[AnswerPath::Field("assets.washing_machine_or_dryer")],
    );
    push(
        12,
        own(a.water_heater),
        WATER_HEATER,
        &[AnswerPath::Field("assets.water_heater")],
    );
    push(
        12,
        own(a.microwave_or_oven),
        MICROWAVE,
        &[AnswerPath::Field("assets.microwave_or_oven")],
    );

    let l = &v.land;
    push(
        13,
        band(l.garden_pond_adjacent, &s.garden_m2, 1.0),
        GARDEN,
        &[AnswerPath::Field("land_m2.garden_pond_adjacent")],
    );
    push(
        13,
        band(l.annual_crops, &[s.annual_crops_m2], 1.0),
        ANNUAL,
        &[AnswerPath::Field("land_m2.annual_crops")],
    );
    push(
        13,
        band(l.perennial_crops, &s.perennial_crops_m2, 1.0),
        PERENNIAL,
        &[AnswerPath::Field("land_m2.perennial_crops")],
    );
    push(
        13,
        band(l.water_surface, &s.water_surface_m2, 1.0),
        WATER_SURFACE,
        &[AnswerPath::Field("land_m2.water_surface")],
    );
    push(
        13,
        band(l.forest, &s.forest_m2, 1.0),
        FOREST,
        &[AnswerPath::Field("land_m2.forest")],
    );

    let k = &v.livestock;
    push(
        14,
        count(k.buffalo_cow_horse, 3),
        BUFFALO,
        &[AnswerPath::Field("livestock.buffalo_cow_horse")],
    );
    push(
        14,
        tri_level(Tri::test(k.pig_goat_sheep, |n| {
            n >= s.pig_goat_sheep_min_head
        })),
        PIG,
        &[AnswerPath::Field("livestock.pig_goat_sheep")],
    );
    if k.poultry.is_some() {
        used.mark(Interp::B1Poultry100);
    }
    push(
        14,
        tri_level(Tri::test(k.poultry, |n| n >= s.poultry_min_head)),
        POULTRY,
        &[AnswerPath::Field("livestock.poultry")],
    );
    push(
        14,
        tri_level(Tri::from_opt(k.aquaculture)),
        AQUACULTURE,
        &[AnswerPath::Field("livestock.aquaculture")],
    );

    if nonfarm_certain == nonfarm_possible {
        nonfarm_unknown.clear();
    }
    f.nonfarm_certain = nonfarm_certain;
    f.nonfarm_possible = nonfarm_possible;
    f.nonfarm_unknown = nonfarm_unknown;
    f
}

/// Score A in `column` (0-5 rural regions, 6 urban) plus the urban region points if urban.
/// `detail` also lists the rows that scored and the unresolved items.
pub(crate) fn score(
    f: &ScoreFacts,
    column: usize,
    urban_region: Option<Region>,
    detail: bool,
) -> ScoreA {
    let r = rules();
    let mut out = ScoreA::default();
    // Summed in locals, not in `out` (which lives in memory): one add per slot, not a store and a
    // reload.
    let (mut min, mut max) = (0i64, 0i64);
    // Points come from Mẫu 3.3-3.10 (b1-points.csv) and Mẫu 3.10's region points.
    let reference = r.b1_reference();
    let urban_reference = r.urban_region_reference();
    if detail {
        out.items.reserve(20);
    }
    let points = |row: Option<B1Row>| row.map_or(0, |row| r.b1_points(row, column));
    for slot in &f.slots[..f.n_slots] {
        if slot.lo == slot.hi {
            let row = slot.rows[slot.lo as usize];
            let p = points(row);
            min += p;
            max += p;
            if detail && p != 0 {
                out.items.push(ScoredItem {
                    item: slot.item,
                    row: row.map_or("", |r| r.key()),
                    points: p,
                    reference,
                });
            }
        } else {
            let (mut lo, mut hi) = (i64::MAX, i64::MIN);
            for level in slot.lo..=slot.hi {
                let p = points(slot.rows[level as usize]);
                lo = lo.min(p);
                hi = hi.max(p);
            }
            min += lo;
            max += hi;
            if detail {
                out.unresolved.push(UnresolvedItem {
                    item: slot.item,
                    min: lo,
                    max: hi,
                    depends_on: f.unknown[slot.unknown.0 as usize..slot.unknown.1 as usize]
                        .iter()
                        .map(|p| p.render())
                        .collect(),
                });
            }
        }
    }
    // Item 5: the single best-scoring non-farm category present.
    let best = |set: u8| -> (i64, Option<B1Row>) {
        let mut best = (0, None);
        for (bit, row) in NONFARM.iter().enumerate() {
            if set & (1 << bit) != 0 {
                let p = r.b1_points(*row, column);
                if p > best.0 || best.1.is_none() {
                    best = (p.max(best.0), if p >= best.0 { Some(*row) } else { best.1 });
                }
            }
        }
        best
    };
    let (lo, lo_row) = best(f.nonfarm_certain);
    let (hi, _) = best(f.nonfarm_possible);
    min += lo;
    max += hi;
    if detail {
        if lo == hi {
            if let (Some(row), true) = (lo_row, lo != 0) {
                insert_in_item_order(
                    &mut out.items,
                    ScoredItem {
                        item: 5,
                        row: row.key(),
                        points: lo,
                        reference,
                    },
                );
            }
        } else {
            out.unresolved.push(UnresolvedItem {
                item: 5,
                min: lo,
                max: hi,
                depends_on: f.nonfarm_unknown.iter().map(|p| p.render()).collect(),
            });
        }
    }
    if let Some(region) = urban_region {
        let p = r.b1_urban_region_points[region as usize] as i64;
        min += p;
        max += p;
        if detail && p != 0 {
            insert_in_item_order(
                &mut out.items,
                ScoredItem {
                    item: 0,
                    row: URBAN_REGION_ROWS[region as usize],
                    points: p,
                    reference: urban_reference,
                },
            );
        }
    }
    out.min = min;
    out.max = max;
    out
}

/// Inserts `entry` after every item numbered at or below its own. `facts` pushes the slots in
/// ascending item order, so the slots' rows arrive sorted and only items 5 and 0 (scored apart)
/// need a place: this gives the order a stable sort by item would, without a sort in the wasm.
fn insert_in_item_order(items: &mut Vec<ScoredItem>, entry: ScoredItem) {
    debug_assert!(items.windows(2).all(|w| w[0].item <= w[1].item));
    let at = items.partition_point(|i| i.item <= entry.item);
    items.insert(at, entry);
}

/// Unknown answers behind an unresolved score A.
pub(crate) fn unknown_paths(f: &ScoreFacts, out: &mut Vec<AnswerPath>) {
    out.extend_from_slice(&f.unknown);
    out.extend_from_slice(&f.nonfarm_unknown);
}

#[cfg(test)]
mod tests {
    use crate::testing::{members, with, EXAMPLE};
    use crate::Assessment;
    use serde_json::json;

    /// The rows that scored, as (row, points).
    fn rows(a: &Assessment) -> Vec<(&'static str, i64)> {
        a.explanation
            .score_a
            .as_ref()
            .unwrap()
            .items
            .iter()
            .map(|i| (i.row, i.points))
            .collect()
    }

    fn row_of(a: &Assessment, item: u8) -> Option<(&'static str, i64)> {
        let items = &a.explanation.score_a.as_ref().unwrap().items;
        items
            .iter()
            .find(|i| i.item == item)
            .map(|i| (i.row, i.points))
    }

    #[test]
    fn households_of_8_or_more_use_the_7_person_row() {
        let eight = vec![json!({}); 8];
        let a = members("2026-06-15", &eight, |_| {});
        assert_eq!(row_of(&a, 1), Some(("size_7", 20)));
        assert!(a
            .explanation
            .interpretations
            .contains(&"b1_size_8plus_uses_7_row"));
        let a = members("2026-06-15", &eight[..6], |_| {});
        assert_eq!(row_of(&a, 1), Some(("size_6", 25)));
        assert!(!a
            .explanation
            .interpretations
            .contains(&"b1_size_8plus_uses_7_row"));
    }

    #[test]
    fn central_highlands_three_motorbikes_score_30_from_the_master_table() {
        let a = with(EXAMPLE, |v| {
            v["region"] = json!("central_highlands");
            v["assets"]["motorbike"] = json!(4);
        });
        assert_eq!(row_of(&a, 12), Some(("asset_motorbike_3plus", 30)));
        assert!(a
            .explanation
            .interpretations
            .contains(&"b1_central_highlands_motorbike_3plus_30"));
    }

    #[test]
    fn poultry_counts_from_100_birds() {
        let a = with(EXAMPLE, |v| v["livestock"]["poultry"] = json!(99));
        assert!(!rows(&a).contains(&("livestock_poultry_100plus", 15)));
        let b = with(EXAMPLE, |v| v["livestock"]["poultry"] = json!(100));
        assert!(rows(&b).contains(&("livestock_poultry_100plus", 15)));
        assert_eq!(b.result.score_a, Some(155 + 15));
    }

    #[test]
    fn item_4_takes_the_highest_qualification_and_item_5_the_best_category() {
        let a = members(
            "2026-06-15",
            &[
                json!({"vocational_training": "intermediate", "nonfarm_work": "civil_servant"}),
                json!({"vocational_training": "university", "nonfarm_work": "with_labour_contract"}),
            ],
            |_| {},
        );
        assert_eq!(row_of(&a, 4), Some(("degree_college_or_university", 10)));
        assert_eq!(row_of(&a, 5), Some(("nonfarm_labour_contract", 35)));
        assert_eq!(
            rows(&a)
                .iter()
                .filter(|(r, _)| r.starts_with("nonfarm") || r.starts_with("degree"))
                .count(),
            2
        );
    }

    #[test]
    fn two_or_more_dependants_score_nothing() {
        let kid = json!({"birth_date": "2016-01-01", "in_school": true, "school_level": "primary", "height_cm": 140, "weight_kg": 35});
        let a = members("2026-06-15", &[json!({}), kid.clone()], |_| {});
        assert_eq!(row_of(&a, 3), Some(("dependants_1", 5)));
        let a = members("2026-06-15", &[json!({}), kid.clone(), kid], |_| {});
        assert_eq!(row_of(&a, 3), None);
    }

    #[test]
    fn working_age_ends_at_the_retirement_age_of_the_year() {
        // Women retire at 57 years exactly in 2026 (55y4m in 2021 + 4 months a year).
        let woman = |birth: &str| json!({"birth_date": birth, "sex": "female"});
        let a = members("2026-06-15", &[woman("1969-06-16")], |_| {});
        assert_eq!(row_of(&a, 2), Some(("workers_1", 5)));
        let a = members("2026-06-15", &[woman("1969-06-15")], |_| {});
        assert_eq!(row_of(&a, 2), None);
        // Men: 61 years 6 months in 2026.
        let man = |birth: &str| json!({"birth_date": birth, "sex": "male"});
        assert_eq!(
            row_of(&members("2026-06-15", &[man("1964-12-16")], |_| {}), 2),
            Some(("workers_1", 5))
        );
        assert_eq!(
            row_of(&members("2026-06-15", &[man("1964-12-15")], |_| {}), 2),
            None
        );
        // Members unable to work or with a critical illness are not counted; 15 is the start.
        assert_eq!(
            row_of(
                &members(
                    "2026-06-15",
                    &[json!({"work_status": "unable_to_work"})],
                    |_| {}
                ),
                2
            ),
            None
        );
        assert_eq!(
            row_of(
                &members("2026-06-15", &[json!({"critical_illness": true})], |_| {}),
                2
            ),
            None
        );
        assert_eq!(
            row_of(
                &members("2026-06-15", &[json!({}), man("2011-06-16")], |_| {}),
                2
            ),
            Some(("workers_1", 5))
        );
        assert_eq!(
            row_of(
                &members("2026-06-15", &[json!({}), man("2011-06-15")], |_| {}),
                2
            ),
            Some(("workers_2", 10))
        );
    }

    #[test]
    fn unknown_answers_give_a_score_interval() {
        let a = with(EXAMPLE, |v| v["assets"]["motorbike"] = json!(null));
        let s = a.explanation.score_a.as_ref().unwrap();
        assert_eq!((s.min, s.max), (145, 170));
        assert_eq!(s.unresolved.len(), 1);
        assert_eq!(
            (
                s.unresolved[0].item,
                s.unresolved[0].min,
                s.unresolved[0].max
            ),
            (12, 0, 25)
        );
        assert_eq!(s.unresolved[0].depends_on, ["assets.motorbike"]);
        assert_eq!(a.result.score_a, None);
        // Over the threshold whatever the answer: the class is still determined.
        assert_eq!(a.result.class, crate::Class::NotPoor);
        assert!(a.result.depends_on.is_empty());
    }

    #[test]
    fn children_are_not_asked_about_work_or_pensions() {
        let child = json!({"birth_date": "2015-01-01", "nonfarm_work": null, "pension": null, "work_status": null,
            "job_type": null, "wage_contract": null, "in_school": true, "school_level": "primary",
            "height_cm": 150, "weight_kg": 40});
        let a = members("2026-06-15", &[json!({}), child], |_| {});
        let s = a.explanation.score_a.as_ref().unwrap();
        assert_eq!((s.min, s.max), (s.min, s.min), "{:?}", s.unresolved);
        let adult = json!({"nonfarm_work": null});
        let a = members("2026-06-15", &[adult], |_| {});
        assert_eq!(
            a.explanation.score_a.as_ref().unwrap().unresolved[0].depends_on,
            ["members[0].nonfarm_work"]
        );
    }

    #[test]
    fn an_unknown_region_spans_every_column() {
        let a = with(EXAMPLE, |v| v["region"] = json!(null));
        let s = a.explanation.score_a.as_ref().unwrap();
        assert_eq!(s.column, None);
        assert!(s.min < 155 && s.max > 155, "{} {}", s.min, s.max);
        assert_eq!(a.result.score_a, None);
    }
}
