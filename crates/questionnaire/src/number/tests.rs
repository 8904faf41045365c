//! Tests of the number reader: every notation the module documentation promises, both sides of
//! each ambiguity, the limits, garbage, the echo, the messages' keys and placeholders, and laws
//! on generated numbers (proptest).

use super::*;
use mucsong_i18n::Locale;
use proptest::prelude::*;

const NBSP: char = '\u{a0}';

const HEIGHT: NumberKind = NumberKind::Decimal {
    min: 30.0,
    max: 250.0,
    unit: Unit::Centimetre,
};
const WEIGHT: NumberKind = NumberKind::Decimal {
    min: 1.0,
    max: 300.0,
    unit: Unit::Kilogram,
};
const FLOOR_AREA: NumberKind = NumberKind::Decimal {
    min: 0.0,
    max: 100_000.0,
    unit: Unit::SquareMetre,
};
const ELECTRICITY: NumberKind = NumberKind::Decimal {
    min: 0.0,
    max: 1_000_000.0,
    unit: Unit::KilowattHour,
};
const LAND_NORTH: NumberKind = NumberKind::Land {
    max_m2: 100_000_000.0,
    sao: Some(SaoSize::BacBo),
};
const LAND_CENTRE: NumberKind = NumberKind::Land {
    max_m2: 100_000_000.0,
    sao: Some(SaoSize::TrungBo),
};
const LAND_UNKNOWN_SAO: NumberKind = NumberKind::Land {
    max_m2: 100_000_000.0,
    sao: None,
};
const MOTORBIKES: NumberKind = NumberKind::Count { max: 99 };
const POULTRY: NumberKind = NumberKind::Count { max: 1_000_000 };
const MONEY: NumberKind = NumberKind::MONEY;
/// Money with a limit of its own (a monthly income of at most 100 million).
const MONTHLY_INCOME: NumberKind = NumberKind::Money { max: 100_000_000 };

const EVERY_KIND: [NumberKind; 11] = [
    HEIGHT,
    WEIGHT,
    FLOOR_AREA,
    ELECTRICITY,
    LAND_NORTH,
    LAND_CENTRE,
    LAND_UNKNOWN_SAO,
    MOTORBIKES,
    POULTRY,
    MONEY,
    MONTHLY_INCOME,
];

/// The echo as written in the tests: `_` stands for the no-break space, and so does a dot between
/// digits (the tests were written with the Vietnamese thousands dot; the echo groups thousands
/// with no-break spaces so that `= 1 000` cannot be misread).
fn echo(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let digit_at = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| match c {
            '_' => NBSP,
            '.' if i > 0 && digit_at(i - 1) && digit_at(i + 1) => NBSP,
            c => c,
        })
        .collect()
}

fn reading(kind: &NumberKind, text: &str) -> Reading {
    match read(text, kind) {
        Ok(Some(reading)) => reading,
        other => panic!("{text:?} as {kind:?}: expected a number, got {other:?}"),
    }
}

fn error(kind: &NumberKind, text: &str) -> NumberError {
    match read(text, kind) {
        Err(error) => error,
        other => panic!("{text:?} as {kind:?}: expected an error, got {other:?}"),
    }
}

/// Each case: text, value, echo (`_` for the no-break space).
fn check_readings(kind: &NumberKind, cases: &[(&str, f64, &str)]) {
    let mut failures = Vec::new();
    for &(text, value, expected_echo) in cases {
        match read(text, kind) {
            Ok(Some(got)) if got.value.as_f64() == value && got.echo == echo(expected_echo) => {}
            other => failures.push(format!(
                "{text:?}: expected {value} {:?}, got {other:?}",
                echo(expected_echo)
            )),
        }
    }
    assert!(failures.is_empty(), "{kind:?}:\n{}", failures.join("\n"));
}

/// Each case: text and the error key it must give.
fn check_errors(kind: &NumberKind, cases: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for &(text, key) in cases {
        match read(text, kind) {
            Err(got) if got.key == key => {
                assert_eq!(got.arg("found"), Some(text.trim()), "{text:?}");
            }
            other => failures.push(format!("{text:?}: expected {key}, got {other:?}")),
        }
    }
    assert!(failures.is_empty(), "{kind:?}:\n{}", failures.join("\n"));
}

/// The user test in rural Lạng Sơn: a thousands dot was read as a decimal point in land fields
/// (`1.000` → 1 m²), a comma too (`5,000` → 5 m²), and `3 sào`, `3 triệu` were refused.
#[test]
fn the_numbers_of_the_lang_son_user_test() {
    check_readings(
        &LAND_NORTH,
        &[
            ("1.000", 1_000.0, "= 1.000_m²"),
            ("5.000", 5_000.0, "= 5.000_m²"),
            ("1.500", 1_500.0, "= 1.500_m²"),
            ("3 sào", 1_080.0, "= 1.080_m² (1 sào = 360_m²)"),
        ],
    );
    assert_eq!(
        error(&LAND_NORTH, "5,000").key,
        "num_err_ambiguous_separator"
    );
    check_readings(
        &MONEY,
        &[
            ("3.000.000", 3e6, "= 3.000.000_đ"),
            ("3 triệu", 3e6, "= 3.000.000_đ"),
        ],
    );
    check_readings(&POULTRY, &[("1.000", 1_000.0, "= 1.000")]);
}

