//! View models for the explorer: everything the UI needs, already decided and worded, so the
//! Yew components only render. Text comes from the content's templates, never from code.

use super::model::{Bar, Chart, ChartKind, Claim, MythsContent, MythsText, Topic, Verdict};
use super::query::{filter_counts, query, Query};
use super::search::Matcher;
use crate::content::Source;

/// One filter chip.
#[derive(Clone, Debug, PartialEq)]
pub struct Chip<'a> {
    /// Topic id or verdict id (for `data-*` attributes and toggling).
    pub id: &'a str,
    /// The chip's label (topic or verdict label).
    pub label: &'a str,
    /// The verdict's icon; `None` for topic chips.
    pub icon: Option<&'a str>,
    /// How many claims the chip would show (see [`super::FilterCounts`]).
    pub count: usize,
    /// Whether the chip is selected.
    pub selected: bool,
    /// The label with its count, from the chip template (e.g. "Sleep (5)").
    pub text: String,
}

/// The whole explorer for one query: results, chips, and the words around them.
#[derive(Clone, Debug, PartialEq)]
pub struct ExplorerView<'a> {
    /// Matching claims, in content order.
    pub results: Vec<&'a Claim>,
    /// Topic chips, in content order.
    pub topic_chips: Vec<Chip<'a>>,
    /// Verdict chips, from `myth` to `true`.
    pub verdict_chips: Vec<Chip<'a>>,
    /// The results count sentence, for a polite live region.
    pub count_text: String,
    /// True when nothing matches: show the empty state.
    pub empty: bool,
    /// True when search or filters are active: offer "Clear filters".
    pub can_clear: bool,
    /// When nothing matches, the topic closest to the search, offered instead.
    pub suggestion: Option<&'a Topic>,
}

/// Builds the explorer view for a query.
pub fn explorer_view<'a>(content: &'a MythsContent, q: &Query) -> ExplorerView<'a> {
    let results = query(&content.claims, &content.search, q);
    let counts = filter_counts(&content.claims, &content.topics, &content.search, q);
    let suggestion = if results.is_empty() {
        Matcher::new(&q.text, &content.search).closest_topic(&content.claims, &content.topics)
    } else {
        None
    };
    let ui = &content.ui;
    let topic_chips = content
        .topics
        .iter()
        .map(|t| {
            let count = counts.topic(&t.id);
            Chip {
                id: &t.id,
                label: &t.label,
                icon: None,
                count,
                selected: q.topics.contains(&t.id),
                text: chip_text(ui, &t.label, count),
            }
        })
        .collect();
    // A verdict no claim has would be a chip that can never match: left out (unless a
    // restored filter still selects it, so it can be turned off).
    let verdict_chips = Verdict::ALL
        .into_iter()
        .filter(|v| content.claims.iter().any(|c| c.verdict == *v) || q.verdicts.contains(v))
        .filter_map(|v| content.verdict_info(v))
        .map(|info| {
            let count = counts.verdict(info.id);
            Chip {
                id: info.id.id(),
                label: &info.label,
                icon: Some(&info.icon),
                count,
                selected: q.verdicts.contains(&info.id),
                text: chip_text(ui, &info.label, count),
            }
        })
        .collect();
    ExplorerView {
        empty: results.is_empty(),
        count_text: results_count_text(ui, results.len()),
        can_clear: !q.is_empty(),
        suggestion,
        results,
        topic_chips,
        verdict_chips,
    }
}

/// "{count} claims shown", with the content's none / one / many variants.
pub fn results_count_text(ui: &MythsText, count: usize) -> String {
    let template = match count {
        0 => &ui.results_none,
        1 => &ui.results_one,
        _ => &ui.results_many,
    };
    template.replace("{count}", &count.to_string())
}

fn chip_text(ui: &MythsText, label: &str, count: usize) -> String {
    ui.chip_template
        .replace("{label}", label)
        .replace("{count}", &count.to_string())
}

/// A chart's bars as fractions of its scale (0.0–1.0), ready to size SVG rectangles.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartGeometry {
    /// Width of bar `a` as a fraction of the full width.
    pub a: f64,
    /// Width of bar `b`, when the chart has one.
    pub b: Option<f64>,
}

