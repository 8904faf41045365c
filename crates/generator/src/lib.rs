//! Realistic, varied, deterministic household records for benchmarks, load tests and fuzz seeds:
//! every region, 1–9 members of all ages, partial birth dates, a few unknown answers, both income
//! forms, and optionally bad lines. Used by the `gen_households` tool beside it, the benches and the
//! tests; it depends only on the engine's public record types.

use mucsong_engine::household::*;
use std::cell::Cell;

/// SplitMix64: tiny, fast, and the same sequence on every machine (no `rand` dependency). Shared
/// (`&self`, a `Cell`) so one draw can feed another in a single expression.
pub struct Rng(Cell<u64>);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(Cell::new(seed))
    }

    pub fn next_u64(&self) -> u64 {
        let mut z = self.0.get().wrapping_add(0x9E37_79B9_7F4A_7C15);
        self.0.set(z);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number in `low..=high`.
    pub fn range(&self, low: i64, high: i64) -> i64 {
        low + (self.next_u64() % (high - low + 1) as u64) as i64
    }

    /// True with probability `percent` / 100.
    pub fn chance(&self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<T: Copy>(&self, items: &[T]) -> T {
        items[(self.next_u64() % items.len() as u64) as usize]
    }

    /// `Some(value)`, or `None` (unknown) with probability `unknown_percent` / 100.
    pub fn maybe<T>(&self, unknown_percent: u64, value: T) -> Option<T> {
        if self.chance(unknown_percent) {
            None
        } else {
            Some(value)
        }
    }
}

/// Share of answers left unknown, in percent: enough for undetermined classes to appear.
const UNKNOWN: u64 = 2;

/// The household number `index` of the stream seeded with `seed` (independent of other indexes, so
/// a stream can be regenerated in parts).
pub fn household(seed: u64, index: u64) -> HouseholdRecord {
    let rng = Rng::new(seed ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03));
    let r = &rng;
    let year = if r.chance(95) {
        r.pick(&[2025, 2026])
    } else {
        2027
    };
    let assessed_on = format!("{year}-{:02}-{:02}", r.range(1, 12), r.range(1, 28));
    let area = if r.chance(70) {
        Area::Rural
    } else {
        Area::Urban
    };
    let region = match area {
        Area::Urban if r.chance(25) => Region::CentrallyRunCity,
        _ => r.pick(&Region::ALL[..6]),
    };
    // Poorer households are more likely in the mountains; a "wealth" level drives most answers.
    let wealth = r.range(0, 100)
        - if region == Region::NorthernMidlandsMountains {
            20
        } else {
            0
        };
    let poor = wealth < 25;
    let n_members = r.range(1, 9) as usize;
    let members: Vec<Member> = (0..n_members).map(|i| member(r, year, i, poor)).collect();
    let size = n_members as f64;
    HouseholdRecord {
        schema: Some(HOUSEHOLD_SCHEMA.to_string()),
        id: Some(format!(
            "xa-{:02}-thon-{:02}-ho-{index}",
            index % 37,
            index % 11
        )),
        assessed_on: Some(assessed_on),
        area: r.maybe(1, area),
        region: r.maybe(1, region),
        agricultural_household: r.maybe(UNKNOWN, area == Area::Rural && r.chance(70)),
        screening: Some(Screening {
            villa_or_grade_1_2_house: r.maybe(UNKNOWN, !poor && r.chance(3)),
            business_3plus_workers_or_tax_100m: r.maybe(UNKNOWN, !poor && r.chance(3)),
            farm_or_livestock_200m: r.maybe(UNKNOWN, !poor && r.chance(2)),
            production_asset_200m: r.maybe(UNKNOWN, !poor && r.chance(2)),
            provincial_condition: r.maybe(UNKNOWN, false),
            motor_vehicle_20m: r.maybe(UNKNOWN, !poor && r.chance(40)),
            rents_out_property: r.maybe(UNKNOWN, r.chance(5)),
        }),
        members: Some(members),
        housing: Some(Housing {
            wall: r.maybe(
                UNKNOWN,
                if poor {
                    r.pick(&Wall::ALL)
                } else {
                    r.pick(&Wall::ALL[..3])
                },
            ),
            column: r.maybe(UNKNOWN, r.pick(&Column::ALL)),
            roof: r.maybe(
                UNKNOWN,
                if poor {
                    r.pick(&Roof::ALL)
                } else {
                    r.pick(&Roof::ALL[..3])
                },
            ),
            living_area_m2: r.maybe(
                UNKNOWN,
                (size * r.range(if poor { 4 } else { 9 }, 30) as f64).round(),
            ),
        }),
        latrine: r.maybe(
            UNKNOWN,
            if poor {
                r.pick(&Latrine::ALL)
            } else {
                r.pick(&Latrine::ALL[..2])
            },
        ),
        electricity_kwh_per_month: r.maybe(
            UNKNOWN,
            r.range(if poor { 10 } else { 60 }, if poor { 120 } else { 400 }) as f64,
        ),
        water: r.maybe(
            UNKNOWN,
            if poor {
                r.pick(&Water::ALL)
            } else {
                r.pick(&Water::ALL[..3])
            },
        ),
        assets: Some(assets(r, poor)),
        land_m2: Some(Land {
            garden_pond_adjacent: r.maybe(UNKNOWN, r.range(0, 800) as f64),
            annual_crops: r.maybe(
                UNKNOWN,
                if area == Area::Rural {
                    r.range(0, 6000) as f64
                } else {
                    0.0
                },
            ),
            perennial_crops: r.maybe(UNKNOWN, r.pick(&[0.0, 0.0, 500.0, 2000.0])),
            water_surface: r.maybe(UNKNOWN, r.pick(&[0.0, 0.0, 0.0, 300.0])),
            forest: r.maybe(
                UNKNOWN,
                if region == Region::NorthernMidlandsMountains {
                    r.range(0, 20000) as f64
                } else {
                    0.0
                },
            ),
        }),
        livestock: Some(Livestock {
            buffalo_cow_horse: r.maybe(UNKNOWN, r.range(0, 3) as u32),
            pig_goat_sheep: r.maybe(UNKNOWN, r.range(0, 10) as u32),
            poultry: r.maybe(UNKNOWN, r.range(0, 150) as u32),
            aquaculture: r.maybe(UNKNOWN, r.chance(10)),
        }),
        income: income(r, poor, size),
        waste: if year >= 2027 {
            r.maybe(UNKNOWN, r.pick(&Waste::ALL))
        } else {
            None
        },
    }
}