#[test]
fn land_reads_vietnamese_digits_and_units() {
    check_readings(
        &LAND_NORTH,
        &[
            ("0", 0.0, "= 0_m²"),
            ("1.500.000", 1_500_000.0, "= 1.500.000_m²"),
            ("0,5", 0.5, "= 0,5_m²"),
            ("1,25", 1.25, "= 1,25_m²"),
            // A mark before anything but three digits is a decimal mark, dot or comma.
            ("1.5", 1.5, "= 1,5_m²"),
            ("12.75", 12.75, "= 12,75_m²"),
            ("5,00", 5.0, "= 5_m²"),
            ("5,0000", 5.0, "= 5_m²"),
            ("1.5000", 1.5, "= 1,5_m²"),
            // Digits that cannot start a grouped number: decimals.
            ("0,500", 0.5, "= 0,5_m²"),
            ("0.500", 0.5, "= 0,5_m²"),
            ("1234.567", 1_234.567, "= 1.234,567_m²"),
            // Spaces, including the no-break and thin ones, group thousands.
            ("1 000", 1_000.0, "= 1.000_m²"),
            ("1 500 000", 1_500_000.0, "= 1.500.000_m²"),
            ("1\u{a0}000", 1_000.0, "= 1.000_m²"),
            ("1\u{202f}000", 1_000.0, "= 1.000_m²"),
            ("1 500,5", 1_500.5, "= 1.500,5_m²"),
            // Both marks: the last one is the decimal mark.
            ("1.500,5", 1_500.5, "= 1.500,5_m²"),
            ("1,500.5", 1_500.5, "= 1.500,5_m²"),
            ("1.000.000,25", 1_000_000.25, "= 1.000.000,25_m²"),
            ("1,000,000.25", 1_000_000.25, "= 1.000.000,25_m²"),
            ("1.500,000", 1_500.0, "= 1.500_m²"),
            // Several commas can only group thousands.
            ("1,500,000", 1_500_000.0, "= 1.500.000_m²"),
            // The field's own unit.
            ("1.000 m²", 1_000.0, "= 1.000_m²"),
            ("1.000m²", 1_000.0, "= 1.000_m²"),
            ("1000 m2", 1_000.0, "= 1.000_m²"),
            ("1000M2", 1_000.0, "= 1.000_m²"),
            ("50 m^2", 50.0, "= 50_m²"),
            ("1.000 mét vuông", 1_000.0, "= 1.000_m²"),
            ("1.000 met vuong", 1_000.0, "= 1.000_m²"),
            ("  1.000  ", 1_000.0, "= 1.000_m²"),
            ("2 nghìn m²", 2_000.0, "= 2.000_m²"),
            ("1,5 nghìn", 1_500.0, "= 1.500_m²"),
            // Units it converts, and what they counted as.
            ("1,5 sào", 540.0, "= 540_m² (1 sào = 360_m²)"),
            ("0,3 sào", 108.0, "= 108_m² (1 sào = 360_m²)"),
            ("3 sào rưỡi", 1_260.0, "= 1.260_m² (1 sào = 360_m²)"),
            ("2 mẫu", 7_200.0, "= 7.200_m² (1 mẫu = 3.600_m²)"),
            ("5 công", 5_000.0, "= 5.000_m² (1 công = 1.000_m²)"),
            ("0,5 ha", 5_000.0, "= 5.000_m² (1 ha = 10.000_m²)"),
            ("1 hecta", 10_000.0, "= 10.000_m² (1 ha = 10.000_m²)"),
            ("2 héc ta", 20_000.0, "= 20.000_m² (1 ha = 10.000_m²)"),
            ("1 ha rưỡi", 15_000.0, "= 15.000_m² (1 ha = 10.000_m²)"),
            ("0,123456 ha", 1_234.56, "= 1.234,56_m² (1 ha = 10.000_m²)"),
            // Groups from larger to smaller add up.
            (
                "2 mẫu 3 sào",
                8_280.0,
                "= 8.280_m² (1 mẫu = 3.600_m², 1 sào = 360_m²)",
            ),
            ("1 ha 500 m²", 10_500.0, "= 10.500_m² (1 ha = 10.000_m²)"),
            // Case and accents do not matter, nor how the accents were typed.
            ("3 SÀO", 1_080.0, "= 1.080_m² (1 sào = 360_m²)"),
            ("3 sao", 1_080.0, "= 1.080_m² (1 sào = 360_m²)"),
            ("3 sa\u{300}o", 1_080.0, "= 1.080_m² (1 sào = 360_m²)"),
            ("3sào", 1_080.0, "= 1.080_m² (1 sào = 360_m²)"),
        ],
    );
    check_readings(
        &LAND_CENTRE,
        &[
            ("3 sào", 1_500.0, "= 1.500_m² (1 sào = 500_m²)"),
            ("1,5 sào", 750.0, "= 750_m² (1 sào = 500_m²)"),
            ("2 mẫu", 10_000.0, "= 10.000_m² (1 mẫu = 5.000_m²)"),
            ("1.000", 1_000.0, "= 1.000_m²"),
        ],
    );
}

#[test]
fn a_sao_without_a_region_is_refused_with_both_sizes() {
    let sao = error(&LAND_UNKNOWN_SAO, "3 sào");
    assert_eq!(sao.key, "num_err_sao_region");
    assert_eq!(sao.arg("as_bac_bo"), Some(echo("1.080_m²").as_str()));
    assert_eq!(sao.arg("as_trung_bo"), Some(echo("1.500_m²").as_str()));
    let mau = error(&LAND_UNKNOWN_SAO, "2 mẫu");
    assert_eq!(mau.key, "num_err_sao_region");
    assert_eq!(mau.arg("as_bac_bo"), Some(echo("7.200_m²").as_str()));
    assert_eq!(mau.arg("as_trung_bo"), Some(echo("10.000_m²").as_str()));
    assert_eq!(
        error(&LAND_UNKNOWN_SAO, "2 mẫu 3 sào").key,
        "num_err_sao_region"
    );
    // Units that are the same everywhere need no region.
    check_readings(
        &LAND_UNKNOWN_SAO,
        &[
            ("1.000 m²", 1_000.0, "= 1.000_m²"),
            ("5 công", 5_000.0, "= 5.000_m² (1 công = 1.000_m²)"),
            ("1 ha", 10_000.0, "= 10.000_m² (1 ha = 10.000_m²)"),
        ],
    );
    // What is wrong with the number itself is said first.
    check_errors(
        &LAND_UNKNOWN_SAO,
        &[
            ("1,500 sào", "num_err_ambiguous_separator"),
            ("1..5 sào", "num_err_bad_grouping"),
            ("1 triệu sào", "num_err_too_large"),
        ],
    );
}