/// Bar widths on a common scale: `out_of` when given, else the larger bar. Never NaN, never
/// outside 0.0–1.0, whatever the content says.
pub fn chart_geometry(chart: &Chart) -> ChartGeometry {
    let clean = |v: f64| if v.is_finite() && v > 0.0 { v } else { 0.0 };
    let a = clean(chart.a.value);
    let b = chart.b.as_ref().map(|b| clean(b.value));
    let largest = a.max(b.unwrap_or(0.0));
    let scale = chart
        .out_of
        .map(clean)
        .filter(|s| *s > 0.0)
        .unwrap_or(largest)
        .max(largest);
    let frac = |v: f64| {
        if scale > 0.0 {
            (v / scale).clamp(0.0, 1.0)
        } else {
            0.0
        }
    };
    ChartGeometry {
        a: frac(a),
        b: b.map(frac),
    }
}

/// A bar's value as shown: "8%", "3.5%", "79 min" (decimal separator from the content).
pub fn bar_value_text(ui: &MythsText, bar: &Bar) -> String {
    format!(
        "{}{}",
        format_number(bar.value, &ui.decimal_separator),
        bar.unit
    )
}

/// The text alternative of a chart, from the content's template for its kind.
pub fn chart_alt(ui: &MythsText, label: &str, chart: &Chart) -> String {
    let template = match chart.kind {
        ChartKind::Compare => &ui.chart_alt_compare,
        ChartKind::BeforeAfter => &ui.chart_alt_before_after,
        ChartKind::Share => &ui.chart_alt_share,
    };
    let (b_label, b_value) = match &chart.b {
        Some(b) => (b.label.as_str(), bar_value_text(ui, b)),
        None => ("", String::new()),
    };
    template
        .replace("{label}", label)
        .replace("{a_label}", &chart.a.label)
        .replace("{a_value}", &bar_value_text(ui, &chart.a))
        .replace("{b_label}", b_label)
        .replace("{b_value}", &b_value)
}

/// Formats a number with at most one decimal place and no trailing ".0".
pub fn format_number(value: f64, decimal_separator: &str) -> String {
    if !value.is_finite() {
        return String::new();
    }
    crate::numfmt::decimal(value, 1).replace('.', decimal_separator)
}

/// The routes-compared table, ready to render as `<table>`.
#[derive(Clone, Debug, PartialEq)]
pub struct RoutesView<'a> {
    /// Table caption.
    pub caption: &'a str,
    /// Column headers; the first heads the row-header column.
    pub headers: Vec<&'a str>,
    /// Rows: route id, row header (route name), then cells in header order.
    pub rows: Vec<RouteLine<'a>>,
    /// Notes under the table.
    pub notes: Vec<&'a str>,
    /// Sources cited by any row, in first-cited order, without repeats.
    pub sources: Vec<&'a Source>,
}

/// One row of [`RoutesView`].
#[derive(Clone, Debug, PartialEq)]
pub struct RouteLine<'a> {
    /// Stable route id.
    pub id: &'a str,
    /// Row header.
    pub name: &'a str,
    /// Cells after the row header, in header order.
    pub cells: Vec<&'a str>,
}

/// Builds the routes-compared table.
pub fn routes_view(content: &MythsContent) -> RoutesView<'_> {
    let mut sources: Vec<&Source> = Vec::new();
    for row in &content.routes.rows {
        for s in content.sources_for(&row.sources) {
            if !sources.iter().any(|known| known.id == s.id) {
                sources.push(s);
            }
        }
    }
    RoutesView {
        caption: &content.ui.routes_caption,
        headers: content
            .ui
            .routes_headers
            .iter()
            .map(String::as_str)
            .collect(),
        rows: content
            .routes
            .rows
            .iter()
            .map(|r| RouteLine {
                id: &r.id,
                name: &r.name,
                cells: r.cells().to_vec(),
            })
            .collect(),
        notes: content.routes.notes.iter().map(String::as_str).collect(),
        sources,
    }
}
