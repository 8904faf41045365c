//! The one reader for every number the questionnaire asks for (counts, money, floor area, land,
//! height, weight, kWh): text as a Vietnamese household types it → the value in the field's unit,
//! with the "echo" the page shows beside the field (`= 1 000 m²`), or a refusal that says what was
//! read and what to type instead. Pure: no web crates, no I/O.
//!
//! # API
//!
//! [`read`]`(text, &kind)` returns `Ok(None)` for empty text (only spaces: not answered, the caller
//! decides), `Ok(Some(`[`Reading`]`))` for a number (its [`Number`] value, its echo, and whether the
//! field's range chose between two readings), or `Err(`[`NumberError`]`)`: a translation key and
//! named arguments (`found` is always the text as typed, trimmed; the page adds `field`).
//! [`NumberKind`] says what the field takes; land takes the household's [`SaoSize`], `None` when
//! nobody has said which sào they mean. [`format_value`] writes a value the way the echo does.
//!
//! # How text is read
//!
//! **Digits.** Vietnamese notation first: a dot or a space between groups of three digits
//! (`1.500.000`, `1 500 000`), a comma before the decimals (`0,5`, `12,5`). English grouping is
//! read where it cannot be anything else: several commas (`1,500,000`), or both marks, where the
//! last one is the decimal mark and is written once (`1.500,5` and `1,500.5` are both 1 500,5).
//! A mark followed by anything but exactly three digits is a decimal mark (`1.5`, `1,25`): many
//! phone keypads offer only a dot, so `1.5 triệu` is 1 500 000. Spaces group thousands only.
//! Anything else with marks (`1..000`, `1.00.0`, `12.34.567`, `1 000.000`) is refused.
//!
//! **One mark followed by exactly three digits** (`1.500`, `5,000`) has two readings, thousands
//! and decimals (unless the digits before it cannot start a grouped number, as in `0,500` or
//! `1234.567`: those are decimals). The rules, in order:
//! 1. A whole-number field (count, money) with no multiplier: thousands, whichever the mark
//!    (`1,000` chickens, `500,000` đ): nobody writes three decimals on a whole number.
//! 2. A dot in a measure with no multiplier and no converting unit: thousands, as Vietnamese
//!    write it (`1.000` m² is a thousand m²), unless thousands is outside the field's range and
//!    the decimal reading inside it (`12.500` kg is 12,5 kg, since 12 500 kg is above 300 kg).
//! 3. Otherwise (a comma in a measure, `5,000` m²; either mark before a multiplier or a converting
//!    unit, `1.500 triệu`, `1,500 sào`): the reading inside the field's range is taken; when both
//!    are, the text is refused (`num_err_ambiguous_separator`, with both readings and what to type
//!    for each); when neither is, the Vietnamese reading (dot thousands, comma decimal) is
//!    reported out of range.
//!
//! When the range chose, [`Reading::chosen_by_range`] is set so the page can draw attention to
//! the echo.
//!
//! **Words** are matched without case or accents (`TRIỆU`, `trieu`, and decomposed accents all
//! read as `triệu`), so any phone keyboard works:
//! - multipliers, in every field: `nghìn`/`ngàn`/`k` ×1 000, `triệu`/`tr` ×1 000 000,
//!   `tỷ`/`tỉ` ×1 000 000 000; in money also the spoken `củ` (= triệu);
//! - digits right after a multiplier are its decimals: `3tr5` and `3 triệu 5` are 3,5 triệu,
//!   `2k5` is 2 500, `3tr500` is 3 500 000; two digits (`1tr50`: 1 500 000, or 1 050 000?) are
//!   refused (`num_err_ambiguous_shorthand`); after a metre, one or two digits are centimetres'
//!   worth of decimals (`1m65` = 165 cm, `1m5` = 150 cm);
//! - `rưỡi`, after a multiplier or a converting unit, adds a half of it: `3 triệu rưỡi`,
//!   `1 sào rưỡi`;
//! - groups from larger to smaller add up: `2 tỷ 500 triệu`, `3 triệu 200 nghìn`, `2 mẫu 3 sào`,
//!   `1m 65cm` (each group smaller than the one before, digits only, one multiplier a group:
//!   `nghìn tỷ` is refused, no household field reaches it);
//! - a trailing unit the field expects: counts `con`, `cái`, `chiếc`, `người`, `bộ` (the words
//!   after one are what is counted: `1.000 con gà`); money `đ`, `đồng`, `vnđ`; height `cm`, `phân`,
//!   or `m`/`mét` (×100); weight `kg`, `ký`/`kí`, `cân`, `kilo`, or `g`/`gam` (÷1 000); floor area
//!   `m2`, `m²`, `mét vuông`; electricity `kWh`, `kWh/tháng`, `số`, `số điện`;
//! - land: `m²`; `sào` and `mẫu` (10 sào), whose size depends on the region: 360 m² and 3 600 m²
//!   in Bắc Bộ, 500 m² and 5 000 m² in Trung Bộ (499,2 m² historically; 500 as used today): with
//!   no [`SaoSize`] the text is refused and the message gives both results
//!   (`num_err_sao_region`); `công` 1 000 m² (the Nam Bộ công; the older "công tầm cấy" of
//!   1 296 m² is not assumed silently: the echo says `1 công = 1.000 m²`); `ha`/`hecta` 10 000 m².
//!
//! **Refused**, each with its own message: no digit at all, a negative number, more than
//! [`MAX_DIGITS`] digits, a value above the field's maximum (or below its minimum), a fraction in a
//! count, a fraction of a đồng, an unknown word (the message lists the words the field takes),
//! and anything else (a word before the number, two numbers side by side).
//!
//! # The echo
//!
//! `= ` and the value with its unit, the same in every locale: a decimal comma as Vietnamese
//! write it, but thousands grouped by no-break spaces rather than dots, so that the echo of
//! `1.000` says unmistakably which reading was taken: `= 1 000 m²`, `= 3 000 000 đ`, `= 12,5 kg`,
//! `= 1 000` for counts; a converting land unit adds what it counted,
//! `= 1 080 m² (1 sào = 360 m²)`. The values in messages are written the same way; the texts
//! a message suggests typing (`write_first`) keep the dots. A no-break space keeps a number and
//! its unit on one line.

use mucsong_i18n::group_thousands;
use std::ops::Range;

/// The most digits a number may have (beyond that, floating point would lose đồng).
pub const MAX_DIGITS: usize = 15;

/// The largest whole number of [`MAX_DIGITS`] digits: the money limit when the field has no
/// other.
pub const MAX_WHOLE: i64 = 999_999_999_999_999;

/// Which sào a household means: it is not the same size everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SaoSize {
    /// Bắc Bộ (the north): 1 sào = 360 m², 1 mẫu = 3 600 m².
    BacBo,
    /// Trung Bộ (the centre): 1 sào = 500 m², 1 mẫu = 5 000 m².
    TrungBo,
}

