//! The four routes for the same plan: an SVG bar chart (low–high bar, typical mark, labels as
//! text) and the same figures as a data table, its text alternative. Geometry is set with SVG
//! attributes in percentages of the width, so text keeps its real size at any width. Insurance
//! counts only on the routes it covers, and both the chart and the table say which.

use super::Ui;
use crate::cost::{chart_max, compare_routes_for, Bps, Coverage, NumberFormat, RouteTotal};
use crate::nav::{Place, Section};
use yew::prelude::*;

/// Line height of the chart's text, in CSS pixels.
const LINE: u32 = 18;
/// Longest line of a route's name, in characters. SVG text never wraps by itself, and the
/// chart is about 280 px wide on a 320 px screen: 26 characters of 15 px bold text fit there.
const NAME_CHARS: usize = 26;
/// Longest line of the figures under a bar (14 px regular text).
const FIGURE_CHARS: usize = 32;

fn pct(b: Bps) -> String {
    format!("{}.{:02}%", b.get() / 100, b.get() % 100)
}

/// Breaks `text` into lines of at most `max` characters at spaces (a longer word keeps its own
/// line), so long names and other languages' wordings stay inside a narrow chart.
fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// One text block of several lines, the first baseline at `y`.
fn lines(class: &'static str, y: u32, lines: &[String]) -> Html {
    html! {
        <text x="0" y={y.to_string()} {class}>
            { for lines.iter().enumerate().map(|(i, l)| html! {
                <tspan x="0" y={(y + i as u32 * LINE).to_string()}>{ l }</tspan>
            }) }
        </text>
    }
}

/// Whether a row is one of the treatments the clinic named as its own (`routes`).
fn offered(ui: &Ui, r: &RouteTotal) -> bool {
    ui.s.offer.listed() && ui.s.offer.offers(r.route)
}

/// A route's name with what sets it apart: "(at this clinic)", "(your choice)", "(with your
/// insurance)".
fn row_name(ui: &Ui, r: &RouteTotal, current: bool, coverage_entered: bool) -> String {
    let mut name = ui.route_name(r.route);
    if offered(ui, r) {
        name.push(' ');
        name.push_str(ui.chart("offered"));
    }
    if current {
        name.push(' ');
        name.push_str(ui.chart("current"));
    }
    if coverage_entered && r.insured {
        name.push(' ');
        name.push_str(ui.chart("with_insurance"));
    }
    name
}

/// Which figures include the insurance entered, in words.
fn coverage_note(ui: &Ui, rows: &[RouteTotal]) -> String {
    let insured: Vec<String> = rows
        .iter()
        .filter(|r| r.insured)
        .map(|r| ui.route_name(r.route))
        .collect();
    if insured.is_empty() {
        return ui.chart("coverage_nowhere").to_owned();
    }
    let routes = insured.join(", ");
    crate::content::fill(ui.chart("coverage_note"), &[("routes", &routes)])
}

/// One route's row starting at `y`; returns it with its height.
fn bar(ui: &Ui, y: u32, r: &RouteTotal, max: crate::cost::Cents, label: String) -> (Html, u32) {
    let [low, typical, high] = r.total.fraction_of(max);
    let width = Bps::new(u32::from(high.get().saturating_sub(low.get()))).unwrap_or(Bps::ZERO);
    // A range with one value still gets a visible block, not a zero-width bar.
    let flat = width == Bps::ZERO;
    let current = r.route == ui.s.plan().route;
    let name_lines = wrap(&label, NAME_CHARS);
    let figure_lines = wrap(&ui.range(&r.total), FIGURE_CHARS);
    let bar_y = y + 10 + name_lines.len() as u32 * LINE;
    let height = bar_y - y + 56 + (figure_lines.len() as u32 - 1) * LINE;
    let row = html! {
        <g class={classes!("kg-cost-bar", current.then_some("kg-cost-bar-current"))} data-route={r.route.id()} data-insured={r.insured.to_string()} data-offered={offered(ui, r).then_some("true")}>
            { lines("kg-cost-bar-name", y + 18, &name_lines) }
            <rect class="kg-cost-bar-track" x="0" y={bar_y.to_string()} width="100%" height="20" rx="3" />
            <rect
                class="kg-cost-bar-range"
                x={pct(low)}
                transform={flat.then_some("translate(-3 0)")}
                y={bar_y.to_string()}
                width={if flat { "6".to_owned() } else { pct(width) }}
                height="20"
                rx="3"
                data-x={low.get().to_string()}
                data-width={width.get().to_string()}
            />
            <rect class="kg-cost-bar-typical" x={pct(typical)} y={(bar_y - 4).to_string()} width="4" height="28" data-x={typical.get().to_string()} />
            { lines("kg-cost-bar-figures", bar_y + 42, &figure_lines) }
        </g>
    };
    (row, height)
}

