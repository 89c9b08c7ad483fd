//! A small bar chart for a key number: one or two bars on a common scale, drawn as SVG with
//! geometry in attributes (no inline styles, for a strict CSP) and colours from CSS tokens.
//! The chart is one image to assistive technology, named by the engine's text alternative.

use crate::myths::{bar_value_text, chart_alt, chart_geometry, Bar, Chart, ChartKind, MythsText};
use yew::prelude::*;

/// Width of the drawing in SVG units; the CSS scales it to the card.
const WIDTH: f64 = 320.0;
/// Longest bar, leaving room for the value written after it.
const BAR_MAX: f64 = 230.0;
/// Height of one bar's row: its label above, the bar below.
const ROW: f64 = 46.0;
const BAR_HEIGHT: f64 = 16.0;

/// Renders a chart with its text alternative.
pub(crate) fn bar_chart(ui: &MythsText, label: &str, chart: &Chart) -> Html {
    let geometry = chart_geometry(chart);
    let mut rows = vec![(&chart.a, geometry.a, "a")];
    if let (Some(b), Some(frac)) = (&chart.b, geometry.b) {
        rows.push((b, frac, "b"));
    }
    let height = ROW * rows.len() as f64 + 4.0;
    // A bar drawn against a whole ("8 in 100") is read against that whole, so the whole is
    // drawn as a track behind the bar.
    let track = chart.kind == ChartKind::Share || chart.out_of.is_some();
    let kind = match chart.kind {
        ChartKind::Compare => "compare",
        ChartKind::BeforeAfter => "before-after",
        ChartKind::Share => "share",
    };
    html! {
        <svg
            class="kg-chart"
            data-chart={kind}
            role="img"
            aria-label={chart_alt(ui, label, chart)}
            viewBox={format!("0 0 {WIDTH} {height}")}
            preserveAspectRatio="xMinYMin meet"
            focusable="false"
        >
            { for rows.iter().enumerate().map(|(i, (bar, frac, which))| {
                bar_row(ui, bar, *frac, which, i as f64 * ROW, track)
            }) }
        </svg>
    }
}

fn bar_row(ui: &MythsText, bar: &Bar, frac: f64, which: &str, top: f64, track: bool) -> Html {
    let width = (frac * BAR_MAX).max(if frac > 0.0 { 2.0 } else { 0.0 });
    let bar_y = top + 22.0;
    let value_x = if track { BAR_MAX + 8.0 } else { width + 8.0 };
    html! {
        <g class={format!("kg-chart-row kg-chart-{which}")}>
            <text class="kg-chart-label" x="0" y={fmt(top + 15.0)} font-size="14">{ &bar.label }</text>
            if track {
                <rect class="kg-chart-track" x="0" y={fmt(bar_y)} width={fmt(BAR_MAX)} height={fmt(BAR_HEIGHT)} rx="3" />
            }
            <rect class="kg-chart-bar" x="0" y={fmt(bar_y)} width={fmt(width)} height={fmt(BAR_HEIGHT)} rx="3" />
            <text class="kg-chart-value" x={fmt(value_x)} y={fmt(bar_y + 13.0)} font-size="14">
                { bar_value_text(ui, bar) }
            </text>
        </g>
    }
}

/// SVG numbers with at most two decimals: short markup, and never "NaN" (inputs are finite).
fn fmt(v: f64) -> String {
    crate::numfmt::decimal(v, 2)
}
