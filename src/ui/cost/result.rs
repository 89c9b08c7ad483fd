//! Under the estimate: the breakdown by phase in whole dollars, and "How we calculated this"
//! with every step of the engine's arithmetic, cents included. (The headline itself, with
//! `data-estimate`, is `summary`.)

use super::Ui;
use crate::cost::{Estimate, Range};
use crate::ui::about::CtaNote;
use crate::ui::widgets::{heading, Disclosure, Heading};
use crate::ui::Cta;
use yew::prelude::*;

/// One breakdown row; its label is the result string with the same key as its id.
fn row(ui: &Ui, id: &'static str, r: &Range) -> Html {
    html! {
        <tr data-row={id}>
            <th scope="row">{ ui.result(id) }</th>
            <td>{ ui.money(r.low) }</td>
            <td>{ ui.money(r.typical) }</td>
            <td>{ ui.money(r.high) }</td>
        </tr>
    }
}

fn breakdown(ui: &Ui, est: &Estimate) -> Html {
    let plan = ui.s.plan();
    let insured = plan.insured();
    let zero = Range::default();
    let mut rows = vec![row(ui, "induction", &est.induction)];
    if plan.maintenance.enabled {
        rows.push(row(ui, "maintenance", &est.maintenance));
    }
    if est.extras != zero {
        rows.push(row(ui, "extras", &est.extras));
    }
    if insured {
        rows.push(row(ui, "before_insurance", &est.before_insurance));
        rows.push(row(ui, "insurance_pays", &est.insurance_pays));
    }
    if est.savings != zero {
        rows.push(row(ui, "savings", &est.savings));
    }
    rows.push(row(ui, "total", &est.total));
    rows.push(row(ui, "per_month", &est.per_month));
    if plan.hsa.enabled {
        rows.push(row(ui, "hsa_saving", &est.hsa_saving));
        rows.push(row(ui, "after_hsa", &est.after_hsa));
    }
    html! {
        // Scrolls sideways inside a focusable group when a narrow screen cannot fit it (a
        // group, not a region: one landmark, "Your estimate", is enough).
        <div class="kg-cost-table-wrap" role="group" aria-labelledby="kg-cost-breakdown-h" tabindex="0">
            <table class="kg-cost-table" aria-labelledby="kg-cost-breakdown-h">
                <thead>
                    <tr>
                        <td></td>
                        <th scope="col">{ ui.c.level(crate::cost::Level::Low) }</th>
                        <th scope="col">{ ui.c.level(crate::cost::Level::Typical) }</th>
                        <th scope="col">{ ui.c.level(crate::cost::Level::High) }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

fn calculation(ui: &Ui, est: &Estimate) -> Html {
    html! {
        <Disclosure summary={ui.misc("how_we_calculated").to_owned()} id="kg-cost-calc" class="kg-cost-calc">
            // What holds at every level, said once.
            { for est.notes.iter().map(|l| html! {
                <p class="kg-cost-calc-note" data-calc={l.key.id()}>{ ui.c.calc_line(l, ui.fmt) }</p>
            }) }
            { for est.scenarios.iter().map(|s| html! {
                <div class="kg-cost-calc-level" data-level={format!("{:?}", s.level).to_lowercase()}>
                    { heading(ui.level, 2, Heading { class: "kg-cost-subheading", ..Heading::default() }, html! { ui.c.level(s.level) }) }
                    <ol>
                        { for s.lines.iter().map(|l| html! {
                            <li data-calc={l.key.id()}>{ ui.c.calc_line(l, ui.fmt) }</li>
                        }) }
                    </ol>
                </div>
            }) }
        </Disclosure>
    }
}

fn assumptions(ui: &Ui) -> Html {
    html! {
        <Disclosure summary={ui.heading("assumptions").to_owned()} id="kg-cost-assumptions" class="kg-cost-assumptions">
            <dl>
                { for ui.c.assumptions.iter().map(|a| html! {
                    <>
                        <dt>{ &a.title }</dt>
                        <dd>{ &a.text }</dd>
                    </>
                }) }
            </dl>
        </Disclosure>
    }
}

/// The breakdown, the notes on what the figures are, the clinic's call to action with the line
/// that says whose it is (and, when `clinic_prices`, that the clinic set the prices shown), the
/// calculation and the assumptions.
pub fn view(ui: &Ui, est: &Estimate, cta: Option<&Cta>, clinic_prices: bool) -> Html {
    html! {
        <section class="kg-cost-result" data-breakdown="">
            { ui.h(1, Some("kg-cost-breakdown-h"), "breakdown") }
            if est.longer_than_a_year {
                <p class="kg-cost-notice kg-cost-warn">{ ui.result("longer_than_a_year") }</p>
            }
            { breakdown(ui, est) }
            <p class="kg-cost-clinics" data-note="clinics_set_prices">{ ui.misc("clinics_set_prices") }</p>
            <p class="kg-cost-muted">{ ui.misc("not_advice") }</p>
            if let Some(cta) = cta {
                <p><a class="kg-button" href={cta.href.clone()} data-cta="" aria-describedby="kg-cost-cta-note">{ cta.label.clone() }</a></p>
                <CtaNote id="kg-cost-cta-note" prices={clinic_prices} />
            }
            { calculation(ui, est) }
            { assumptions(ui) }
        </section>
    }
}