impl SaoSize {
    /// Every size, in the order a picker offers them.
    pub const ALL: [SaoSize; 2] = [SaoSize::BacBo, SaoSize::TrungBo];

    /// Square metres in one sào.
    pub fn sao_m2(self) -> u32 {
        match self {
            SaoSize::BacBo => 360,
            SaoSize::TrungBo => 500,
        }
    }

    /// Square metres in one mẫu (10 sào).
    pub fn mau_m2(self) -> u32 {
        10 * self.sao_m2()
    }

    /// The translation key of the size's name (`sao_bac_bo`: "Sào Bắc Bộ (360 m²)").
    pub fn key(self) -> &'static str {
        match self {
            SaoSize::BacBo => "sao_bac_bo",
            SaoSize::TrungBo => "sao_trung_bo",
        }
    }

    /// The size whose [`key`](SaoSize::key) this is.
    pub fn from_key(key: &str) -> Option<SaoSize> {
        SaoSize::ALL.into_iter().find(|sao| sao.key() == key)
    }

    /// The sào usually meant in one of the record's regions (`fields::REGION_KEYS`), as a
    /// default the household can change: the north's regions use the Bắc Bộ sào, the north
    /// central and central coast the Trung Bộ one. Elsewhere (the Central Highlands, the south,
    /// where land is counted in công, and the centrally run cities) there is no usual sào: `None`.
    pub fn usual_in_region(region_key: &str) -> Option<SaoSize> {
        match region_key {
            "red_river_delta" | "northern_midlands_mountains" => Some(SaoSize::BacBo),
            "north_central_central_coast" => Some(SaoSize::TrungBo),
            _ => None,
        }
    }
}

/// The unit of a measured field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Height.
    Centimetre,
    /// Weight.
    Kilogram,
    /// Floor area.
    SquareMetre,
    /// Electricity used in a month.
    KilowattHour,
}

impl Unit {
    /// Every unit.
    pub const ALL: [Unit; 4] = [
        Unit::Centimetre,
        Unit::Kilogram,
        Unit::SquareMetre,
        Unit::KilowattHour,
    ];

    /// The translation key the field specs use for the unit (`unit_cm`).
    pub fn key(self) -> &'static str {
        match self {
            Unit::Centimetre => "unit_cm",
            Unit::Kilogram => "unit_kg",
            Unit::SquareMetre => "unit_m2",
            Unit::KilowattHour => "unit_kwh",
        }
    }

    /// The unit a field spec's translation key names, if any.
    pub fn from_key(key: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|unit| unit.key() == key)
    }

    /// The symbol written after a value in the echo.
    pub fn symbol(self) -> &'static str {
        match self {
            Unit::Centimetre => "cm",
            Unit::Kilogram => "kg",
            Unit::SquareMetre => "m²",
            Unit::KilowattHour => "kWh",
        }
    }
}

/// What a numeric field takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumberKind {
    /// A whole number from 0 to `max` (motorbikes, chickens).
    Count { max: u32 },
    /// A measure from `min` to `max` in `unit`, decimals allowed.
    Decimal { min: f64, max: f64, unit: Unit },
    /// Whole đồng from 0 to `max` ([`MAX_WHOLE`] when the field has no limit of its own).
    Money { max: i64 },
    /// Land in m², from 0 to `max_m2`; `sao` is the household's sào, `None` when unknown.
    Land { max_m2: f64, sao: Option<SaoSize> },
}

impl NumberKind {
    /// Money with no limit but the number of digits.
    pub const MONEY: NumberKind = NumberKind::Money { max: MAX_WHOLE };

    /// The symbol written after a value, if the kind has one.
    pub fn unit_symbol(&self) -> Option<&'static str> {
        match self {
            NumberKind::Count { .. } => None,
            NumberKind::Decimal { unit, .. } => Some(unit.symbol()),
            NumberKind::Money { .. } => Some("đ"),
            NumberKind::Land { .. } => Some("m²"),
        }
    }
}

/// A value read from text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// Counts and money.
    Whole(i64),
    /// Measures and land, in the field's unit (m² for land).
    Measure(f64),
}

impl Number {
    /// The value as a float (exact for every whole number of at most [`MAX_DIGITS`] digits).
    pub fn as_f64(self) -> f64 {
        match self {
            Number::Whole(n) => n as f64,
            Number::Measure(x) => x,
        }
    }
}

/// Text that was read as a number.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub value: Number,
    /// What the page shows beside the field: `= 1.000 m²`.
    pub echo: String,
    /// The text had two readings and the field's range chose one (`12.500` kg read as 12,5):
    /// the page may draw attention to the echo.
    pub chosen_by_range: bool,
}

/// Why text was not read as a number: a translation key (`num_err_*`) and its arguments. `found`
/// is always the trimmed text; the page adds `field`, the question's label. The same type as
/// every field's error, so the page words both alike.
pub type NumberError = crate::fields::FieldError;

/// Reads `text` as a number for a field of `kind`. Empty text (nothing but spaces) is
/// `Ok(None)`: not a number, not an error. See the module documentation for the rules.
pub fn read(text: &str, kind: &NumberKind) -> Result<Option<Reading>, NumberError> {
    let text = text.trim_matches(is_space);
    if text.is_empty() {
        return Ok(None);
    }
    let reader = Reader { text, kind };
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Err(reader
            .error("num_err_not_a_number")
            .with("example", example(kind)));
    }
    let tokens = reader.tokens();
    let parsed = reader.parse(&tokens)?;
    if parsed.needs_sao {
        return Err(reader.sao_error());
    }
    let (value, chosen_by_range) = match parsed.terms.as_slice() {
        [term] if term.continuation.is_none() && !term.half => reader.single(term)?,
        terms => (reader.combined(terms)?, false),
    };
    reader.finish(value, &parsed.terms).map(|(value, echo)| {
        Some(Reading {
            value,
            echo,
            chosen_by_range,
        })
    })
}

/// `value` in Vietnamese notation with the kind's unit, thousands grouped by no-break spaces so
/// that the echo of `1.000` cannot be read as one: `1 000 m²`, `3 000 000 đ`, `12,5 kg`, `1 000`
/// for a count.
pub fn format_value(value: Number, kind: &NumberKind) -> String {
    let digits = match value {
        Number::Whole(n) => grouped(n),
        Number::Measure(x) => format_decimal(x),
    };
    match kind.unit_symbol() {
        Some(symbol) => format!("{digits}\u{a0}{symbol}"),
        None => digits,
    }
}