fn member(r: &Rng, year: i64, i: usize, poor: bool) -> Member {
    // The first two members are adults; the rest any age.
    let age = if i < 2 {
        r.range(20, 75)
    } else {
        r.range(0, 90)
    };
    // Born the year before the age's year, so no member is born after the assessment date (which
    // may be early in its year); the age is then `age` or `age + 1`.
    let birth_year = year - age - 1;
    let birth_date = match r.range(0, 9) {
        0 => format!("{birth_year}"),
        1 => format!("{birth_year}-{:02}", r.range(1, 12)),
        _ => format!("{birth_year}-{:02}-{:02}", r.range(1, 12), r.range(1, 28)),
    };
    let child = age < 16;
    let (height, weight) = if age < 10 && r.chance(60) {
        let months = (age * 12 + 6) as f64;
        let stunted = poor && r.chance(20);
        let height = 50.0 + months * if stunted { 0.45 } else { 0.6 };
        (Some(height.round()), Some((3.3 + months * 0.2).round()))
    } else {
        (None, None)
    };
    let in_school = (3..=22).contains(&age) && (!poor || r.chance(85));
    let school_level = in_school.then(|| match age {
        3..=5 => SchoolLevel::Preschool,
        6..=10 => SchoolLevel::Primary,
        11..=14 => SchoolLevel::LowerSecondary,
        15..=17 => SchoolLevel::UpperSecondary,
        _ => r.pick(&SchoolLevel::ALL[4..]),
    });
    let adult = age >= 15;
    let working = adult && age < 62 && r.chance(if poor { 75 } else { 88 });
    Member {
        name: None,
        birth_date: r.maybe(UNKNOWN, birth_date),
        sex: r.maybe(UNKNOWN, r.pick(&Sex::ALL)),
        height_cm: height,
        weight_kg: weight,
        malnourished: if child && height.is_none() {
            r.maybe(50, poor && r.chance(10))
        } else {
            None
        },
        in_school: r.maybe(UNKNOWN, in_school),
        school_level,
        general_education: if age >= 11 {
            r.maybe(UNKNOWN, r.pick(&GeneralEducation::ALL))
        } else {
            None
        },
        vocational_training: if age >= 16 {
            r.maybe(
                UNKNOWN,
                if r.chance(70) {
                    VocationalTraining::None
                } else {
                    r.pick(&VocationalTraining::ALL)
                },
            )
        } else {
            None
        },
        health_insurance: r.maybe(UNKNOWN, r.chance(if poor { 85 } else { 93 })),
        state_funded_insurance: r.maybe(UNKNOWN, poor || child || r.chance(10)),
        uses_internet: r.maybe(UNKNOWN, age >= 10 && r.chance(if poor { 35 } else { 80 })),
        monthly_social_allowance: r.maybe(
            UNKNOWN,
            if age >= 80 {
                SocialAllowance::Elderly
            } else if r.chance(3) {
                SocialAllowance::Disability
            } else {
                SocialAllowance::None
            },
        ),
        work_status: if adult {
            r.maybe(
                UNKNOWN,
                if working {
                    WorkStatus::Working
                } else if age >= 55 {
                    WorkStatus::RetiredOrHomemaker
                } else {
                    r.pick(&WorkStatus::ALL[1..])
                },
            )
        } else {
            None
        },
        job_type: if working {
            r.maybe(UNKNOWN, r.pick(&JobType::ALL))
        } else {
            None
        },
        wage_contract: if working {
            r.maybe(
                UNKNOWN,
                if poor {
                    r.pick(&WageContract::ALL[1..])
                } else {
                    r.pick(&WageContract::ALL)
                },
            )
        } else {
            None
        },
        nonfarm_work: if adult {
            r.maybe(UNKNOWN, r.pick(&NonfarmWork::ALL))
        } else {
            None
        },
        pension: if age >= 55 {
            r.maybe(UNKNOWN, r.pick(&Pension::ALL))
        } else {
            Some(Pension::None)
        },
        critical_illness: r.maybe(UNKNOWN, r.chance(2)),
    }
}

