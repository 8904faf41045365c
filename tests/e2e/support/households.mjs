//! Households for end-to-end specs, as answers the questionnaire page object gives (see pages/questionnaire-page.mjs).
//
// The rural household of four is the engine's example household (assessed 2026-06-01: poor);
// questionnaire.test.mjs and offline.test.mjs both use it.

export const NO_ASSETS = {
  "assets.car": 0, "assets.motor_boat": 0, "assets.generator": 0, "assets.fridge": 0, "assets.air_conditioner": 0,
  "assets.washing_machine_or_dryer": 0, "assets.water_heater": 0, "assets.microwave_or_oven": 0, "assets.colour_tv": 0,
  "assets.radio": 0, "assets.computer_or_tablet": 0, "assets.printer_fax": 0, "assets.sound_system": 0,
};
export const NO_EXCLUSIONS = {
  "screening.villa_or_grade_1_2_house": "false", "screening.business_3plus_workers_or_tax_100m": "false",
  "screening.farm_or_livestock_200m": "false", "screening.production_asset_200m": "false",
  "screening.provincial_condition": "false", "screening.motor_vehicle_20m": "false", "screening.rents_out_property": "false",
};

/** A rural household of four in Lào Cai, assessed 2026-06-01 (the engine's example household). */
export const RURAL_FOUR = {
  answers: {
    area: "rural", province: "Lào Cai", agricultural_household: "true", ...NO_EXCLUSIONS,
    "housing.wall": "other", "housing.column": "other", "housing.roof": "metal_sheet", "housing.living_area_m2": "24",
    water: "other", latrine: "other", electricity_kwh_per_month: "40",
    ...NO_ASSETS, "assets.motorbike": 1, "assets.phone": 1,
    "land_m2.garden_pond_adjacent": "100", "land_m2.annual_crops": "2000", "land_m2.perennial_crops": "0",
    "land_m2.water_surface": "0", "land_m2.forest": "0",
    "livestock.buffalo_cow_horse": 0, "livestock.pig_goat_sheep": 2, "livestock.poultry": 10, "livestock.aquaculture": "false",
    income_mode: "monthly", "income.monthly_vnd": "4.000.000", waste: "other",
  },
  members: [
    { name: "Anh Hùng", birth_date: "1984", sex: "male", health_insurance: "false", state_funded_insurance: "false",
      uses_internet: "false", general_education: "primary", vocational_training: "none", work_status: "working",
      job_type: "household_hired", wage_contract: "without_contract", nonfarm_work: "hired_or_own_business",
      monthly_social_allowance: "none", pension: "none", critical_illness: "false" },
    { name: "Chị Mai", birth_date: "1986", sex: "female", health_insurance: "true", uses_internet: "false",
      general_education: "primary", vocational_training: "none", work_status: "retired_or_homemaker", nonfarm_work: "none",
      monthly_social_allowance: "none", pension: "none", critical_illness: "false" },
    { birth_date: "01/03/2014", sex: "female", health_insurance: "true", uses_internet: "false", in_school: "true",
      school_level: "primary", monthly_social_allowance: "none", height_cm: "140", malnourished: "false" },
    { birth_date: "01/08/2021", sex: "male", health_insurance: "true", uses_internet: "false", in_school: "false",
      monthly_social_allowance: "none", height_cm: "95", weight_kg: "14", malnourished: "false" },
  ],
};

/** A number as a Vietnamese person writes it: `1.000` for a thousand, `9,5` for nine and a half. */
export function vietnamese(n) {
  const [int, frac] = String(n).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return frac ? `${grouped},${frac}` : grouped;
}

/** A household record as the page object's flat answers (`{"housing.wall": "other", ...}`) and members. */
export function answersOf(record, province) {
  const answers = { province };
  const flat = (prefix, value) => {
    if (value === null || value === undefined) return;
    if (typeof value === "object" && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) flat(prefix ? `${prefix}.${k}` : k, v);
    } else if (typeof value === "number") {
      // Areas, counts and money alike: `1.000` for a thousand, `20,5` for twenty and a half.
      answers[prefix] = vietnamese(value);
    } else {
      answers[prefix] = String(value);
    }
  };
  const { members, schema, id, assessed_on, income, ...rest } = record;
  flat("", rest);
  if (income?.monthly_vnd != null) {
    answers.income_mode = "monthly";
    answers["income.monthly_vnd"] = vietnamese(income.monthly_vnd);
  }
  const people = members.map((m) => {
    const out = {};
    for (const [k, v] of Object.entries(m)) {
      if (v === null || v === undefined) continue;
      out[k] = typeof v === "number" ? vietnamese(v) : String(v);
    }
    return out;
  });
  return { answers, members: people };
}
