//! The dashboard's charts as inline SVG (no library, no canvas): horizontal bars that stay legible
//! on a 360 px phone and in print, each chart followed by the same figures as a `<table>` with a
//! caption for screen readers and for copying. Colours are set as SVG attributes (the page's
//! Content Security Policy forbids inline styles) and pass 3:1 contrast against the page.

use super::{fmt_count, fmt_percent};
use leptos::prelude::*;
use mucsong_batch::CommuneSummary;
use mucsong_commune::targets::{max_deprived_share, TargetValues};
use mucsong_engine::Indicator;
use mucsong_widgets::i18n::use_i18n;

/// Width of the drawing in SVG units; it scales to the column's width.
const WIDTH: f64 = 280.0;
/// Room kept right of the bars for their figures, which line up at the right edge.
const LABEL_ROOM: f64 = 110.0;
const BAR_HEIGHT: f64 = 16.0;
const INK: &str = "#1a1a1a";
const ALL_FILL: &str = "#5f6b78";
const POOR_FILL: &str = "#0b5d4b";
const TARGET_STROKE: &str = "#b3261e";

fn bar_width(share: f64) -> f64 {
    (WIDTH - LABEL_ROOM) * share.clamp(0.0, 1.0)
}

/// Households by class: one bar per class, its share and count at the end.
#[component]
pub fn ClassChart(summary: CommuneSummary) -> impl IntoView {
    let i18n = use_i18n();
    let rows = [
        ("poor", summary.n_poor, summary.share_poor(), POOR_FILL),
        (
            "near_poor",
            summary.n_near_poor,
            summary.share_near_poor(),
            "#8a5a00",
        ),
        (
            "not_poor",
            summary.n_not_poor,
            summary.share_not_poor(),
            ALL_FILL,
        ),
        (
            "undetermined",
            summary.n_undetermined,
            summary.share_undetermined(),
            "#6c4a8a",
        ),
    ];
    let group = 44.0;
    let height = group * rows.len() as f64;
    move || {
        let locale = i18n.locale();
        let title = i18n.tf(
            "commune_classes_caption",
            &[("n", &fmt_count(summary.n_households, locale))],
        );
        view! {
            <svg
                class="chart"
                viewBox=format!("0 0 {WIDTH} {height}")
                role="img"
                aria-label=title
                data-testid="commune-class-chart"
            >
                {rows
                    .iter()
                    .enumerate()
                    .map(|(k, &(key, n, share, fill))| {
                        let y = k as f64 * group;
                        let w = bar_width(share.unwrap_or(0.0));
                        view! {
                            <text x="0" y=y + 14.0 font-size="14" fill=INK>
                                {i18n.t(&format!("commune_class_{key}"))}
                            </text>
                            <rect x="0" y=y + 20.0 width=w.max(1.0) height=BAR_HEIGHT fill=fill></rect>
                            <text x=WIDTH y=y + 33.0 font-size="13" fill=INK text-anchor="end">
                                {format!("{} · {}", fmt_percent(share, locale), fmt_count(n, locale))}
                            </text>
                        }
                    })
                    .collect_view()}
            </svg>
        }
    }
}

/// Deprivation by indicator: for each of the twelve, a bar among all households and one among
/// poor households, with the most the targets allow marked on the latter.
#[component]
pub fn IndicatorChart(
    summary: CommuneSummary,
    #[prop(into)] targets: Signal<TargetValues>,
) -> impl IntoView {
    let i18n = use_i18n();
    let group = 62.0;
    let legend = 44.0;
    let height = legend + group * Indicator::TWELVE.len() as f64;
    move || {
        let locale = i18n.locale();
        let values = targets.get();
        view! {
            <svg
                class="chart"
                viewBox=format!("0 0 {WIDTH} {height}")
                role="img"
                aria-label=i18n.t("commune_indicators_caption")
                data-testid="commune-indicator-chart"
            >
                // Legend.
                <rect x="0" y="2" width="14" height="12" fill=ALL_FILL></rect>
                <text x="20" y="13" font-size="13" fill=INK>{i18n.t("commune_legend_all")}</text>
                <rect x="150" y="2" width="14" height="12" fill=POOR_FILL></rect>
                <text x="170" y="13" font-size="13" fill=INK>{i18n.t("commune_legend_poor")}</text>
                <line x1="4" y1="20" x2="4" y2="36" stroke=TARGET_STROKE stroke-width="3"></line>
                <text x="14" y="33" font-size="13" fill=INK>{i18n.t("commune_legend_target")}</text>
                {Indicator::TWELVE
                    .into_iter()
                    .enumerate()
                    .map(|(k, indicator)| {
                        let tally = summary.indicator(indicator);
                        let y = legend + k as f64 * group;
                        let all = tally.share_deprived();
                        let poor = tally.share_deprived_poor();
                        let marker = max_deprived_share(&values, indicator).map(|(share, _)| {
                            let x = bar_width(share);
                            view! {
                                <line
                                    x1=x.max(1.5)
                                    y1=y + 37.0
                                    x2=x.max(1.5)
                                    y2=y + 57.0
                                    stroke=TARGET_STROKE
                                    stroke-width="3"
                                ></line>
                            }
                        });
                        view! {
                            <text x="0" y=y + 13.0 font-size="14" fill=INK font-weight="600">
                                {i18n.t(&format!("commune_indicator_{}", indicator.key()))}
                            </text>
                            <rect x="0" y=y + 19.0 width=bar_width(all.unwrap_or(0.0)).max(1.0) height="15" fill=ALL_FILL></rect>
                            <text x=WIDTH y=y + 31.0 font-size="13" fill=INK text-anchor="end">
                                {format!("{} {}", fmt_percent(all, locale), i18n.t("commune_chart_all_short"))}
                            </text>
                            <rect x="0" y=y + 39.0 width=bar_width(poor.unwrap_or(0.0)).max(1.0) height="15" fill=POOR_FILL></rect>
                            <text x=WIDTH y=y + 51.0 font-size="13" fill=INK text-anchor="end">
                                {format!("{} {}", fmt_percent(poor, locale), i18n.t("commune_chart_poor_short"))}
                            </text>
                            {marker}
                        }
                    })
                    .collect_view()}
            </svg>
        }
    }
}