/// One mark followed by three digits: both readings, in and out of the field's range.
#[test]
fn a_mark_before_three_digits_is_read_by_the_rules() {
    // Rule 2: a dot in a measure is a thousands dot…
    for (kind, text, value) in [
        (&FLOOR_AREA, "12.500", 12_500.0),
        (&ELECTRICITY, "1.500", 1_500.0),
        (&LAND_NORTH, "1.000", 1_000.0),
    ] {
        let got = reading(kind, text);
        assert_eq!(
            (got.value.as_f64(), got.chosen_by_range),
            (value, false),
            "{text}"
        );
    }
    // …unless thousands is out of range and the decimal reading in it.
    let weight = reading(&WEIGHT, "12.500");
    assert_eq!(weight.value, Number::Measure(12.5));
    assert_eq!(weight.echo, echo("= 12,5_kg"));
    assert!(weight.chosen_by_range);
    // Neither in range: the thousands reading is reported.
    let height = error(&HEIGHT, "1.650");
    assert_eq!(height.key, "num_err_too_large");
    assert_eq!(height.arg("read"), Some(echo("1.650_cm").as_str()));
    assert_eq!(height.arg("max"), Some(echo("250_cm").as_str()));

    // Rule 3: a comma in a measure: the range decides…
    let weight = reading(&WEIGHT, "12,500");
    assert_eq!(
        (weight.value, weight.chosen_by_range),
        (Number::Measure(12.5), true)
    );
    // …or, when both readings fit, the household does.
    let area = error(&FLOOR_AREA, "12,500");
    assert_eq!(area.key, "num_err_ambiguous_separator");
    assert_eq!(area.arg("first"), Some(echo("12.500_m²").as_str()));
    assert_eq!(area.arg("second"), Some(echo("12,5_m²").as_str()));
    assert_eq!(area.arg("write_first"), Some("12500"));
    assert_eq!(area.arg("write_second"), Some("12,5"));
    let land = error(&LAND_NORTH, "5,000");
    assert_eq!(land.arg("first"), Some(echo("5.000_m²").as_str()));
    assert_eq!(land.arg("second"), Some(echo("5_m²").as_str()));
    assert_eq!(land.arg("write_first"), Some("5000"));
    assert_eq!(land.arg("write_second"), Some("5"));
    assert_eq!(
        error(&ELECTRICITY, "1,500").key,
        "num_err_ambiguous_separator"
    );
    // Neither in range: the decimal reading of a comma is reported.
    let height = error(&HEIGHT, "1,650");
    assert_eq!(height.key, "num_err_too_small");
    assert_eq!(height.arg("read"), Some(echo("1,65_cm").as_str()));
    // Two digits after the comma are not ambiguous.
    let weight = reading(&WEIGHT, "12,50");
    assert_eq!(
        (weight.value, weight.chosen_by_range),
        (Number::Measure(12.5), false)
    );

    // Rule 3 also before a multiplier or a converting unit, whichever the mark.
    for (kind, text, first, second, write_first, write_second) in [
        (
            &MONEY,
            "1.500 triệu",
            "1.500.000.000_đ",
            "1.500.000_đ",
            "1500 triệu",
            "1,5 triệu",
        ),
        (
            &MONEY,
            "1,500 triệu",
            "1.500.000.000_đ",
            "1.500.000_đ",
            "1500 triệu",
            "1,5 triệu",
        ),
        (&MONEY, "1,500k", "1.500.000_đ", "1.500_đ", "1500k", "1,5k"),
        (
            &LAND_NORTH,
            "1.500 sào",
            "540.000_m²",
            "540_m²",
            "1500 sào",
            "1,5 sào",
        ),
    ] {
        let got = error(kind, text);
        assert_eq!(got.key, "num_err_ambiguous_separator", "{text}");
        assert_eq!(got.arg("first"), Some(echo(first).as_str()), "{text}");
        assert_eq!(got.arg("second"), Some(echo(second).as_str()), "{text}");
        assert_eq!(got.arg("write_first"), Some(write_first), "{text}");
        assert_eq!(got.arg("write_second"), Some(write_second), "{text}");
    }
    // The range decides before a multiplier too.
    let income = reading(&MONTHLY_INCOME, "1.500 triệu");
    assert_eq!(
        (income.value, income.chosen_by_range),
        (Number::Whole(1_500_000), true)
    );
    let chickens = reading(&POULTRY, "1,500 nghìn con");
    assert_eq!(
        (chickens.value, chickens.chosen_by_range),
        (Number::Whole(1_500), true)
    );

    // Rule 1: whole-number fields with no multiplier: thousands, whichever the mark.
    for (kind, text, value) in [
        (&POULTRY, "1.000", 1_000),
        (&POULTRY, "1,000", 1_000),
        (&POULTRY, "2,500", 2_500),
        (&MONEY, "1.500", 1_500),
        (&MONEY, "500,000", 500_000),
        (&MONEY, "5,000 đ", 5_000),
    ] {
        let got = reading(kind, text);
        assert_eq!(
            (got.value, got.chosen_by_range),
            (Number::Whole(value), false),
            "{text}"
        );
    }
}