/// A measure as one types it so that [`read`] gives it back: no grouping, a decimal comma
/// (`1500`, `36,5`), and a fourth decimal where three would read as thousands (`12,1250`).
pub fn typed_measure(x: f64) -> String {
    let plain = mucsong_float::f64_text(x);
    match plain.split_once('.') {
        Some((int, fraction)) if fraction.len() == 3 => format!("{int},{fraction}0"),
        Some((int, fraction)) => format!("{int},{fraction}"),
        None => plain,
    }
}

/// Whether `text` counts land in sào or mẫu, whose size the household says (the page then
/// offers the choice beside the field).
pub fn mentions_sao(text: &str) -> bool {
    let reader = Reader {
        text,
        kind: &NumberKind::Land {
            max_m2: 0.0,
            sao: None,
        },
    };
    reader
        .tokens()
        .iter()
        .any(|token| matches!(&token.piece, Piece::Word(word) if word == "sao" || word == "mau"))
}

/// A decimal as the echo writes it: no-break spaces between thousands, a comma before the
/// decimals, no trailing zeros (`1500.5` → `1 500,5`).
pub fn format_decimal(x: f64) -> String {
    if !x.is_finite() {
        return mucsong_float::f64_text(x);
    }
    // Display writes the shortest text that reads back as `x`, never with an exponent.
    let plain = mucsong_float::f64_text(x.abs());
    let (int, fraction) = plain.split_once('.').unwrap_or((&plain, ""));
    let sign = if x < 0.0 { "-" } else { "" };
    format!("{sign}{}", vietnamese(int, fraction))
}

/// `n` with its thousands grouped by no-break spaces (`1 500 000`).
fn grouped(n: i64) -> String {
    group_thousands(n).replace('.', "\u{a0}")
}

/// Digits as the echo writes them: `int` grouped by no-break spaces, then `,fraction` if there is
/// one.
fn vietnamese(int: &str, fraction: &str) -> String {
    // Grouping is i18n's (one digit-grouping in the app); a number too long for i64 cannot be
    // a field's value and is left as it is.
    let int = int
        .parse::<i64>()
        .map(grouped)
        .unwrap_or_else(|_| int.to_string());
    if fraction.is_empty() {
        int
    } else {
        format!("{int},{fraction}")
    }
}

/// Samples of what a field takes, for the messages (digits and unit words, the same in every
/// language).
fn example(kind: &NumberKind) -> &'static str {
    match kind {
        NumberKind::Count { .. } => "12 / 1.000",
        NumberKind::Money { .. } => "1.500.000 / 1,5 triệu / 500k",
        NumberKind::Decimal { unit, .. } => match unit {
            Unit::Centimetre => "150 / 150,5 / 1m50",
            Unit::Kilogram => "45 / 12,5",
            Unit::SquareMetre => "36 / 36,5",
            Unit::KilowattHour => "100 / 1.500",
        },
        NumberKind::Land { .. } => "1.000 m² / 3 sào / 0,5 ha",
    }
}

/// The words a field takes after a number, for the unknown-word message.
fn expected_words(kind: &NumberKind) -> &'static str {
    match kind {
        NumberKind::Count { .. } => "con, cái, chiếc, người, nghìn",
        NumberKind::Money { .. } => "đ, đồng, nghìn, k, triệu, tr, tỷ",
        NumberKind::Decimal { unit, .. } => match unit {
            Unit::Centimetre => "cm, m (1m65)",
            Unit::Kilogram => "kg, ký, g",
            Unit::SquareMetre => "m²",
            Unit::KilowattHour => "kWh, số",
        },
        NumberKind::Land { .. } => "m², sào, mẫu, công, ha",
    }
}

// ---------------------------------------------------------------------------------------------
// Exact decimals

/// A non-negative decimal held exactly: `units / 10^scale`. Conversions (3 sào × 360, 1,5 × a
/// million) are done on these, so no float rounding reaches a đồng or the ambiguity rules.
/// `u64` rather than `u128` keeps 128-bit division and formatting out of the page: 15 digits
/// times a billion only overflow far above every field's maximum, and an overflow is refused as
/// too large (so is a value with 15 decimals times a billion, which no one types).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Exact {
    units: u64,
    scale: u32,
}

impl Exact {
    const ZERO: Exact = Exact::whole(0);
    const ONE: Exact = Exact::whole(1);
    const HALF: Exact = Exact { units: 5, scale: 1 };

    const fn whole(units: u64) -> Exact {
        Exact { units, scale: 0 }
    }

    /// `int` and `fraction` are ASCII digits (either may be empty).
    fn parse(int: &str, fraction: &str) -> Option<Exact> {
        let digits = format!("{int}{fraction}");
        let units = if digits.is_empty() {
            0
        } else {
            digits.parse().ok()?
        };
        Some(Exact {
            units,
            scale: u32::try_from(fraction.len()).ok()?,
        })
    }

    /// The units at a scale at least as fine as this one's.
    fn at_scale(self, scale: u32) -> Option<u64> {
        self.units
            .checked_mul(10u64.checked_pow(scale.checked_sub(self.scale)?)?)
    }

    fn plus(self, other: Exact) -> Option<Exact> {
        let scale = self.scale.max(other.scale);
        Some(Exact {
            units: self.at_scale(scale)?.checked_add(other.at_scale(scale)?)?,
            scale,
        })
    }

    fn times(self, other: Exact) -> Option<Exact> {
        let product = Exact {
            units: self.units.checked_mul(other.units)?,
            scale: self.scale.checked_add(other.scale)?,
        };
        Some(product.trimmed())
    }

    fn is_less_than(self, other: Exact) -> bool {
        let scale = self.scale.max(other.scale);
        matches!((self.at_scale(scale), other.at_scale(scale)), (Some(a), Some(b)) if a < b)
    }

    /// The same value without trailing zeros in the fraction.
    fn trimmed(mut self) -> Exact {
        while self.scale > 0 && self.units.is_multiple_of(10) {
            self.units /= 10;
            self.scale -= 1;
        }
        self
    }

    /// The value if it is whole.
    fn whole_value(self) -> Option<u64> {
        let trimmed = self.trimmed();
        (trimmed.scale == 0).then_some(trimmed.units)
    }

    /// The digits before and after the decimal mark (no trailing zeros).
    fn parts(self) -> (String, String) {
        let trimmed = self.trimmed();
        let digits = trimmed.units.to_string();
        let scale = trimmed.scale as usize;
        if scale == 0 {
            return (digits, String::new());
        }
        let padded = format!("{digits:0>width$}", width = scale + 1);
        let (int, fraction) = padded.split_at(padded.len() - scale);
        (int.to_string(), fraction.to_string())
    }