fn assets(r: &Rng, poor: bool) -> Assets {
    let count = |percent: u64, max: i64| -> Option<u32> {
        let owned = r.chance(if poor { percent / 3 } else { percent });
        r.maybe(UNKNOWN, if owned { r.range(1, max) as u32 } else { 0 })
    };
    Assets {
        car: count(8, 1),
        motorbike: count(85, 3),
        motor_boat: count(3, 1),
        generator: count(3, 1),
        printer_fax: count(5, 1),
        colour_tv: count(85, 2),
        sound_system: count(20, 1),
        computer_or_tablet: count(35, 2),
        fridge: count(65, 1),
        air_conditioner: count(25, 2),
        washing_machine_or_dryer: count(45, 1),
        water_heater: count(30, 1),
        microwave_or_oven: count(15, 1),
        phone: count(95, 4),
        radio: count(8, 1),
    }
}

fn income(r: &Rng, poor: bool, size: f64) -> Option<Income> {
    if r.chance(10) {
        return None;
    }
    // Per person per month, then scaled: poor households sit around the 1.5 million line.
    let per_person = if poor {
        r.range(600_000, 2_200_000)
    } else {
        r.range(1_500_000, 9_000_000)
    };
    let monthly_total = per_person * size as i64;
    if r.chance(40) {
        return Some(Income {
            monthly_vnd: r.maybe(UNKNOWN, monthly_total),
            sources_12m: None,
        });
    }
    let yearly = monthly_total * 12;
    let wages = yearly * r.range(0, 80) / 100;
    let crops_net = yearly - wages;
    let crops_cost = crops_net * r.range(20, 60) / 100;
    Some(Income {
        monthly_vnd: None,
        sources_12m: Some(IncomeSources {
            crops: Some(IncomeSource {
                revenue_vnd: Some(crops_net + crops_cost),
                cost_vnd: Some(crops_cost),
            }),
            wages: Some(IncomeSource {
                revenue_vnd: Some(wages),
                cost_vnd: Some(0),
            }),
            other: r.chance(30).then(|| IncomeSource {
                revenue_vnd: Some(r.range(0, 12) * 500_000),
                cost_vnd: None,
            }),
            ..IncomeSources::default()
        }),
    })
}

/// A line that is not a valid record, for exercising error paths: several kinds in turn.
pub fn bad_line(index: u64) -> String {
    match index % 4 {
        0 => format!("{{\"id\":\"bad-{index}\",\"area\":\"countryside\"}}"),
        1 => format!("{{\"id\":\"bad-{index}\",\"members\":[{{\"sex\":\"m\"}}]}}"),
        2 => format!("{{\"id\":\"bad-{index}\",\"area\":\"rural\",\"colour\":1}}"),
        _ => format!("{{\"id\":\"bad-{index}\",\"area\":"),
    }
}

/// A record as one compact JSON line, leaving out unknown (`null`) answers as a questionnaire export
/// would (absent and `null` mean the same). Written straight from the record's field API (the
/// national-scale bench generates tens of millions of lines): the same text as the household
/// writer's JSON (`mucsong_formats::household::to_value`) with its nulls left out, which a test
/// below checks.
pub fn json_line(record: &HouseholdRecord) -> String {
    let mut out = String::with_capacity(4096);
    write_json_line(record, &mut out);
    out
}

