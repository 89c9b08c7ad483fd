//! The four routes for the same plan: an SVG bar chart (low–high bar, typical mark, labels as
//! text) and the same figures as a data table, its text alternative. Geometry is set with SVG
//! attributes in percentages of the width, so text keeps its real size at any width.

use super::Ui;
use crate::cost::{chart_max, compare_routes, Bps, NumberFormat, RouteTotal};
use crate::nav::{Place, Section};
use yew::prelude::*;

/// Height of one route's row in CSS pixels: name, bar, figures.
const ROW: u32 = 84;

fn pct(b: Bps) -> String {
    format!("{}.{:02}%", b.get() / 100, b.get() % 100)
}

fn bar(ui: &Ui, i: usize, r: &RouteTotal, max: crate::cost::Cents, current: bool) -> Html {
    let [low, typical, high] = r.total.fraction_of(max);
    let width = Bps::new(u32::from(high.get().saturating_sub(low.get()))).unwrap_or(Bps::ZERO);
    // A range with one value still gets a visible block, not a zero-width bar.
    let flat = width == Bps::ZERO;
    let y = i as u32 * ROW;
    let name =
        ui.c.route(r.route)
            .map(|t| t.name.clone())
            .unwrap_or_default();
    let label = if current {
        format!("{name} {}", ui.chart("current"))
    } else {
        name
    };
    html! {
        <g class={classes!("kg-cost-bar", current.then_some("kg-cost-bar-current"))} data-route={r.route.id()}>
            <text x="0" y={(y + 18).to_string()} class="kg-cost-bar-name">{ label }</text>
            <rect class="kg-cost-bar-track" x="0" y={(y + 28).to_string()} width="100%" height="20" rx="3" />
            <rect
                class="kg-cost-bar-range"
                x={pct(low)}
                transform={flat.then_some("translate(-3 0)")}
                y={(y + 28).to_string()}
                width={if flat { "6".to_owned() } else { pct(width) }}
                height="20"
                rx="3"
                data-x={low.get().to_string()}
                data-width={width.get().to_string()}
            />
            <rect class="kg-cost-bar-typical" x={pct(typical)} y={(y + 24).to_string()} width="4" height="28" data-x={typical.get().to_string()} />
            <text x="0" y={(y + 70).to_string()} class="kg-cost-bar-figures">{ ui.range(&r.total) }</text>
        </g>
    }
}

/// Chart, table and the link to the routes table in the myths section.
pub fn view(ui: &Ui, navigate: &Callback<Place>) -> Html {
    let plan = ui.s.plan();
    let rows = compare_routes(plan, ui.s.book());
    let max = chart_max(&rows);
    let height = (rows.len() as u32 * ROW).to_string();
    let onclick = {
        let navigate = navigate.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            navigate.emit(Place {
                section: Section::Myths,
                item: Some("routes".into()),
            });
        })
    };
    html! {
        <section class="kg-cost-compare" aria-labelledby="kg-cost-compare-h">
            <h3 id="kg-cost-compare-h">{ ui.heading("compare") }</h3>
            <p>{ ui.chart("description") }</p>
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
                    { for rows.iter().enumerate().map(|(i, r)| bar(ui, i, r, max, r.route == plan.route)) }
                </svg>
            </div>
            <div class="kg-cost-table-wrap">
                <table class="kg-cost-table" data-compare-table="">
                    <caption>{ ui.chart("table_caption") }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ ui.chart("col_route") }</th>
                            <th scope="col">{ ui.chart("col_sessions") }</th>
                            { for crate::cost::Level::ALL.map(|l| html! { <th scope="col">{ ui.c.level(l) }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|r| {
                            let name = ui.c.route(r.route).map(|t| t.name.clone()).unwrap_or_default();
                            let current = r.route == plan.route;
                            html! {
                                <tr
                                    data-route={r.route.id()}
                                    data-low-cents={r.total.low.get().to_string()}
                                    data-typical-cents={r.total.typical.get().to_string()}
                                    data-high-cents={r.total.high.get().to_string()}
                                >
                                    <th scope="row">
                                        { name }
                                        if current { { " " }{ ui.chart("current") } }
                                    </th>
                                    <td>{ ui.fmt.count(r.sessions) }</td>
                                    <td>{ ui.fmt.money(r.total.low) }</td>
                                    <td>{ ui.fmt.money(r.total.typical) }</td>
                                    <td>{ ui.fmt.money(r.total.high) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <p><a href="#myths/routes" data-routes-link="" {onclick}>{ ui.chart("routes_compared_link") }</a></p>
        </section>
    }
}