/// What an ambiguity message suggests typing reads, unambiguously, as what it says.
#[test]
fn the_suggested_texts_read_as_the_readings_they_offer() {
    for (kind, text) in [
        (&FLOOR_AREA, "12,500"),
        (&LAND_NORTH, "5,000"),
        (&LAND_NORTH, "5,000 m²"),
        (&LAND_NORTH, "1.500 sào"),
        (&ELECTRICITY, "1,500"),
        (&MONEY, "1.500 triệu"),
        (&MONEY, "2,250 tỷ"),
        (&MONEY, "1tr50"),
        (&MONEY, "2 tỷ 3 triệu 50"),
        (&POULTRY, "2 nghìn 50 con"),
    ] {
        let got = error(kind, text);
        assert!(got.key.starts_with("num_err_ambiguous"), "{text}: {got:?}");
        for (offered, typed) in [("first", "write_first"), ("second", "write_second")] {
            let suggestion = got.arg(typed).unwrap();
            let again = reading(kind, suggestion);
            assert_eq!(
                format_value(again.value, kind),
                got.arg(offered).unwrap(),
                "{text} → {suggestion}"
            );
            assert!(!again.chosen_by_range, "{text} → {suggestion}");
        }
    }
}

#[test]
fn counts_are_whole() {
    check_readings(
        &POULTRY,
        &[
            ("0", 0.0, "= 0"),
            ("12", 12.0, "= 12"),
            ("1.000", 1_000.0, "= 1.000"),
            ("1,000", 1_000.0, "= 1.000"),
            ("1 000", 1_000.0, "= 1.000"),
            ("1.000 con gà", 1_000.0, "= 1.000"),
            ("1.000 con", 1_000.0, "= 1.000"),
            ("20 CON VỊT", 20.0, "= 20"),
            ("2k", 2_000.0, "= 2.000"),
            ("2 nghìn con", 2_000.0, "= 2.000"),
            ("2,5 nghìn", 2_500.0, "= 2.500"),
            ("2 nghìn 5 con", 2_500.0, "= 2.500"),
            ("2 nghìn rưỡi", 2_500.0, "= 2.500"),
            ("1 triệu", 1_000_000.0, "= 1.000.000"),
            ("2,0", 2.0, "= 2"),
            ("2.00", 2.0, "= 2"),
        ],
    );
    check_readings(
        &MOTORBIKES,
        &[
            ("2", 2.0, "= 2"),
            ("2 chiếc", 2.0, "= 2"),
            ("2 cái", 2.0, "= 2"),
            ("99", 99.0, "= 99"),
        ],
    );
    let half = error(&POULTRY, "2,5");
    assert_eq!(half.key, "num_err_count_not_whole");
    assert_eq!(half.arg("read"), Some("2,5"));
    check_errors(
        &POULTRY,
        &[
            ("2.5", "num_err_count_not_whole"),
            ("1,25 con", "num_err_count_not_whole"),
            ("2,5 con gà", "num_err_count_not_whole"),
            ("2 con rưỡi", "num_err_not_understood"),
            ("2 con gà 3 con vịt", "num_err_not_understood"),
            ("1.000.001", "num_err_too_large"),
            ("3 sào", "num_err_unknown_word"),
        ],
    );
    let too_many = error(&MOTORBIKES, "100");
    assert_eq!(too_many.key, "num_err_too_large");
    assert_eq!(too_many.arg("read"), Some("100"));
    assert_eq!(too_many.arg("max"), Some("99"));
    assert_eq!(
        error(&MOTORBIKES, "1.000").arg("read"),
        Some(echo("1.000").as_str())
    );
}