    /// The nearest float. Below 2^53 units and 10^22 both are exact floats, so one (correctly
    /// rounded) division gives what parsing the decimal would, without formatting it first;
    /// beyond (far above every field's maximum) the float is close, not nearest.
    fn to_f64(self) -> f64 {
        let mut x = self.units as f64;
        let mut scale = self.scale;
        while scale > 22 {
            x /= 10.0;
            scale -= 1;
        }
        x / 10f64.powi(scale as i32)
    }

    /// Vietnamese notation (`1.500,5`).
    fn vietnamese(self) -> String {
        let (int, fraction) = self.parts();
        vietnamese(&int, &fraction)
    }

    /// As one would type it so that it cannot be misread: no grouping, a decimal comma (`1500`,
    /// `12,5`).
    fn typed(self) -> String {
        match self.parts() {
            (int, fraction) if fraction.is_empty() => int,
            (int, fraction) => format!("{int},{fraction}"),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Words

/// What a word after a number means.
#[derive(Debug, Clone, Copy)]
enum Meaning {
    /// nghìn, triệu, tỷ.
    Multiplier(Exact),
    /// A unit of the field: its own (factor 1, which ends the text) or one it converts.
    Unit(UnitWord),
    /// sào (`n_sao` 1) or mẫu (10): the size depends on the region.
    Regional { n_sao: u32, name: &'static str },
    /// rưỡi: and a half.
    Half,
    /// con, cái: ends the number; the words after it name what is counted.
    Classifier,
}

#[derive(Debug, Clone, Copy)]
struct UnitWord {
    /// How many of the field's unit one of these is.
    factor: Exact,
    /// Its name in the echo's note (`1 sào = 360 m²`).
    name: &'static str,
    /// Digits right after it are its decimals (`1m65`).
    continues: bool,
    /// The echo says what it counted as.
    noted: bool,
}

impl UnitWord {
    /// The field's own unit.
    const OWN: Meaning = Meaning::Unit(UnitWord {
        factor: Exact::ONE,
        name: "",
        continues: false,
        noted: false,
    });

    const fn converting(
        factor: Exact,
        name: &'static str,
        continues: bool,
        noted: bool,
    ) -> Meaning {
        Meaning::Unit(UnitWord {
            factor,
            name,
            continues,
            noted,
        })
    }

    fn is_own(self) -> bool {
        self.factor == Exact::ONE
    }
}

const THOUSAND: Exact = Exact::whole(1_000);
const MILLION: Exact = Exact::whole(1_000_000);
const BILLION: Exact = Exact::whole(1_000_000_000);

// Spellings are folded (lower case, no accents: see `fold`); two words are one space apart.
const EVERY_FIELD_WORDS: &[(&str, Meaning)] = &[
    ("k", Meaning::Multiplier(THOUSAND)),
    ("nghin", Meaning::Multiplier(THOUSAND)),
    ("ngan", Meaning::Multiplier(THOUSAND)),
    ("tr", Meaning::Multiplier(MILLION)),
    ("trieu", Meaning::Multiplier(MILLION)),
    ("ty", Meaning::Multiplier(BILLION)),
    ("ti", Meaning::Multiplier(BILLION)),
    ("ruoi", Meaning::Half),
];
const COUNT_WORDS: &[(&str, Meaning)] = &[
    ("con", Meaning::Classifier),
    ("cai", Meaning::Classifier),
    ("chiec", Meaning::Classifier),
    ("nguoi", Meaning::Classifier),
    ("bo", Meaning::Classifier),
];
const MONEY_WORDS: &[(&str, Meaning)] = &[
    ("d", UnitWord::OWN),
    ("dong", UnitWord::OWN),
    ("vnd", UnitWord::OWN),
    ("cu", Meaning::Multiplier(MILLION)),
];
const CENTIMETRE_WORDS: &[(&str, Meaning)] = &[
    ("cm", UnitWord::OWN),
    ("phan", UnitWord::OWN),
    (
        "m",
        UnitWord::converting(Exact::whole(100), "m", true, false),
    ),
    (
        "met",
        UnitWord::converting(Exact::whole(100), "m", true, false),
    ),
];
const GRAM: Exact = Exact { units: 1, scale: 3 };
const KILOGRAM_WORDS: &[(&str, Meaning)] = &[
    ("kg", UnitWord::OWN),
    ("ky", UnitWord::OWN),
    ("ki", UnitWord::OWN),
    ("can", UnitWord::OWN),
    ("kilo", UnitWord::OWN),
    ("kilogam", UnitWord::OWN),
    ("kilogram", UnitWord::OWN),
    ("g", UnitWord::converting(GRAM, "g", false, false)),
    ("gam", UnitWord::converting(GRAM, "g", false, false)),
    ("gram", UnitWord::converting(GRAM, "g", false, false)),
];
const SQUARE_METRE_WORDS: &[(&str, Meaning)] =
    &[("m2", UnitWord::OWN), ("met vuong", UnitWord::OWN)];
const KILOWATT_HOUR_WORDS: &[(&str, Meaning)] = &[
    ("kwh", UnitWord::OWN),
    ("kwh/thang", UnitWord::OWN),
    ("so", UnitWord::OWN),
    ("so dien", UnitWord::OWN),
];
const HECTARE: Exact = Exact::whole(10_000);
const LAND_WORDS: &[(&str, Meaning)] = &[
    ("m2", UnitWord::OWN),
    ("met vuong", UnitWord::OWN),
    (
        "sao",
        Meaning::Regional {
            n_sao: 1,
            name: "sào",
        },
    ),
    (
        "mau",
        Meaning::Regional {
            n_sao: 10,
            name: "mẫu",
        },
    ),
    ("cong", UnitWord::converting(THOUSAND, "công", false, true)),
    ("ha", UnitWord::converting(HECTARE, "ha", false, true)),
    ("hecta", UnitWord::converting(HECTARE, "ha", false, true)),
    ("hec ta", UnitWord::converting(HECTARE, "ha", false, true)),
];

/// The words a field of `kind` takes, besides those of every field.
fn own_words(kind: &NumberKind) -> &'static [(&'static str, Meaning)] {
    match kind {
        NumberKind::Count { .. } => COUNT_WORDS,
        NumberKind::Money { .. } => MONEY_WORDS,
        NumberKind::Decimal { unit, .. } => match unit {
            Unit::Centimetre => CENTIMETRE_WORDS,
            Unit::Kilogram => KILOGRAM_WORDS,
            Unit::SquareMetre => SQUARE_METRE_WORDS,
            Unit::KilowattHour => KILOWATT_HOUR_WORDS,
        },
        NumberKind::Land { .. } => LAND_WORDS,
    }
}

/// Appends `c` lower-cased and without its Vietnamese accents: `Ệ` → `e`, `đ` → `d`, combining
/// marks (accents typed as separate characters) dropped, `²` → `2`, `^` dropped (`m^2`). Only
/// ASCII and the Vietnamese letters are lower-cased, by the table below, so that the page does
/// not carry Unicode's case tables: every word the reader knows is ASCII once folded, and any
/// other letter is an unknown word either way.
fn fold(c: char, out: &mut String) {
    const ACCENTED: [(char, &str); 6] = [
        ('a', "àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"),
        ('e', "èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ"),
        ('i', "ìíỉĩịÌÍỈĨỊ"),
        ('o', "òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"),
        ('u', "ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ"),
        ('y', "ỳýỷỹỵỲÝỶỸỴ"),
    ];
    match c {
        _ if is_combining(c) => {}
        '^' => {}
        'đ' | 'Đ' => out.push('d'),
        '²' => out.push('2'),
        _ => out.push(
            ACCENTED
                .iter()
                .find(|(_, variants)| variants.contains(c))
                .map_or(c.to_ascii_lowercase(), |(base, _)| *base),
        ),
    }
}

fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Spaces, including the no-break and thin ones phones and copied text bring, and the
/// zero-width ones.
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}')
}

