//! "Your estimate": the figures the person works towards, kept in view while they edit what
//! drives them (a side column on wide screens, a bar at the bottom of narrow ones; see
//! cost.css). It carries `data-estimate` and is the estimator's one named region.

use super::Ui;
use crate::cost::calc::{fill_counted, Arg, Unit, Value};
use crate::cost::{estimate, Estimate, NumberFormat, Range};
use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// How long the figures must stay unchanged before a screen reader hears them: one
/// announcement when the person pauses, not one per keystroke.
const ANNOUNCE_AFTER_MS: u32 = 700;

/// The headline's words and figures, decided once per render.
pub(crate) struct Headline {
    /// What the total covers: the first course, or the course and its boosters.
    label: String,
    /// The plan's total (the `data-estimate` figures).
    total: Range,
    /// The first 12 months with boosters, when that differs from the plan.
    first_year: Option<(String, Range)>,
    /// "Typically about $X a month, over N months", when the plan spans more than a month.
    per_month: Option<String>,
    /// Fields whose text is refused, with the value the figures still use.
    stale: Vec<(String, String)>,
    /// What the live region says once the figures settle.
    pub announcement: AttrValue,
}

fn months(n: u32) -> Arg {
    Arg {
        name: "months",
        value: Value::Quantity(u64::from(n), Unit::Month),
    }
}

impl Headline {
    /// The headline for the current plan and its estimate.
    pub fn new(ui: &Ui, est: &Estimate) -> Headline {
        let plan = ui.s.plan();
        let units = &ui.c.ui.units;
        let label = if plan.maintenance.enabled {
            let args = [months(plan.maintenance.months)];
            fill_counted(ui.result("plan_total"), &args, ui.fmt, units)
        } else {
            ui.result("course_total").to_owned()
        };
        let year = estimate(&plan.first_year(), ui.s.book()).total;
        let first_year = (year != est.total).then(|| {
            let count = ui
                .fmt
                .decimal(plan.maintenance.per_month.hundredths().into());
            let label = crate::content::fill(ui.result("first_year"), &[("count", &count)]);
            (label, year)
        });
        let per_month = (est.months > 1).then(|| {
            let args = [
                Arg {
                    name: "amount",
                    value: Value::Money(est.per_month.typical.whole()),
                },
                months(est.months),
            ];
            fill_counted(ui.result("per_month_line"), &args, ui.fmt, units)
        });
        let stale =
            ui.s.refused()
                .into_iter()
                .map(|f| (ui.field_name(f), ui.value(ui.s.in_use(f))))
                .collect();
        let mut announcement = format!("{label}: {}.", ui.range(&est.total));
        if let Some((l, r)) = &first_year {
            announcement.push_str(&format!(" {l}: {}.", ui.range(r)));
        }
        Headline {
            label,
            total: est.total,
            first_year,
            per_month,
            stale,
            announcement: announcement.into(),
        }
    }
}

/// The "Your estimate" region.
pub(crate) fn view(ui: &Ui, h: &Headline) -> Html {
    let t = h.total;
    let route = ui.s.plan().route;
    html! {
        <section class="kg-cost-summary" aria-labelledby="kg-cost-estimate-h" data-summary="">
            <h3 id="kg-cost-estimate-h">{ ui.heading("estimate") }</h3>
            if !h.stale.is_empty() {
                // Says which values the figures still use, so a half-typed value is never
                // mistaken for the estimate of what is on screen.
                <div class="kg-cost-notice kg-cost-warn" role="status" data-stale="">
                    <p>{ ui.misc("last_valid_kept") }</p>
                    <ul>
                        { for h.stale.iter().map(|(name, value)| html! {
                            <li>{ name }{ ": " }<strong>{ value }</strong></li>
                        }) }
                    </ul>
                </div>
            }
            <div
                class="kg-cost-estimate"
                data-estimate=""
                data-route={route.id()}
                data-low-cents={t.low.get().to_string()}
                data-typical-cents={t.typical.get().to_string()}
                data-high-cents={t.high.get().to_string()}
            >
                <p class="kg-cost-total">
                    <span class="kg-cost-total-label">{ &h.label }</span>{ " " }
                    <strong class="kg-cost-total-range">{ ui.range(&t) }</strong>
                </p>
            </div>
            if let Some((label, year)) = &h.first_year {
                <p
                    class="kg-cost-first-year"
                    data-first-year=""
                    data-low-cents={year.low.get().to_string()}
                    data-typical-cents={year.typical.get().to_string()}
                    data-high-cents={year.high.get().to_string()}
                >
                    <span class="kg-cost-total-label">{ label }</span>{ " " }
                    <strong>{ ui.range(year) }</strong>
                </p>
            }
            if let Some(line) = &h.per_month {
                <p class="kg-cost-per-month" data-per-month="">{ line }</p>
            }
            <Announcer text={h.announcement.clone()} />
        </section>
    }
}

/// Properties of [`Announcer`].
#[derive(Properties, PartialEq)]
pub(crate) struct AnnouncerProps {
    /// The whole sentence to say.
    pub text: AttrValue,
}

/// A polite, atomic live region that speaks the figures once they have settled: the visible
/// figures change at once, the announcement waits for a pause in typing.
#[component]
pub(crate) fn Announcer(props: &AnnouncerProps) -> Html {
    let said = use_state_eq(|| props.text.clone());
    {
        let said = said.clone();
        use_effect_with(props.text.clone(), move |text| {
            let text = text.clone();
            let timer = Timeout::new(ANNOUNCE_AFTER_MS, move || said.set(text));
            move || drop(timer)
        });
    }
    html! {
        <p class="kg-cost-sr" aria-live="polite" aria-atomic="true" data-announce="">{ (*said).clone() }</p>
    }
}