#[test]
fn money_is_whole_dong_with_vietnamese_shorthand() {
    check_readings(
        &MONEY,
        &[
            ("0", 0.0, "= 0_đ"),
            ("3.000.000", 3e6, "= 3.000.000_đ"),
            ("3,000,000", 3e6, "= 3.000.000_đ"),
            ("3 000 000", 3e6, "= 3.000.000_đ"),
            ("3000000", 3e6, "= 3.000.000_đ"),
            ("3.000.000đ", 3e6, "= 3.000.000_đ"),
            ("3.000.000 đ", 3e6, "= 3.000.000_đ"),
            ("3.000.000 Đ", 3e6, "= 3.000.000_đ"),
            ("3.000.000 đồng", 3e6, "= 3.000.000_đ"),
            ("3.000.000 dong", 3e6, "= 3.000.000_đ"),
            ("3.000.000 VNĐ", 3e6, "= 3.000.000_đ"),
            ("3tr", 3e6, "= 3.000.000_đ"),
            ("3 tr", 3e6, "= 3.000.000_đ"),
            ("3 triệu", 3e6, "= 3.000.000_đ"),
            ("3 TRIỆU", 3e6, "= 3.000.000_đ"),
            ("3 trieu", 3e6, "= 3.000.000_đ"),
            ("3 tri\u{65}\u{323}\u{302}u", 3e6, "= 3.000.000_đ"),
            ("3 triệu đồng", 3e6, "= 3.000.000_đ"),
            ("3 củ", 3e6, "= 3.000.000_đ"),
            ("1,5 triệu", 1.5e6, "= 1.500.000_đ"),
            ("1,5tr", 1.5e6, "= 1.500.000_đ"),
            // A dot before one digit can only be a decimal point (phone keypads).
            ("1.5 triệu", 1.5e6, "= 1.500.000_đ"),
            ("1,25 triệu", 1.25e6, "= 1.250.000_đ"),
            ("1,2345 triệu", 1_234_500.0, "= 1.234.500_đ"),
            ("2,5 tỷ", 2.5e9, "= 2.500.000.000_đ"),
            ("2,5 tỉ", 2.5e9, "= 2.500.000.000_đ"),
            ("500k", 5e5, "= 500.000_đ"),
            ("500K", 5e5, "= 500.000_đ"),
            ("500 nghìn", 5e5, "= 500.000_đ"),
            ("500 ngàn", 5e5, "= 500.000_đ"),
            ("500 nghin", 5e5, "= 500.000_đ"),
            ("2 nghìn", 2e3, "= 2.000_đ"),
            ("2k", 2e3, "= 2.000_đ"),
            // Digits right after a multiplier are its decimals.
            ("3tr5", 3.5e6, "= 3.500.000_đ"),
            ("3 triệu 5", 3.5e6, "= 3.500.000_đ"),
            ("3tr500", 3.5e6, "= 3.500.000_đ"),
            ("3tr050", 3.05e6, "= 3.050.000_đ"),
            ("3tr5 đồng", 3.5e6, "= 3.500.000_đ"),
            ("2k5", 2_500.0, "= 2.500_đ"),
            ("3 triệu rưỡi", 3.5e6, "= 3.500.000_đ"),
            ("3 triệu rưởi", 3.5e6, "= 3.500.000_đ"),
            ("3 triệu rưỡi đồng", 3.5e6, "= 3.500.000_đ"),
            // Groups from larger to smaller add up.
            ("2 tỷ 500 triệu", 2.5e9, "= 2.500.000.000_đ"),
            ("2 tỷ 500 triệu đồng", 2.5e9, "= 2.500.000.000_đ"),
            ("3 triệu 200 nghìn", 3.2e6, "= 3.200.000_đ"),
            ("3tr200k", 3.2e6, "= 3.200.000_đ"),
            (
                "1 tỷ 2 triệu 300 nghìn",
                1_002_300_000.0,
                "= 1.002.300.000_đ",
            ),
            ("2 tỷ 3 triệu 5", 2_003_500_000.0, "= 2.003.500.000_đ"),
            (
                "999999999999999",
                999_999_999_999_999.0,
                "= 999.999.999.999.999_đ",
            ),
            ("0000000000000000001", 1.0, "= 1_đ"),
        ],
    );
    let fraction = error(&MONEY, "1,5");
    assert_eq!(fraction.key, "num_err_money_not_whole");
    assert_eq!(fraction.arg("read"), Some("1,5"));
    let fraction = error(&MONEY, "1,2345678 triệu");
    assert_eq!(fraction.key, "num_err_money_not_whole");
    assert_eq!(fraction.arg("read"), Some(echo("1.234.567,8").as_str()));
    let shorthand = error(&MONEY, "1tr50");
    assert_eq!(shorthand.key, "num_err_ambiguous_shorthand");
    assert_eq!(shorthand.arg("first"), Some(echo("1.500.000_đ").as_str()));
    assert_eq!(shorthand.arg("second"), Some(echo("1.050.000_đ").as_str()));
    assert_eq!(shorthand.arg("write_first"), Some("1.500.000"));
    assert_eq!(shorthand.arg("write_second"), Some("1.050.000"));
    let unit = error(&MONEY, "3 sào");
    assert_eq!(unit.key, "num_err_unknown_word");
    assert_eq!(unit.arg("word"), Some("sào"));
    assert!(unit.arg("expected").unwrap().contains("triệu"));
    check_errors(
        &MONEY,
        &[
            ("1.5", "num_err_money_not_whole"),
            ("3 triệu 50", "num_err_ambiguous_shorthand"),
            ("2k50", "num_err_ambiguous_shorthand"),
            ("3tr5000", "num_err_not_understood"),
            ("3 triệu 1.500 nghìn", "num_err_not_understood"),
            ("3 triệu 1500 nghìn", "num_err_not_understood"),
            ("500 nghìn 3 triệu", "num_err_not_understood"),
            ("3 triệu 3 triệu", "num_err_not_understood"),
            ("1,5tr5", "num_err_not_understood"),
            ("3 tr rưỡi 5", "num_err_not_understood"),
            // One multiplier a group (no household field reaches a nghìn tỷ).
            ("999 nghìn tỷ", "num_err_not_understood"),
            ("3 đồng triệu", "num_err_not_understood"),
            ("đ 500", "num_err_not_understood"),
            ("3 triệu/tháng", "num_err_unknown_word"),
            ("1.000.000 tỷ", "num_err_too_large"),
            ("1000000000000000", "num_err_too_many_digits"),
        ],
    );
    let limit = error(&MONTHLY_INCOME, "200 triệu");
    assert_eq!(limit.key, "num_err_too_large");
    assert_eq!(limit.arg("read"), Some(echo("200.000.000_đ").as_str()));
    assert_eq!(limit.arg("max"), Some(echo("100.000.000_đ").as_str()));
}

