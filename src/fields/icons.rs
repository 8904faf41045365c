//! Small inline pictures for housing materials, water and latrines (decorative: the text label
//! carries the meaning, so they are hidden from screen readers). Drawn in 32×32 with a few shapes
//! each to keep the download small.

use leptos::prelude::*;
use mucsong_questionnaire::fields::pattern_of;

const OPEN: &str = r##"<svg viewBox="0 0 32 32" width="40" height="40" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round">"##;

/// Bricks: rows of offset blocks.
const BRICKS: &str = r##"<rect x="3" y="6" width="26" height="20"/><path d="M3 13h26M3 20h26M12 6v7M22 6v7M8 13v7M17 13v7M26 13v7M12 20v6M22 20v6"/>"##;
/// Concrete: a grey slab with reinforcing bars.
const CONCRETE: &str = r##"<rect x="3" y="6" width="26" height="20" fill="#d9d9d9"/><path d="M3 12h26M3 20h26" stroke-dasharray="3 2"/>"##;
/// Wood planks.
const WOOD: &str = r##"<rect x="3" y="5" width="26" height="22"/><path d="M10 5v22M16 5v22M22 5v22"/><circle cx="13" cy="12" r="1.5"/>"##;
/// Leaves / bamboo / other light material.
const LEAF: &str =
    r##"<path d="M16 28V8M16 8c-6 2-9 7-9 12 5 0 8-3 9-6M16 8c6 2 9 7 9 12-5 0-8-3-9-6"/>"##;
/// Earth: a mound on the ground.
const EARTH: &str =
    r##"<path d="M3 26h26M5 26c2-8 6-12 11-12s9 4 11 12M11 21h2M18 19h2M15 24h2"/>"##;
/// No columns.
const NONE: &str = r##"<circle cx="16" cy="16" r="11"/><path d="M8 24 24 8"/>"##;
/// Steel column.
const STEEL: &str = r##"<path d="M9 4h14M9 28h14M16 4v24M12 4v24M20 4v24"/>"##;
/// Tile roof.
const TILE: &str =
    r##"<path d="M2 16 16 5l14 11"/><path d="M6 16v4M11 16v4M16 16v4M21 16v4M26 16v4M4 20h24"/>"##;
/// Metal sheet roof: corrugated.
const SHEET: &str =
    r##"<path d="M2 16 16 5l14 11"/><path d="M4 22c2-3 4 3 6 0s4 3 6 0 4 3 6 0 4 3 6 0"/>"##;
/// Flat concrete roof.
const FLAT: &str =
    r##"<rect x="4" y="10" width="24" height="5" fill="#d9d9d9"/><path d="M7 15v12M25 15v12"/>"##;
/// A tap.
const TAP: &str = r##"<path d="M4 10h14v5H4zM18 12h6v8"/><path d="M24 24c-2 3-2 4 0 5 2-1 2-2 0-5z" fill="currentColor"/>"##;
/// A drilled well with a hand pump.
const PUMP: &str = r##"<path d="M14 28V10h6v18M10 28h14M20 13l7-4M14 16H8v4"/>"##;
/// A covered dug well.
const WELL: &str = r##"<ellipse cx="16" cy="20" rx="10" ry="4"/><path d="M6 20v6c0 2 20 2 20 0v-6M8 9h16M16 9v8"/>"##;
/// A stream / pond.
const STREAM: &str =
    r##"<path d="M3 12c4-3 6 3 10 0s6 3 10 0 4 2 6 0M3 20c4-3 6 3 10 0s6 3 10 0 4 2 6 0"/>"##;
/// A toilet.
const TOILET: &str = r##"<path d="M8 4h10v10H8zM5 14h20c0 6-4 9-8 9v5h-6v-5"/>"##;
/// A pit latrine.
const PIT: &str = r##"<path d="M6 16h20M10 16v8h12v-8M8 6h16l2 10H6z"/>"##;

/// The picture for an option, if it has one.
pub fn icon(path: &str, key: &str) -> Option<AnyView> {
    let shapes = match (pattern_of(path).as_str(), key) {
        ("housing.wall", "reinforced_concrete") | ("housing.column", "reinforced_concrete") => {
            CONCRETE
        }
        ("housing.wall", "brick_stone") | ("housing.column", "brick_stone") => BRICKS,
        ("housing.wall", "durable_wood_metal") => WOOD,
        ("housing.column", "durable_wood_steel") => STEEL,
        ("housing.wall" | "housing.column" | "housing.roof", "other" | "leaf" | "bamboo") => LEAF,
        ("housing.wall" | "housing.column", "scrap_wood") => WOOD,
        ("housing.wall", "metal_sheet") | ("housing.roof", "fibro_cement") => SHEET,
        ("housing.wall", "earth") => EARTH,
        ("housing.column", "none") => NONE,
        ("housing.roof", "reinforced_concrete") => FLAT,
        ("housing.roof", "tile") => TILE,
        ("housing.roof", "metal_sheet") => SHEET,
        ("water", "piped_bottled_bought") => TAP,
        ("water", "drilled_well") => PUMP,
        ("water", "protected_well_or_spring") => WELL,
        ("water", "other") => STREAM,
        ("latrine", "septic_or_semi_septic") => TOILET,
        ("latrine", "pour_flush_vip_pit_double_vault") => PIT,
        ("latrine", "other") => LEAF,
        _ => return None,
    };
    let svg = format!("{OPEN}{shapes}</svg>");
    Some(view! { <span class="option-icon" aria-hidden="true" inner_html=svg></span> }.into_any())
}
