//! Test helpers shared by the engine's unit tests: the formats.md example household, ways to vary
//! it, and a small reader of households written as JSON (the engine knows no file format; this
//! reader is serde_json's tree put in place through the record's field API, and panics on
//! anything it cannot place, since test records are meant to be readable).

use super::household::{Fields, HouseholdRecord, Slot};
use super::{assess, AssessOptions, Assessment};
use serde_json::Value;

/// Reads a household written as JSON (formats.md §1).
pub(crate) fn record(json: &str) -> HouseholdRecord {
    let value: Value = serde_json::from_str(json).expect("a test household is JSON");
    let mut record = HouseholdRecord::default();
    fill(&mut record, &value, "");
    record
}

/// Puts every field of a JSON object in its place in `record`.
fn fill(record: &mut dyn Fields, value: &Value, path: &str) {
    let object = value
        .as_object()
        .unwrap_or_else(|| panic!("{path}: not an object"));
    for (name, value) in object {
        let index = (record.names().iter().position(|n| n == name))
            .unwrap_or_else(|| panic!("{path}{name}: no such field"));
        let path = format!("{path}{name}");
        let slot = record.slot(index);
        if value.is_null() {
            slot.clear();
            continue;
        }
        let placed = match slot {
            Slot::Text(place) => value.as_str().map(|s| *place = Some(s.to_string())),
            Slot::Bool(place) => value.as_bool().map(|b| *place = Some(b)),
            Slot::Number(place) => value.as_f64().map(|n| *place = Some(n)),
            Slot::Count(place) => (value.as_u64())
                .and_then(|n| u32::try_from(n).ok())
                .map(|n| *place = Some(n)),
            Slot::Money(place) => value.as_i64().map(|n| *place = Some(n)),
            Slot::Key(place) => (value.as_str())
                .is_some_and(|key| place.set_key(key))
                .then_some(()),
            Slot::Record(place) => {
                fill(place.get_or_insert(), value, &format!("{path}."));
                Some(())
            }
            Slot::List(list) => value.as_array().map(|items| {
                list.set_empty();
                for (i, item) in items.iter().enumerate() {
                    fill(list.push(), item, &format!("{path}[{i}]."));
                }
            }),
        };
        placed.unwrap_or_else(|| panic!("{path}: cannot hold {value}"));
    }
}

/// The household of formats.md §1.
pub(crate) const EXAMPLE: &str = r#"{
      "schema": "mucsong/household@1",
      "id": "thon-3-ho-17",
      "assessed_on": "2026-11-26",
      "area": "rural",
      "region": "northern_midlands_mountains",
      "agricultural_household": true,
      "screening": {
        "villa_or_grade_1_2_house": false,
        "business_3plus_workers_or_tax_100m": false,
        "farm_or_livestock_200m": false,
        "production_asset_200m": false,
        "provincial_condition": false,
        "motor_vehicle_20m": false,
        "rents_out_property": false
      },
      "members": [
        {
          "name": "optional, never required",
          "birth_date": "1984-05-02",
          "sex": "male",
          "height_cm": null,
          "weight_kg": null,
          "malnourished": null,
          "in_school": false,
          "school_level": null,
          "general_education": "lower_secondary",
          "vocational_training": "none",
          "health_insurance": true,
          "state_funded_insurance": false,
          "uses_internet": true,
          "monthly_social_allowance": "none",
          "work_status": "working",
          "job_type": "other",
          "wage_contract": "not_wage_work",
          "nonfarm_work": "none",
          "pension": "none",
          "critical_illness": false
        }
      ],
      "housing": {
        "wall": "brick_stone",
        "column": "none",
        "roof": "metal_sheet",
        "living_area_m2": 36.0
      },
      "latrine": "pour_flush_vip_pit_double_vault",
      "electricity_kwh_per_month": 60,
      "water": "protected_well_or_spring",
      "assets": {
        "car": 0, "motorbike": 1, "motor_boat": 0, "generator": 0, "printer_fax": 0, "colour_tv": 1,
        "sound_system": 0, "computer_or_tablet": 0, "fridge": 0, "air_conditioner": 0,
        "washing_machine_or_dryer": 0, "water_heater": 0, "microwave_or_oven": 0, "phone": 2, "radio": 0
      },
      "land_m2": {
        "garden_pond_adjacent": 200, "annual_crops": 3000, "perennial_crops": 0, "water_surface": 0,
        "forest": 0
      },
      "livestock": { "buffalo_cow_horse": 1, "pig_goat_sheep": 3, "poultry": 20, "aquaculture": false },
      "income": {
        "monthly_vnd": null,
        "sources_12m": {
          "crops": { "revenue_vnd": 24000000, "cost_vnd": 9000000 },
          "wages": { "revenue_vnd": 30000000, "cost_vnd": 0 }
        }
      },
      "waste": null
    }"#;

/// Assesses a JSON household.
pub(crate) fn run(json: &str) -> Assessment {
    assess(&record(json), &AssessOptions::default()).unwrap()
}

/// Assesses the JSON household after an edit.
pub(crate) fn with(json: &str, edit: impl FnOnce(&mut serde_json::Value)) -> Assessment {
    let mut value: serde_json::Value = serde_json::from_str(json).unwrap();
    edit(&mut value);
    run(&value.to_string())
}

/// The example household with these members (each a JSON object merged over the example's only
/// member), assessed on `date`, after `edit`.
pub(crate) fn members(
    date: &str,
    members: &[serde_json::Value],
    edit: impl FnOnce(&mut serde_json::Value),
) -> Assessment {
    with(EXAMPLE, |v| {
        let base = v["members"][0].clone();
        let list: Vec<serde_json::Value> = members
            .iter()
            .map(|m| {
                let mut member = base.clone();
                for (k, x) in m.as_object().expect("member object") {
                    member[k] = x.clone();
                }
                member
            })
            .collect();
        v["members"] = serde_json::Value::Array(list);
        v["assessed_on"] = date.into();
        edit(v);
    })
}