#[test]
fn heights_weights_and_electricity_take_their_units() {
    check_readings(
        &HEIGHT,
        &[
            ("165", 165.0, "= 165_cm"),
            ("150,5", 150.5, "= 150,5_cm"),
            ("150.5", 150.5, "= 150,5_cm"),
            ("165 cm", 165.0, "= 165_cm"),
            ("165cm", 165.0, "= 165_cm"),
            ("165 phân", 165.0, "= 165_cm"),
            ("1m65", 165.0, "= 165_cm"),
            ("1m5", 150.0, "= 150_cm"),
            ("1m05", 105.0, "= 105_cm"),
            ("1M65", 165.0, "= 165_cm"),
            ("1 mét 65", 165.0, "= 165_cm"),
            ("1,65 m", 165.0, "= 165_cm"),
            ("1.65m", 165.0, "= 165_cm"),
            ("1m", 100.0, "= 100_cm"),
            ("1 mét rưỡi", 150.0, "= 150_cm"),
            ("1m 65cm", 165.0, "= 165_cm"),
            ("1m 5cm", 105.0, "= 105_cm"),
            ("1m65cm", 165.0, "= 165_cm"),
            ("1m5cm", 105.0, "= 105_cm"),
            // In a height, `m2` is 1,2 m, not square metres.
            ("1m2", 120.0, "= 120_cm"),
            ("30", 30.0, "= 30_cm"),
            ("250", 250.0, "= 250_cm"),
        ],
    );
    check_errors(
        &HEIGHT,
        &[
            ("29", "num_err_too_small"),
            ("29,9", "num_err_too_small"),
            ("250,1", "num_err_too_large"),
            ("1m650", "num_err_not_understood"),
            ("165 m²", "num_err_unknown_word"),
        ],
    );
    let short = error(&HEIGHT, "29");
    assert_eq!(short.arg("min"), Some(echo("30_cm").as_str()));
    assert_eq!(short.arg("read"), Some(echo("29_cm").as_str()));

    check_readings(
        &WEIGHT,
        &[
            ("45", 45.0, "= 45_kg"),
            ("45 kg", 45.0, "= 45_kg"),
            ("45kg", 45.0, "= 45_kg"),
            ("45 ký", 45.0, "= 45_kg"),
            ("45 kí", 45.0, "= 45_kg"),
            ("45 cân", 45.0, "= 45_kg"),
            ("45 kilo", 45.0, "= 45_kg"),
            ("12,5", 12.5, "= 12,5_kg"),
            ("3200g", 3.2, "= 3,2_kg"),
            ("3.200 g", 3.2, "= 3,2_kg"),
            ("3 200 gam", 3.2, "= 3,2_kg"),
        ],
    );
    let k = error(&WEIGHT, "50k");
    assert_eq!(k.key, "num_err_too_large");
    assert_eq!(k.arg("read"), Some(echo("50.000_kg").as_str()));
    assert_eq!(k.arg("max"), Some(echo("300_kg").as_str()));
    assert_eq!(error(&WEIGHT, "0,5").key, "num_err_too_small");

    check_readings(
        &ELECTRICITY,
        &[
            ("150", 150.0, "= 150_kWh"),
            ("150 kWh", 150.0, "= 150_kWh"),
            ("150kwh", 150.0, "= 150_kWh"),
            ("150 kWh/tháng", 150.0, "= 150_kWh"),
            ("150 số", 150.0, "= 150_kWh"),
            ("150 số điện", 150.0, "= 150_kWh"),
            ("1.500", 1_500.0, "= 1.500_kWh"),
            ("1.500,5", 1_500.5, "= 1.500,5_kWh"),
        ],
    );
    check_readings(
        &FLOOR_AREA,
        &[
            ("36", 36.0, "= 36_m²"),
            ("36,5 m²", 36.5, "= 36,5_m²"),
            ("36.5", 36.5, "= 36,5_m²"),
        ],
    );
    // Floor area is not counted in sào.
    assert_eq!(error(&FLOOR_AREA, "3 sào").key, "num_err_unknown_word");
    assert_eq!(error(&FLOOR_AREA, "50m").arg("word"), Some("m"));
}

#[test]
fn empty_text_is_not_a_number_nor_an_error() {
    for kind in &EVERY_KIND {
        for text in ["", " ", "   ", "\u{a0}", "\t\n", "\u{200b}"] {
            assert_eq!(read(text, kind), Ok(None), "{text:?} as {kind:?}");
        }
    }
}

#[test]
fn garbage_negatives_and_limits_are_refused() {
    for kind in &EVERY_KIND {
        check_errors(
            kind,
            &[
                ("abc", "num_err_not_a_number"),
                ("không biết", "num_err_not_a_number"),
                ("m²", "num_err_not_a_number"),
                ("-", "num_err_not_a_number"),
                ("-20", "num_err_negative"),
                ("- 20", "num_err_negative"),
                ("\u{2212}20", "num_err_negative"),
                ("-1,5", "num_err_negative"),
                ("12345678901234567890", "num_err_too_many_digits"),
                ("1.000.000.000.000.000.000", "num_err_too_many_digits"),
                ("0,1234567890123456", "num_err_too_many_digits"),
                ("1..000", "num_err_bad_grouping"),
                ("1.00.0", "num_err_bad_grouping"),
                ("12.34.567", "num_err_bad_grouping"),
                ("1,00,000", "num_err_bad_grouping"),
                ("1.000,000,5", "num_err_bad_grouping"),
                ("1,5.000", "num_err_bad_grouping"),
                ("1.000.5", "num_err_bad_grouping"),
                ("0.500.000", "num_err_bad_grouping"),
                ("1 000.000", "num_err_bad_grouping"),
                ("1.000 000", "num_err_bad_grouping"),
                ("1 000.000,5", "num_err_bad_grouping"),
                ("1234 567", "num_err_bad_grouping"),
                (".5", "num_err_bad_grouping"),
                ("5.", "num_err_bad_grouping"),
                ("5,", "num_err_bad_grouping"),
                ("12 5", "num_err_not_understood"),
                ("20-", "num_err_not_understood"),
                ("1-2", "num_err_not_understood"),
                ("5%", "num_err_not_understood"),
                ("5+3", "num_err_not_understood"),
                ("(5)", "num_err_not_understood"),
                ("khoảng 5", "num_err_unknown_word"),
                ("1e5", "num_err_unknown_word"),
                ("5 xyz", "num_err_unknown_word"),
            ],
        );
    }
    let long = error(&MONEY, "12345678901234567890");
    assert_eq!(long.arg("n_digits"), Some("15"));
    assert_eq!(
        long.arg("max"),
        Some(echo("999.999.999.999.999_đ").as_str())
    );
    let land = error(&LAND_NORTH, "100.000.001");
    assert_eq!(land.key, "num_err_too_large");
    assert_eq!(land.arg("max"), Some(echo("100.000.000_m²").as_str()));
    let word = error(&LAND_NORTH, "khoảng 5 sào");
    assert_eq!(word.arg("word"), Some("khoảng"));
    assert_eq!(word.arg("expected"), Some("m², sào, mẫu, công, ha"));
    assert_eq!(error(&MOTORBIKES, "hai").arg("example"), Some("12 / 1.000"));
    assert_eq!(error(&LAND_NORTH, "5 m² 3").key, "num_err_not_understood");
    assert_eq!(error(&LAND_NORTH, "3 sào m²").key, "num_err_not_understood");
    assert_eq!(error(&LAND_NORTH, "1 ha 500").key, "num_err_not_understood");
    assert_eq!(
        error(&LAND_NORTH, "3 sào 2 mẫu").key,
        "num_err_not_understood"
    );
}