/// `json_line` appended to `out`, so that a stream of tens of millions of lines reuses one
/// buffer.
pub fn write_json_line(record: &HouseholdRecord, out: &mut String) {
    write_record(out, record);
}

fn write_record(out: &mut String, record: &dyn Fields) {
    out.push('{');
    let mut first = true;
    for (i, name) in record.names().iter().enumerate() {
        let answer = record.get(i);
        if is_unknown(answer) {
            continue;
        }
        if !first {
            out.push(',');
        }
        first = false;
        write_key(out, name);
        out.push(':');
        write_answer(out, answer);
    }
    out.push('}');
}

/// A field name or an enum's key: ASCII snake_case, which JSON writes as is.
fn write_key(out: &mut String, key: &str) {
    debug_assert!(key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'));
    out.push('"');
    out.push_str(key);
    out.push('"');
}

/// Whether the household writer would write the answer as `null`.
fn is_unknown(answer: SlotRef) -> bool {
    match answer {
        SlotRef::Text(t) => t.is_none(),
        SlotRef::Bool(b) => b.is_none(),
        SlotRef::Number(n) => !n.is_some_and(f64::is_finite),
        SlotRef::Count(n) => n.is_none(),
        SlotRef::Money(n) => n.is_none(),
        SlotRef::Key(answer) => answer.key().is_none(),
        SlotRef::Record(record) => record.is_none(),
        SlotRef::List(list) => list.n_items().is_none(),
    }
}

fn write_answer(out: &mut String, answer: SlotRef) {
    use mucsong_json::Number;
    use std::fmt::Write;
    match answer {
        SlotRef::Text(Some(text)) => mucsong_json::write_string(out, text),
        SlotRef::Bool(Some(b)) => out.push_str(if b { "true" } else { "false" }),
        // Whole numbers (most of the generated ones) are written digit by digit, which is what
        // `Number`'s `Display` gives them (`18.0`, `2`, `-5`); the rest go through it.
        SlotRef::Number(Some(n)) if n.is_sign_positive() && n.fract() == 0.0 && n < 1e15 => {
            write_digits(out, n as u64);
            out.push_str(".0");
        }
        SlotRef::Number(Some(n)) => {
            let _ = write!(out, "{}", Number::Float(n));
        }
        SlotRef::Count(Some(n)) => write_digits(out, u64::from(n)),
        SlotRef::Money(Some(n)) => {
            if n < 0 {
                out.push('-');
            }
            write_digits(out, n.unsigned_abs());
        }
        SlotRef::Key(answer) => write_key(out, answer.key().unwrap_or_default()),
        SlotRef::Record(Some(record)) => write_record(out, record),
        SlotRef::List(list) => {
            out.push('[');
            for i in 0..list.n_items().unwrap_or_default() {
                if i > 0 {
                    out.push(',');
                }
                if let Some(item) = list.item(i) {
                    write_record(out, item);
                }
            }
            out.push(']');
        }
        _ => out.push_str("null"),
    }
}

/// The decimal digits of `n`, as `{n}` writes them.
fn write_digits(out: &mut String, n: u64) {
    let mut buf = [0; 20];
    let digits = mucsong_formats::jsonl::decimal(n, &mut buf);
    // ASCII digits only.
    out.push_str(std::str::from_utf8(digits).expect("ASCII digits"));
}

/// `n` bytes of deterministic noise (a 64-bit linear congruential generator from `seed`), for
/// "random bytes are refused, never a panic" tests that must fail the same way on every run.
pub fn pseudo_random_bytes(seed: u64, n: usize) -> Vec<u8> {
    let mut state = seed;
    (0..n)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 56) as u8
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use mucsong_json::Value;

    /// The household writer's JSON with its nulls removed: what `json_line` must write.
    fn without_nulls(value: Value) -> Value {
        match value {
            Value::Object(map) => Value::Object(
                map.into_iter()
                    .filter(|(_, v)| !v.is_null())
                    .map(|(k, v)| (k, without_nulls(v)))
                    .collect(),
            ),
            Value::Array(items) => Value::Array(items.into_iter().map(without_nulls).collect()),
            other => other,
        }
    }

    #[test]
    fn json_lines_are_the_household_writers_text_without_nulls() {
        for i in 0..3_000 {
            let record = household(7, i);
            let expected = without_nulls(mucsong_formats::household::to_value(&record)).to_string();
            assert_eq!(json_line(&record), expected, "household {i}");
        }
    }
}