fn is_minus(c: char) -> bool {
    matches!(c, '-' | '\u{2212}' | '\u{2013}' | '\u{2014}')
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || is_combining(c) || c == '²' || c == '^'
}

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, PartialEq)]
enum Piece {
    /// Digits with the dots, commas and group-separating spaces among them, as typed.
    Digits(String),
    /// A word, folded.
    Word(String),
    Minus,
    /// Any other character.
    Other,
}

#[derive(Debug, Clone)]
struct Token {
    piece: Piece,
    /// Where it is in the trimmed text (bytes).
    span: Range<usize>,
}

/// The digits of a number as typed, and where they are.
#[derive(Debug, Clone)]
struct DigitsText {
    raw: String,
    span: Range<usize>,
}

impl DigitsText {
    fn is_plain(&self) -> bool {
        self.raw.bytes().all(|b| b.is_ascii_digit())
    }
}

/// A number with the words that scale it: `3`, `1,5 triệu`, `3 sào rưỡi`, `3tr5`.
#[derive(Debug, Clone)]
struct Term {
    number: DigitsText,
    multiplier: Option<Exact>,
    unit: Option<UnitWord>,
    /// The field's own unit was written (`m²`, `đ`, `con`).
    own_unit: bool,
    half: bool,
    /// Digits right after the multiplier or a metre: its decimals.
    continuation: Option<DigitsText>,
}

impl Term {
    fn new(number: DigitsText) -> Term {
        Term {
            number,
            multiplier: None,
            unit: None,
            own_unit: false,
            half: false,
            continuation: None,
        }
    }

    /// How many of the field's unit one of the term's number is.
    fn factor(&self) -> Exact {
        let multiplier = self.multiplier.unwrap_or(Exact::ONE);
        let unit = self.unit.map_or(Exact::ONE, |unit| unit.factor);
        multiplier.times(unit).unwrap_or(Exact::ONE)
    }

    fn has_scale(&self) -> bool {
        self.multiplier.is_some() || self.unit.is_some() || self.own_unit
    }
}

/// The terms of a text, and whether a sào or mẫu was used in a field that does not know which.
struct Parsed {
    terms: Vec<Term>,
    needs_sao: bool,
}

/// How the digits of one number read.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Digits {
    /// One reading.
    Plain(Exact),
    /// One mark followed by exactly three digits, after one to three digits: two readings.
    Either {
        mark: char,
        thousands: Exact,
        decimal: Exact,
    },
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum DigitsProblem {
    /// Marks where no grouping puts them.
    Grouping,
    /// More than MAX_DIGITS digits.
    TooMany,
}