/// Chart, table and the link to the routes table in the myths section.
pub fn view(ui: &Ui, navigate: Option<&Callback<Place>>) -> Html {
    let plan = ui.s.plan();
    let rows = compare_routes_for(plan, ui.s.book(), &ui.s.offer);
    let max = chart_max(&rows);
    let coverage_entered = plan.insurance.coverage != Coverage::None;
    let mut height = 0;
    let bars: Vec<Html> = rows
        .iter()
        .map(|r| {
            let name = row_name(ui, r, r.route == plan.route, coverage_entered);
            let (row, h) = bar(ui, height, r, max, name);
            height += h;
            row
        })
        .collect();
    let note = coverage_entered.then(|| coverage_note(ui, &rows));
    let height = height.to_string();
    // The routes table lives in the evidence explorer: linked only when this instance offers it.
    let link = navigate.map(|navigate| {
        let navigate = navigate.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            navigate.emit(Place {
                section: Section::Myths,
                item: Some("routes".into()),
            });
        });
        html! {
            <p><a href="#myths/routes" data-routes-link="" {onclick}>{ ui.chart("routes_compared_link") }</a></p>
        }
    });
    html! {
        <section class="kg-cost-compare">
            { ui.h(1, Some("kg-cost-compare-h"), "compare") }
            <p>{ ui.chart("description") }</p>
            if ui.s.offer.listed() {
                <p class="kg-cost-notice" data-offered-note="">{ ui.chart("offered_note") }</p>
            }
            if let Some(note) = note {
                <p class="kg-cost-notice" data-coverage-note="">{ note }</p>
            }
            <div class="kg-cost-chart">
                <svg
                    width="100%"
                    {height}
                    role="img"
                    aria-labelledby="kg-cost-chart-title kg-cost-chart-desc"
                    data-chart-max={max.get().to_string()}
                >
                    <title id="kg-cost-chart-title">{ ui.chart("title") }</title>
                    <desc id="kg-cost-chart-desc">{ ui.chart("description") }</desc>
                    { for bars }
                </svg>
            </div>
            // A table wider than a narrow screen scrolls sideways inside this group, which the
            // keyboard can focus and scroll too.
            <div class="kg-cost-table-wrap" role="group" aria-labelledby="kg-cost-compare-caption" tabindex="0">
                <table class="kg-cost-table" data-compare-table="">
                    <caption id="kg-cost-compare-caption">
                        <span class="kg-caption-text">{ ui.chart("table_caption") }</span>
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">{ ui.chart("col_route") }</th>
                            <th scope="col">{ ui.chart("col_sessions") }</th>
                            { for crate::cost::Level::ALL.map(|l| html! { <th scope="col">{ ui.c.level(l) }</th> }) }
                            if coverage_entered { <th scope="col">{ ui.chart("col_insurance") }</th> }
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|r| {
                            let current = r.route == plan.route;
                            let counted = if r.insured { "insurance_counted" } else { "insurance_not_counted" };
                            html! {
                                <tr
                                    data-route={r.route.id()}
                                    data-low-cents={r.total.low.get().to_string()}
                                    data-typical-cents={r.total.typical.get().to_string()}
                                    data-high-cents={r.total.high.get().to_string()}
                                    data-insured={r.insured.to_string()}
                                    data-offered={offered(ui, r).then_some("true")}
                                >
                                    <th scope="row">
                                        { ui.route_name(r.route) }
                                        if offered(ui, r) { { " " }{ ui.chart("offered") } }
                                        if current { { " " }{ ui.chart("current") } }
                                    </th>
                                    <td>{ ui.fmt.count(r.sessions) }</td>
                                    <td>{ ui.money(r.total.low) }</td>
                                    <td>{ ui.money(r.total.typical) }</td>
                                    <td>{ ui.money(r.total.high) }</td>
                                    if coverage_entered { <td>{ ui.chart(counted) }</td> }
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            { for link }
        </section>
    }
}