#[test]
fn values_are_written_the_vietnamese_way() {
    assert_eq!(
        format_value(Number::Whole(3_000_000), &MONEY),
        echo("3.000.000_đ")
    );
    assert_eq!(format_value(Number::Whole(1_000), &POULTRY), echo("1.000"));
    assert_eq!(
        format_value(Number::Measure(1_000.0), &LAND_NORTH),
        echo("1.000_m²")
    );
    assert_eq!(
        format_value(Number::Measure(12.5), &WEIGHT),
        echo("12,5_kg")
    );
    assert_eq!(
        format_value(Number::Measure(0.25), &FLOOR_AREA),
        echo("0,25_m²")
    );
    assert_eq!(
        format_value(Number::Measure(150.0), &ELECTRICITY),
        echo("150_kWh")
    );
    assert_eq!(format_decimal(1_500.5), echo("1.500,5"));
    assert_eq!(format_decimal(1_000_000.0), echo("1.000.000"));
    assert_eq!(format_decimal(0.0), "0");
    assert_eq!(format_decimal(-2.5), "-2,5");
    assert_eq!(format_decimal(f64::INFINITY), "inf");
    assert_eq!(Number::Whole(7).as_f64(), 7.0);
}

#[test]
fn units_and_sao_sizes_have_their_keys() {
    for unit in Unit::ALL {
        assert_eq!(Unit::from_key(unit.key()), Some(unit));
        assert!(Locale::Vi.has(unit.key()), "{}", unit.key());
    }
    assert_eq!(Unit::from_key("unit_vnd"), None);
    for sao in SaoSize::ALL {
        assert_eq!(sao.mau_m2(), 10 * sao.sao_m2());
        for locale in Locale::ALL {
            let name = catalogue_text(locale, sao.key()).unwrap();
            assert!(name.contains(&format!("{} m²", sao.sao_m2())), "{name}");
        }
    }
    assert_eq!(
        SaoSize::usual_in_region("northern_midlands_mountains"),
        Some(SaoSize::BacBo)
    );
    assert_eq!(
        SaoSize::usual_in_region("red_river_delta"),
        Some(SaoSize::BacBo)
    );
    assert_eq!(
        SaoSize::usual_in_region("north_central_central_coast"),
        Some(SaoSize::TrungBo)
    );
    assert_eq!(SaoSize::usual_in_region("mekong_delta"), None);
    assert_eq!(SaoSize::usual_in_region("centrally_run_city"), None);
}

/// The reader's text for `key` in the household catalogue.
fn catalogue_text(locale: Locale, key: &str) -> Option<String> {
    locale.has(key).then(|| locale.text(key).to_string())
}

/// Every key the reader gives.
const ERROR_KEYS: [&str; 13] = [
    "num_err_not_a_number",
    "num_err_not_understood",
    "num_err_negative",
    "num_err_bad_grouping",
    "num_err_unknown_word",
    "num_err_too_many_digits",
    "num_err_too_large",
    "num_err_too_small",
    "num_err_count_not_whole",
    "num_err_money_not_whole",
    "num_err_ambiguous_separator",
    "num_err_ambiguous_shorthand",
    "num_err_sao_region",
];