/// Reads digits with dots, commas and spaces (see the module documentation).
fn interpret(raw: &str) -> Result<Digits, DigitsProblem> {
    let mut groups: Vec<&str> = Vec::new();
    let mut marks: Vec<char> = Vec::new();
    let mut start = 0;
    for (at, c) in raw.char_indices() {
        if !c.is_ascii_digit() {
            groups.push(&raw[start..at]);
            marks.push(c);
            start = at + c.len_utf8();
        }
    }
    groups.push(&raw[start..]);
    let significant = groups.concat().trim_start_matches('0').len();
    if significant > MAX_DIGITS {
        return Err(DigitsProblem::TooMany);
    }
    if groups.iter().any(|group| group.is_empty()) {
        return Err(DigitsProblem::Grouping);
    }
    // A grouped number: 1 to 3 digits first (no leading zero when more follow), then threes.
    let grouped = |groups: &[&str]| {
        groups[0].len() <= 3
            && (groups.len() == 1 || !groups[0].starts_with('0'))
            && groups[1..].iter().all(|group| group.len() == 3)
    };
    let exact = |int: &[&str], fraction: &str| {
        if fraction.len() > MAX_DIGITS {
            return Err(DigitsProblem::TooMany);
        }
        Exact::parse(&int.concat(), fraction).ok_or(DigitsProblem::TooMany)
    };
    let Some(&last_mark) = marks.last() else {
        return Ok(Digits::Plain(exact(&groups, "")?));
    };
    let count = |mark: char| marks.iter().filter(|&&m| m == mark).count();
    let (n_dots, n_commas, n_spaces) = (count('.'), count(','), count(' '));
    let (int, fraction) = groups.split_at(groups.len() - 1);
    let fraction = fraction[0];
    match (n_dots, n_commas) {
        // Spaces only: thousands.
        (0, 0) if grouped(&groups) => Ok(Digits::Plain(exact(&groups, "")?)),
        (0, 0) => Err(DigitsProblem::Grouping),
        // Both marks: the last one, written once, is the decimal mark; the other groups thousands.
        (1.., 1..) => {
            if n_spaces > 0 || count(last_mark) != 1 || !grouped(int) {
                return Err(DigitsProblem::Grouping);
            }
            Ok(Digits::Plain(exact(int, fraction)?))
        }
        // One kind of mark.
        (n_dots, n_commas) => {
            let mark = if n_dots > 0 { '.' } else { ',' };
            let n_marks = n_dots + n_commas;
            if n_spaces > 0 {
                // Spaces group thousands and the one mark comes before decimals, which may not be
                // three digits (`1 000.000` mixes two ways of grouping).
                if n_marks != 1 || last_mark != mark || !grouped(int) || fraction.len() == 3 {
                    return Err(DigitsProblem::Grouping);
                }
                Ok(Digits::Plain(exact(int, fraction)?))
            } else if n_marks > 1 {
                if !grouped(&groups) {
                    return Err(DigitsProblem::Grouping);
                }
                Ok(Digits::Plain(exact(&groups, "")?))
            } else {
                let decimal = exact(int, fraction)?;
                if fraction.len() == 3 && grouped(&groups) {
                    Ok(Digits::Either {
                        mark,
                        thousands: exact(&groups, "")?,
                        decimal,
                    })
                } else {
                    Ok(Digits::Plain(decimal))
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The reader

/// One reading of one text for one field.
struct Reader<'a> {
    /// The trimmed text.
    text: &'a str,
    kind: &'a NumberKind,
}

impl Reader<'_> {
    fn error(&self, key: &'static str) -> NumberError {
        NumberError::new(key, self.text)
    }

    fn not_understood(&self) -> NumberError {
        self.error("num_err_not_understood")
            .with("example", example(self.kind))
    }

    fn max_text(&self) -> String {
        let max = match *self.kind {
            NumberKind::Count { max } => Number::Whole(i64::from(max)),
            NumberKind::Money { max } => Number::Whole(max),
            NumberKind::Decimal { max, .. } | NumberKind::Land { max_m2: max, .. } => {
                Number::Measure(max)
            }
        };
        format_value(max, self.kind)
    }

    fn too_large(&self, read: String) -> NumberError {
        self.error("num_err_too_large")
            .with("read", read)
            .with("max", self.max_text())
    }

    fn digits_error(&self, problem: DigitsProblem) -> NumberError {
        match problem {
            DigitsProblem::Grouping => self.error("num_err_bad_grouping"),
            DigitsProblem::TooMany => self
                .error("num_err_too_many_digits")
                .with("n_digits", MAX_DIGITS.to_string())
                .with("max", self.max_text()),
        }
    }

    /// Splits the text into digits, words, minus signs and other characters. A space followed by
    /// exactly three digits inside a number groups thousands (`1 500 000`).
    fn tokens(&self) -> Vec<Token> {
        let text = self.text;
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(at, _)| at);
        let is_digit_at = |i: usize| chars.get(i).is_some_and(|(_, c)| c.is_ascii_digit());
        let mut tokens = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let (start, c) = chars[i];
            let piece = if is_space(c) {
                i += 1;
                continue;
            } else if c.is_ascii_digit() || c == '.' || c == ',' {
                let mut raw = String::new();
                loop {
                    while let Some(&(_, c @ ('0'..='9' | '.' | ','))) = chars.get(i) {
                        raw.push(c);
                        i += 1;
                    }
                    let is_group = raw.ends_with(|c: char| c.is_ascii_digit())
                        && chars.get(i).is_some_and(|&(_, c)| is_space(c))
                        && (i + 1..i + 4).all(is_digit_at)
                        && !is_digit_at(i + 4);
                    if !is_group {
                        break;
                    }
                    raw.push(' ');
                    i += 1;
                }
                Piece::Digits(raw)
            } else if is_minus(c) {
                i += 1;
                Piece::Minus
            } else if is_word_char(c) {
                let mut folded = String::new();
                while let Some(&(_, c)) = chars.get(i) {
                    // A slash inside a word belongs to it (`kWh/tháng`).
                    let inner_slash = c == '/'
                        && !folded.is_empty()
                        && chars
                            .get(i + 1)
                            .is_some_and(|&(_, next)| is_word_char(next));
                    if !is_word_char(c) && !inner_slash {
                        break;
                    }
                    fold(c, &mut folded);
                    i += 1;
                }
                Piece::Word(folded)
            } else {
                i += 1;
                Piece::Other
            };
            tokens.push(Token {
                piece,
                span: start..byte_at(i),
            });
        }
        self.merge_unit_digits(tokens)
    }

    /// `m` followed at once by `2` is the word `m2` where the field knows that word (in a height,
    /// `1m2` stays 1,2 m).
    fn merge_unit_digits(&self, tokens: Vec<Token>) -> Vec<Token> {
        let mut merged: Vec<Token> = Vec::with_capacity(tokens.len());
        for token in tokens {
            if let (Some(previous), Piece::Digits(digits)) = (merged.last_mut(), &token.piece) {
                if let Piece::Word(word) = &previous.piece {
                    let joined = format!("{word}{digits}");
                    if previous.span.end == token.span.start && self.lookup(&joined).is_some() {
                        previous.piece = Piece::Word(joined);
                        previous.span.end = token.span.end;
                        continue;
                    }
                }
            }
            merged.push(token);
        }
        merged
    }

    /// What a folded word (or two words, one space apart) means in this field.
    fn lookup(&self, folded: &str) -> Option<Meaning> {
        let meaning = EVERY_FIELD_WORDS
            .iter()
            .chain(own_words(self.kind))
            .find(|(spelling, _)| *spelling == folded)
            .map(|(_, meaning)| *meaning)?;
        match (meaning, self.kind) {
            (Meaning::Regional { n_sao, name }, NumberKind::Land { sao, .. }) => {
                // Without a known sào the size is a placeholder: `read` refuses the text.
                let sao = sao.unwrap_or(SaoSize::BacBo);
                let factor = Exact::whole(u64::from(n_sao * sao.sao_m2()));
                Some(UnitWord::converting(factor, name, false, true))
            }
            _ => Some(meaning),
        }
    }

    /// The meaning of the word, or two words, at `i` and how many tokens it takes; `Ok(None)` if
    /// the token there is not a word; an error if the word is unknown.
    fn word_at(&self, tokens: &[Token], i: usize) -> Result<Option<(Meaning, usize)>, NumberError> {
        let word = |i: usize| match tokens.get(i) {
            Some(Token {
                piece: Piece::Word(word),
                ..
            }) => Some(word.as_str()),
            _ => None,
        };
        let Some(first) = word(i) else {
            return Ok(None);
        };
        if let Some(second) = word(i + 1) {
            if let Some(meaning) = self.lookup(&format!("{first} {second}")) {
                return Ok(Some((meaning, 2)));
            }
        }
        match self.lookup(first) {
            Some(meaning) => Ok(Some((meaning, 1))),
            None => Err(self
                .error("num_err_unknown_word")
                .with("word", &self.text[tokens[i].span.clone()])
                .with("expected", expected_words(self.kind))),
        }
    }

    /// After a classifier (`con`), the words name what is counted and are skipped; a word the
    /// field knows (`rưỡi`), digits or anything else is refused. Returns the index after them.
    fn skip_counted_words(&self, tokens: &[Token], mut i: usize) -> Result<usize, NumberError> {
        while let Some(token) = tokens.get(i) {
            match &token.piece {
                Piece::Word(word) if self.lookup(word).is_none() => i += 1,
                _ => return Err(self.not_understood()),
            }
        }
        Ok(i)
    }

    /// Splits the tokens into terms.
    fn parse(&self, tokens: &[Token]) -> Result<Parsed, NumberError> {
        let mut terms: Vec<Term> = Vec::new();
        let mut needs_sao = false;
        let sao_unknown = matches!(self.kind, NumberKind::Land { sao: None, .. });
        let mut i = 0;
        while i < tokens.len() {
            let token = &tokens[i];
            let number = match &token.piece {
                Piece::Digits(raw) => DigitsText {
                    raw: raw.clone(),
                    span: token.span.clone(),
                },
                Piece::Minus
                    if terms.is_empty()
                        && matches!(
                            tokens.get(i + 1),
                            Some(Token {
                                piece: Piece::Digits(_),
                                ..
                            })
                        ) =>
                {
                    return Err(self.error("num_err_negative"));
                }
                // A word before the number: an unknown one is named, a known one is misplaced.
                Piece::Word(_) => {
                    self.word_at(tokens, i)?;
                    return Err(self.not_understood());
                }
                _ => return Err(self.not_understood()),
            };
            i += 1;
            let mut term = Term::new(number);
            let mut ended = false;
            while let Some((meaning, n_tokens)) = self.word_at(tokens, i)? {
                i += n_tokens;
                let scaled = term.multiplier.is_some() || term.unit.is_some();
                match meaning {
                    Meaning::Multiplier(factor) if !scaled && !term.half => {
                        term.multiplier = Some(factor)
                    }
                    // `3 triệu đồng`, but not `3 sào m²`.
                    Meaning::Unit(unit) if unit.is_own() && term.unit.is_none() => {
                        term.own_unit = true;
                        ended = true;
                    }
                    Meaning::Unit(unit) if term.unit.is_none() && !term.half => {
                        term.unit = Some(unit);
                        needs_sao |=
                            sao_unknown && unit.noted && matches!(unit.name, "sào" | "mẫu");
                    }
                    Meaning::Half if scaled && !term.half => term.half = true,
                    Meaning::Classifier => {
                        term.own_unit = true;
                        i = self.skip_counted_words(tokens, i)?;
                        ended = true;
                    }
                    _ => return Err(self.not_understood()),
                }
                if ended {
                    break;
                }
            }
            if ended {
                if i < tokens.len() {
                    return Err(self.not_understood());
                }
                terms.push(term);
                break;
            }
            match tokens.get(i).map(|token| &token.piece) {
                None => {}
                Some(Piece::Digits(raw)) => {
                    if self.is_continuation(&term, tokens, i, raw) {
                        term.continuation = Some(DigitsText {
                            raw: raw.clone(),
                            span: tokens[i].span.clone(),
                        });
                        terms.push(term);
                        break;
                    }
                    // The next group (`2 tỷ 500 triệu`): this one must have been scaled.
                    if !term.has_scale() {
                        return Err(self.not_understood());
                    }
                }
                Some(_) => return Err(self.not_understood()),
            }
            terms.push(term);
        }
        if terms.len() > 1 && !terms.iter().all(Term::has_scale) {
            // `1 ha 500`: the last group has no unit.
            return Err(self.not_understood());
        }
        Ok(Parsed { terms, needs_sao })
    }

    /// Whether the digits at `i` are the decimals of `term`'s last word (`3tr5`, `1m65`), and
    /// what follows them belongs to the term too (nothing, or the field's own unit).
    fn is_continuation(&self, term: &Term, tokens: &[Token], i: usize, raw: &str) -> bool {
        let continues = match term.unit {
            Some(unit) => unit.continues,
            None => term.multiplier.is_some(),
        };
        if !continues || term.half || !raw.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        let after = i + 1;
        if after == tokens.len() {
            return true;
        }
        // After a multiplier's decimals the field's own unit may follow (`3tr5 đồng`, `2 nghìn 5
        // con`); after a metre's, nothing (`1m 65cm` is two groups).
        if term.unit.is_some() {
            return false;
        }
        match self.word_at(tokens, after) {
            Ok(Some((Meaning::Unit(unit), n_tokens))) if unit.is_own() => {
                after + n_tokens == tokens.len()
            }
            Ok(Some((Meaning::Classifier, n_tokens))) => {
                self.skip_counted_words(tokens, after + n_tokens).is_ok()
            }
            _ => false,
        }
    }

    /// The sào message: what the text makes with each sào.
    fn sao_error(&self) -> NumberError {
        let NumberKind::Land { max_m2, .. } = *self.kind else {
            return self.not_understood();
        };
        let with = |sao: SaoSize| {
            read(
                self.text,
                &NumberKind::Land {
                    max_m2,
                    sao: Some(sao),
                },
            )
        };
        match (with(SaoSize::BacBo), with(SaoSize::TrungBo)) {
            (Ok(Some(north)), Ok(Some(centre))) => self
                .error("num_err_sao_region")
                .with("as_bac_bo", format_value(north.value, self.kind))
                .with("as_trung_bo", format_value(centre.value, self.kind)),
            // The number itself is wrong too (ambiguous, too large): that comes first.
            (Err(error), _) | (_, Err(error)) => error,
            _ => self.not_understood(),
        }
    }

    /// `number` × the term's scale, with its decimals (`3tr5`) and half (`rưỡi`).
    fn value_of(&self, term: &Term, number: Exact) -> Result<Exact, NumberError> {
        let mut number = number;
        if let Some(continuation) = &term.continuation {
            number = Exact::parse("", &continuation.raw)
                .and_then(|decimals| number.plus(decimals))
                .ok_or_else(|| self.digits_error(DigitsProblem::TooMany))?;
        }
        if term.half {
            number = number
                .plus(Exact::HALF)
                .ok_or_else(|| self.digits_error(DigitsProblem::TooMany))?;
        }
        number
            .times(term.factor())
            .ok_or_else(|| self.too_large(self.text.to_string()))
    }

    /// Whether `value` is one the field takes.
    fn fits(&self, value: Exact) -> bool {
        let whole_within = |max: u64| value.whole_value().is_some_and(|n| n <= max);
        match *self.kind {
            NumberKind::Count { max } => whole_within(u64::from(max)),
            NumberKind::Money { max } => u64::try_from(max).is_ok_and(whole_within),
            NumberKind::Decimal { min, max, .. } => (min..=max).contains(&value.to_f64()),
            NumberKind::Land { max_m2, .. } => value.to_f64() <= max_m2,
        }
    }

    /// A value formatted for a message.
    fn shown(&self, value: Exact) -> String {
        match value.whole_value().and_then(|n| i64::try_from(n).ok()) {
            Some(n)
                if !matches!(
                    self.kind,
                    NumberKind::Decimal { .. } | NumberKind::Land { .. }
                ) =>
            {
                format_value(Number::Whole(n), self.kind)
            }
            _ => format_value(Number::Measure(value.to_f64()), self.kind),
        }
    }

    /// The text with the number at `span` replaced.
    fn rewritten(&self, span: &Range<usize>, number: &str) -> String {
        format!(
            "{}{number}{}",
            &self.text[..span.start],
            &self.text[span.end..]
        )
    }

    /// One number with its words: the ambiguity rules of the module documentation.
    fn single(&self, term: &Term) -> Result<(Exact, bool), NumberError> {
        let digits = interpret(&term.number.raw).map_err(|problem| self.digits_error(problem))?;
        let (mark, thousands, decimal) = match digits {
            Digits::Plain(number) => return Ok((self.value_of(term, number)?, false)),
            Digits::Either {
                mark,
                thousands,
                decimal,
            } => (mark, thousands, decimal),
        };
        let as_thousands = self.value_of(term, thousands)?;
        let as_decimal = self.value_of(term, decimal)?;
        let scaled = term.factor() != Exact::ONE;
        let is_whole_field = matches!(
            self.kind,
            NumberKind::Count { .. } | NumberKind::Money { .. }
        );
        // Rule 1: three decimals on a whole number are never meant.
        if is_whole_field && !scaled {
            return Ok((as_thousands, false));
        }
        let (thousands_fits, decimal_fits) = (self.fits(as_thousands), self.fits(as_decimal));
        // Rule 2: the Vietnamese thousands dot, unless the range says otherwise.
        if mark == '.' && !scaled {
            return Ok(if !thousands_fits && decimal_fits {
                (as_decimal, true)
            } else {
                (as_thousands, false)
            });
        }
        // Rule 3: the range decides, or the household does.
        match (thousands_fits, decimal_fits) {
            (true, true) => Err(self
                .error("num_err_ambiguous_separator")
                .with("first", self.shown(as_thousands))
                .with("second", self.shown(as_decimal))
                .with(
                    "write_first",
                    self.rewritten(&term.number.span, &thousands.typed()),
                )
                .with(
                    "write_second",
                    self.rewritten(&term.number.span, &decimal.typed()),
                )),
            (true, false) => Ok((as_thousands, true)),
            (false, true) => Ok((as_decimal, true)),
            (false, false) if mark == '.' => Ok((as_thousands, false)),
            (false, false) => Ok((as_decimal, false)),
        }
    }

    /// Groups added up (`2 tỷ 500 triệu`), or one group with decimals after its word (`3tr5`) or
    /// a half (`3 sào rưỡi`): digits only, each group smaller than the one before.
    fn combined(&self, terms: &[Term]) -> Result<Exact, NumberError> {
        let mut total = Exact::ZERO;
        let mut previous_factor: Option<Exact> = None;
        for term in terms {
            if !term.number.is_plain() {
                return Err(self.not_understood());
            }
            let number = match interpret(&term.number.raw) {
                Ok(Digits::Plain(number)) => number,
                Ok(Digits::Either { .. }) => return Err(self.not_understood()),
                Err(problem) => return Err(self.digits_error(problem)),
            };
            let factor = term.factor();
            if let Some(previous) = previous_factor {
                if !factor.is_less_than(previous) {
                    return Err(self.not_understood());
                }
            }
            if let Some(continuation) = &term.continuation {
                let n_digits = continuation.raw.len();
                let allowed = if term.unit.is_some() {
                    (1..=2).contains(&n_digits)
                } else {
                    n_digits == 1 || n_digits == 3
                };
                if n_digits == 2 && term.unit.is_none() {
                    return Err(self.ambiguous_shorthand(term, total, number));
                }
                if !allowed {
                    return Err(self.not_understood());
                }
            }
            let value = self.value_of(term, number)?;
            if let Some(previous) = previous_factor {
                if !value.is_less_than(previous) {
                    return Err(self.not_understood());
                }
            }
            total = total
                .plus(value)
                .ok_or_else(|| self.too_large(self.text.to_string()))?;
            previous_factor = Some(factor);
        }
        Ok(total)
    }

    /// `1tr50`: 1,50 triệu, or 1 triệu and 50 nghìn? `before` is the groups before this one.
    fn ambiguous_shorthand(&self, term: &Term, before: Exact, number: Exact) -> NumberError {
        let digits = term.continuation.as_ref().map_or("", |c| c.raw.as_str());
        let as_decimals = self
            .value_of(term, number)
            .ok()
            .and_then(|value| before.plus(value));
        let as_lower = Exact::parse("", &format!("0{digits}"))
            .and_then(|lower| number.plus(lower))
            .and_then(|n| n.times(term.factor()))
            .and_then(|value| before.plus(value));
        let (Some(as_decimals), Some(as_lower)) = (as_decimals, as_lower) else {
            return self.too_large(self.text.to_string());
        };
        let typed = |value: Exact| match value.whole_value().and_then(|n| i64::try_from(n).ok()) {
            Some(n) => group_thousands(n),
            None => value.typed(),
        };
        self.error("num_err_ambiguous_shorthand")
            .with("first", self.shown(as_decimals))
            .with("second", self.shown(as_lower))
            .with("write_first", typed(as_decimals))
            .with("write_second", typed(as_lower))
    }

    /// Checks the value against the field and writes the echo.
    fn finish(&self, value: Exact, terms: &[Term]) -> Result<(Number, String), NumberError> {
        let whole = |max: u64, not_whole: &'static str| match value.whole_value() {
            None => Err(self.error(not_whole).with("read", value.vietnamese())),
            Some(n) if n > max => Err(self.too_large(self.shown(value))),
            Some(n) => Ok(Number::Whole(i64::try_from(n).unwrap_or(i64::MAX))),
        };
        let number = match *self.kind {
            NumberKind::Count { max } => whole(u64::from(max), "num_err_count_not_whole")?,
            NumberKind::Money { max } => {
                whole(u64::try_from(max).unwrap_or(0), "num_err_money_not_whole")?
            }
            NumberKind::Decimal { min, max, .. } => {
                let x = value.to_f64();
                if x > max {
                    return Err(self.too_large(self.shown(value)));
                }
                if x < min {
                    return Err(self
                        .error("num_err_too_small")
                        .with("read", self.shown(value))
                        .with("min", format_value(Number::Measure(min), self.kind)));
                }
                Number::Measure(x)
            }
            NumberKind::Land { max_m2, .. } => {
                let x = value.to_f64();
                if x > max_m2 {
                    return Err(self.too_large(self.shown(value)));
                }
                Number::Measure(x)
            }
        };
        let mut echo = format!("= {}", format_value(number, self.kind));
        let mut notes: Vec<String> = Vec::new();
        for unit in terms
            .iter()
            .filter_map(|term| term.unit)
            .filter(|unit| unit.noted)
        {
            let note = format!(
                "1 {} = {}",
                unit.name,
                format_value(Number::Measure(unit.factor.to_f64()), self.kind)
            );
            if !notes.contains(&note) {
                notes.push(note);
            }
        }
        if !notes.is_empty() {
            echo.push_str(&format!(" ({})", notes.join(", ")));
        }
        Ok((number, echo))
    }
}

// Native only: the property tests need a random source the browser target lacks.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