/// Every message has a text in every language, and every placeholder of the text is filled by
/// the error's arguments (and `field`, which the page adds); every key is reached by some text.
#[test]
fn every_message_has_its_texts_and_arguments() {
    let samples = [
        (&LAND_UNKNOWN_SAO, "3 sào"),
        (&LAND_NORTH, "abc"),
        (&LAND_NORTH, "12 5"),
        (&LAND_NORTH, "-3"),
        (&LAND_NORTH, "1..0"),
        (&LAND_NORTH, "3 xyz"),
        (&LAND_NORTH, "12345678901234567"),
        (&LAND_NORTH, "5,000"),
        (&LAND_NORTH, "1 tỷ"),
        (&HEIGHT, "12"),
        (&POULTRY, "2,5"),
        (&MONEY, "1,5"),
        (&MONEY, "1tr50"),
    ];
    let mut reached = Vec::new();
    for (kind, text) in samples {
        let got = error(kind, text);
        reached.push(got.key);
        for locale in Locale::ALL {
            let template = catalogue_text(locale, got.key)
                .unwrap_or_else(|| panic!("{}: {}", locale.tag(), got.key));
            let mut args: Vec<(&str, &str)> = got
                .args
                .iter()
                .map(|(name, value)| (*name, value.as_str()))
                .collect();
            args.push(("field", "Diện tích"));
            let message = args.iter().fold(template, |t, (name, value)| {
                t.replace(&format!("{{{name}}}"), value)
            });
            assert!(
                !message.contains('{') && !message.contains('}'),
                "{}: {} leaves a placeholder: {message}",
                locale.tag(),
                got.key
            );
            assert!(message.contains(text), "{message}");
        }
    }
    reached.sort_unstable();
    let mut expected = ERROR_KEYS.to_vec();
    expected.sort_unstable();
    assert_eq!(reached, expected);
}

/// Texts that once went wrong, or might: no panic, and the answer named.
#[test]
fn odd_texts_get_an_answer() {
    for kind in &EVERY_KIND {
        for text in [
            "0,0000000000000000000000000000000000001",
            "000000000000000000000000000000000000000000000",
            "9".repeat(40).as_str(),
            "1,5 ha rưỡi",
            "rưỡi",
            "1 rưỡi",
            "²",
            "1²",
            "/",
            "1/2",
            "m/2",
            "1 kwh/",
            "99999 tỷ tỷ",
            "999999999999999 tỷ",
            "1.",
            ",",
            "1 ,5",
            "1, 5",
            "đ",
            "1 000 000 000 000 000 000",
        ] {
            let _ = read(text, kind);
        }
    }
    assert_eq!(
        read("0000000000000000000000000000000000", &MONEY)
            .unwrap()
            .unwrap()
            .value,
        Number::Whole(0)
    );
    assert_eq!(error(&MONEY, "999999999999999 tỷ").key, "num_err_too_large");
    assert_eq!(error(&LAND_NORTH, "1 rưỡi").key, "num_err_not_understood");
}

proptest! {
    /// Any whole number written with Vietnamese thousands dots reads back as itself.
    #[test]
    fn grouped_money_reads_back(amount in 0i64..=MAX_WHOLE) {
        let text = group_thousands(amount);
        let got = read(&text, &MONEY).unwrap().unwrap();
        prop_assert_eq!(got.value, Number::Whole(amount));
        prop_assert_eq!(got.echo, format!("= {}\u{a0}đ", text.replace('.', "\u{a0}")));
        // With spaces or English commas between the groups too.
        prop_assert_eq!(read(&text.replace('.', " "), &MONEY).unwrap().unwrap().value, Number::Whole(amount));
        prop_assert_eq!(read(&text.replace('.', ","), &MONEY).unwrap().unwrap().value, Number::Whole(amount));
    }

    #[test]
    fn grouped_counts_and_land_read_back(n in 0u32..=1_000_000) {
        let text = group_thousands(i64::from(n));
        prop_assert_eq!(read(&text, &POULTRY).unwrap().unwrap().value, Number::Whole(i64::from(n)));
        let land = read(&text, &LAND_NORTH).unwrap().unwrap();
        prop_assert_eq!(land.value, Number::Measure(f64::from(n)));
        prop_assert!(!land.chosen_by_range);
    }

    /// A measure with up to two decimals, as the echo writes it, reads back as itself.
    #[test]
    fn written_measures_read_back(int in 0u64..100_000_000, hundredths in 0u64..100) {
        let value: f64 = format!("{int}.{hundredths:02}").parse().unwrap();
        let written = format_decimal(value);
        let got = read(&written, &LAND_NORTH).unwrap().unwrap();
        prop_assert_eq!(got.value, Number::Measure(value), "{}", written);
        prop_assert_eq!(got.echo, format!("= {written}{NBSP}m²"));
    }

    /// Whatever is typed, the reader answers (no panic), and a number it gives is one the field
    /// takes.
    #[test]
    fn any_text_gets_an_answer_within_the_field(
        text in "[0-9., \u{a0}kmtrđsàoôngha²rưỡicn-]{0,14}|\\PC{0,20}",
        which in 0usize..EVERY_KIND.len(),
    ) {
        let kind = EVERY_KIND[which];
        if let Ok(Some(got)) = read(&text, &kind) {
            let x = got.value.as_f64();
            let within = match kind {
                NumberKind::Count { max } => got.value == Number::Whole(x as i64) && x <= f64::from(max),
                NumberKind::Money { max } => got.value == Number::Whole(x as i64) && x <= max as f64,
                NumberKind::Decimal { min, max, .. } => (min..=max).contains(&x),
                NumberKind::Land { max_m2, .. } => (0.0..=max_m2).contains(&x),
            };
            prop_assert!(within, "{:?} as {:?}: {:?}", text, kind, got);
            prop_assert!(got.echo.starts_with("= "));
        }
    }
}

/// The float of an exact decimal is the one its text parses to.
#[test]
fn exact_decimals_become_the_nearest_float() {
    for (units, scale, text) in [
        (5u64, 1u32, "0.5"),
        (365, 1, "36.5"),
        (1, 3, "0.001"),
        (123_456_789_012_345, 15, "0.123456789012345"),
        (999_999_999_999_999, 2, "9999999999999.99"),
        (1_080, 0, "1080"),
        (7, 22, "7e-22"),
    ] {
        let expected: f64 = text.parse().unwrap();
        assert_eq!(Exact { units, scale }.to_f64(), expected, "{text}");
    }
}
