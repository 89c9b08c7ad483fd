//! The estimator's questions, one fieldset per topic: route, first course, boosters, prices,
//! insurance (with the savings programme and HSA/FSA), and the costs people forget.

use super::state::{Action, CoverageKind, ExtraKind, Field};
use super::{PriceOrigin, Ui};
use crate::cost::calc::{fill_counted, Arg, Unit, Value};
use crate::cost::{
    DevicesPerDose, InsurerKind, Level, PriceBook, PricePart, Route, SavingsEligibility,
};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A radio button with its label (and an optional hint under it).
fn radio(
    name: &str,
    value: &str,
    label: &str,
    hint: Option<&str>,
    checked: bool,
    onchange: Callback<Event>,
) -> Html {
    let id = format!("kg-cost-{name}-{value}");
    let hint_id = format!("{id}-hint");
    html! {
        <div class="kg-cost-choice">
            <input
                type="radio"
                id={id.clone()}
                name={format!("kg-cost-{name}")}
                value={value.to_owned()}
                {checked}
                {onchange}
                aria-describedby={hint.map(|_| hint_id.clone())}
            />
            <label for={id}>{ label }</label>
            if let Some(h) = hint {
                <p class="kg-cost-hint" id={hint_id}>{ h }</p>
            }
        </div>
    }
}

/// A checkbox with its label and hint.
fn checkbox(ui: &Ui, id: &str, checked: bool, make: fn(bool) -> Action) -> Html {
    let (label, hint) = ui.label(id);
    let el_id = format!("kg-cost-{id}-on");
    let hint_id = format!("{el_id}-hint");
    let onchange = ui.dispatch.reform(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        make(input.checked())
    });
    html! {
        <div class="kg-cost-choice kg-cost-check">
            <input type="checkbox" id={el_id.clone()} {checked} {onchange} aria-describedby={hint_id.clone()} />
            <label for={el_id}>{ label }</label>
            <p class="kg-cost-hint" id={hint_id}>{ hint }</p>
        </div>
    }
}

/// Which route: radio buttons, the question as the legend. Only the treatments the clinic
/// offers, in its order (every treatment where no clinic says otherwise).
pub fn route(ui: &Ui) -> Html {
    let current = ui.s.plan().route;
    let (_, hint) = ui.label("route");
    html! {
        <fieldset class="kg-cost-fieldset" data-group="route">
            <legend>{ ui.h(1, None, "route") }</legend>
            <p class="kg-cost-hint">{ hint }</p>
            { for ui.s.offer.routes().map(|r| {
                let text = ui.c.route(r);
                let name = text.map(|t| t.name.as_str()).unwrap_or(r.id());
                let onchange = ui.dispatch.reform(move |_| Action::Route(r));
                radio("route", r.id(), name, text.map(|t| t.short.as_str()), r == current, onchange)
            }) }
        </fieldset>
    }
}

/// Sessions in the first course.
pub fn course(ui: &Ui) -> Html {
    let route = ui.s.plan().route;
    let note = ui.c.route(route).map(|t| t.course_note.clone());
    let offer = &ui.s.offer;
    // The clinic's own course, where it gave one for this treatment.
    let clinic = offer
        .course_sessions()
        .filter(|_| offer.offers(route))
        .map(|n| {
            let args = [Arg {
                name: "sessions",
                value: Value::Quantity(u64::from(n), Unit::Session),
            }];
            fill_counted(ui.misc("clinic_course"), &args, ui.fmt, &ui.c.ui.units)
        });
    html! {
        <section class="kg-cost-group" data-group="course">
            { ui.h(1, None, "course") }
            if let Some(n) = note { <p>{ n }</p> }
            if let Some(line) = clinic { <p class="kg-cost-notice" data-clinic-course="">{ line }</p> }
            { ui.input(Field::Sessions, None, true, "induction_sessions") }
        </section>
    }
}

/// The clinic's time between boosters and what it is a month, where it gave one for this
/// treatment.
fn clinic_boosters(ui: &Ui) -> Option<String> {
    let route = ui.s.plan().route;
    let offer = &ui.s.offer;
    let weeks = offer.booster_weeks().filter(|_| offer.offers(route))?;
    let args = [
        Arg {
            name: "weeks",
            value: Value::Quantity(u64::from(weeks), Unit::Week),
        },
        Arg {
            name: "rate",
            value: Value::Decimal(offer.boosters_per_month(route).hundredths().into()),
        },
    ];
    Some(fill_counted(
        ui.misc("clinic_boosters"),
        &args,
        ui.fmt,
        &ui.c.ui.units,
    ))
}

/// Boosters, offered prominently with the relapse figure; off by default.
pub fn maintenance(ui: &Ui) -> Html {
    let on = ui.s.plan().maintenance.enabled;
    html! {
        <section class="kg-cost-group kg-cost-maintenance" data-group="maintenance">
            { ui.h(1, None, "maintenance") }
            { ui.note("relapse") }
            if let Some(line) = clinic_boosters(ui) {
                <p class="kg-cost-notice" data-clinic-boosters="">{ line }</p>
            }
            { checkbox(ui, "maintenance_enabled", on, Action::Maintenance) }
            if on {
                <div class="kg-cost-row">
                    { ui.input(Field::BoostersPerMonth, None, true, "boosters_per_month") }
                    { ui.input(Field::MaintenanceMonths, None, true, "maintenance_months") }
                </div>
            }
        </section>
    }
}

fn price_part(ui: &Ui, route: Route, part: PricePart, hints: bool) -> Html {
    let legend = ui.price_legend(route, part);
    let ids = ["price_low", "price_typical", "price_high"];
    html! {
        <fieldset class="kg-cost-fieldset kg-cost-prices" data-part={format!("{part:?}").to_lowercase()}>
            <legend>{ legend }</legend>
            <div class="kg-cost-row">
                { for Level::ALL.into_iter().zip(ids).map(|(l, id)| ui.input(Field::Price(route, part, l), None, hints, id)) }
            </div>
        </fieldset>
    }
}

fn devices(ui: &Ui) -> Html {
    let current = ui.s.book().esketamine.devices_per_dose;
    let (label, hint) = ui.label("devices_per_dose");
    let options = [
        (DevicesPerDose::Two, "2", "devices_2"),
        (DevicesPerDose::Three, "3", "devices_3"),
    ];
    html! {
        <fieldset class="kg-cost-fieldset" data-group="devices">
            <legend>{ label }</legend>
            <p class="kg-cost-hint">{ hint }</p>
            { for options.into_iter().map(|(d, value, key)| {
                let onchange = ui.dispatch.reform(move |_| Action::Devices(d));
                radio("devices", value, ui.option(key), None, d == current, onchange)
            }) }
        </fieldset>
    }
}

/// The route's prices, pre-filled and editable, with where they come from.
/// `asked_currency`: the embed's currency, when the figures are not in it (they are the default
/// US prices, in US dollars).
pub fn prices(ui: &Ui, origin: &PriceOrigin, asked_currency: Option<&str>) -> Html {
    let route = ui.s.plan().route;
    let text = ui.c.route(route);
    // Each route's own notes: the IV reports say nothing about IM prices. On a clinic's own
    // site the advice to type in "your clinic's" IV price is left out: the clinic set them.
    let clinic = matches!(origin, PriceOrigin::Clinic(_));
    let notes: &[&str] = match route {
        Route::Iv if clinic => &[],
        Route::Iv => &["iv_price_reports"],
        Route::Im => &[],
        Route::Esketamine => &["esketamine_list_price"],
        Route::Oral => &["vendor_claim"],
    };
    let reset = ui.dispatch.reform(|_| Action::ResetPrices);
    html! {
        <section class="kg-cost-group" data-group="prices">
            { ui.h(1, None, "prices") }
            { match origin {
                PriceOrigin::Default => Html::default(),
                // Only the routes the clinic priced are its prices; the rest are the defaults.
                PriceOrigin::Clinic(priced) if priced.contains(route) => html! {
                    <p class="kg-cost-notice" data-prices-origin="clinic">{ ui.misc("prices_from_clinic") }</p>
                },
                PriceOrigin::Clinic(_) => html! {
                    <p class="kg-cost-notice" data-prices-origin="typical">{ ui.misc("prices_typical_us") }</p>
                },
                PriceOrigin::Invalid(msg) => html! {
                    <div class="kg-cost-notice kg-cost-warn" role="status" data-prices-error="">
                        <p>{ ui.misc("prices_invalid") }</p>
                        <p>{ msg }</p>
                    </div>
                },
            } }
            if let Some(code) = asked_currency {
                <p class="kg-cost-notice" data-prices-currency="">
                    { crate::content::fill(ui.misc("prices_in_usd"), &[("currency", code)]) }
                </p>
            }
            if let Some(t) = text { <p>{ &t.price_note }</p> }
            { for PriceBook::parts(route).iter().enumerate().map(|(i, &p)| price_part(ui, route, p, i == 0)) }
            if route == Route::Esketamine { { devices(ui) } }
            <button type="button" class="kg-button kg-secondary" onclick={reset}>{ ui.option("reset_prices") }</button>
            { for notes.iter().map(|id| ui.note(id)) }
        </section>
    }
}

fn insurer_kind_id(k: InsurerKind) -> &'static str {
    match k {
        InsurerKind::Commercial => "commercial",
        InsurerKind::Medicare => "medicare",
        InsurerKind::Medicaid => "medicaid",
        InsurerKind::Tricare => "tricare",
        InsurerKind::Va => "va",
    }
}

/// Who the insurer is, as radio buttons: a select cut the longest option short on phones.
fn insurer(ui: &Ui) -> Html {
    let current = ui.s.plan().insurance.insurer;
    let (label, hint) = ui.label("insurer");
    html! {
        <fieldset class="kg-cost-fieldset" data-group="insurer">
            <legend>{ label }</legend>
            <p class="kg-cost-hint">{ hint }</p>
            { for InsurerKind::ALL.into_iter().map(|k| {
                let onchange = ui.dispatch.reform(move |_| Action::Insurer(k));
                radio("insurer", insurer_kind_id(k), ui.c.insurer(k), None, k == current, onchange)
            }) }
        </fieldset>
    }
}

/// Which treatments the insurance pays for: by default only the one being estimated, so one
/// share is never applied to every route in the comparison.
fn covers(ui: &Ui) -> Html {
    let plan = ui.s.plan();
    let (label, hint) = ui.label("covers");
    html! {
        <fieldset class="kg-cost-fieldset" data-group="covers" aria-describedby="kg-cost-covers-hint">
            <legend>{ label }</legend>
            <p class="kg-cost-hint" id="kg-cost-covers-hint">{ hint }</p>
            { for Route::ALL.into_iter().map(|r| {
                let id = format!("kg-cost-covers-{}", r.id());
                let onchange = ui.dispatch.reform(move |e: Event| {
                    let input: HtmlInputElement = e.target_unchecked_into();
                    Action::Covers(r, input.checked())
                });
                let checked = plan.insurance.counts_for(r, plan.route);
                html! {
                    <div class="kg-cost-choice kg-cost-check">
                        <input type="checkbox" id={id.clone()} value={r.id()} {checked} {onchange} />
                        <label for={id}>{ ui.route_name(r) }</label>
                    </div>
                }
            }) }
        </fieldset>
    }
}

fn savings(ui: &Ui) -> Html {
    let plan = ui.s.plan();
    let eligibility = plan.savings_eligibility();
    let (label, _) = ui.label("savings");
    // The programme is for esketamine only: on other routes it is not mentioned at all.
    if plan.route != Route::Esketamine {
        return Html::default();
    }
    html! {
        <div class="kg-cost-subgroup" data-group="savings">
            if eligibility == SavingsEligibility::Eligible {
                { checkbox(ui, "savings", plan.savings.enabled, Action::Savings) }
                if plan.savings.enabled {
                    <div class="kg-cost-row">
                        { ui.input(Field::SavingsPerTreatment, None, true, "savings_per_treatment") }
                        { ui.input(Field::SavingsCap, None, true, "savings_cap") }
                    </div>
                }
            } else if let Some(key) = eligibility.message_key() {
                <p class="kg-cost-why-not" data-savings-why-not="">
                    <strong>{ label }</strong>{ ": " }{ ui.c.error_template(key) }
                </p>
            }
            { ui.note("savings_programme") }
        </div>
    }
}

/// Insurance, the esketamine savings programme and HSA/FSA.
pub fn insurance(ui: &Ui) -> Html {
    let kind = ui.s.coverage_kind();
    let plan = ui.s.plan();
    let (coverage_label, coverage_hint) = ui.label("coverage");
    let kinds = [
        (CoverageKind::None, "none", "coverage_none"),
        (CoverageKind::Percent, "percent", "coverage_percent"),
        (CoverageKind::Copay, "copay", "coverage_copay"),
    ];
    html! {
        <section class="kg-cost-group" data-group="insurance">
            { ui.h(1, None, "insurance") }
            { ui.note("insurance") }
            <fieldset class="kg-cost-fieldset" data-group="coverage">
                <legend>{ coverage_label }</legend>
                <p class="kg-cost-hint">{ coverage_hint }</p>
                { for kinds.into_iter().map(|(k, value, key)| {
                    let onchange = ui.dispatch.reform(move |_| Action::Coverage(k));
                    radio("coverage", value, ui.option(key), None, k == kind, onchange)
                }) }
            </fieldset>
            if kind == CoverageKind::Percent { { ui.input(Field::CoveredPercent, None, true, "covered_percent") } }
            if kind == CoverageKind::Copay { { ui.input(Field::Copay, None, true, "copay") } }
            if kind != CoverageKind::None {
                { covers(ui) }
                { insurer(ui) }
                { ui.input(Field::DeductibleLeft, None, true, "deductible_left") }
                { ui.input(Field::OopMax, None, true, "oop_max") }
            }
            { savings(ui) }
            <div class="kg-cost-subgroup" data-group="hsa">
                { checkbox(ui, "hsa", plan.hsa.enabled, Action::Hsa) }
                if plan.hsa.enabled {
                    { ui.input(Field::TaxRate, None, true, "tax_rate") }
                    { ui.note("hsa") }
                }
            </div>
        </section>
    }
}

fn extra(ui: &Ui, k: ExtraKind) -> Html {
    let plan = ui.s.plan();
    let (label, hint) = ui.label(k.id());
    if !k.applies(plan.route) {
        return html! {
            <div class="kg-cost-extra" data-extra={k.id()}>
                <p class="kg-cost-extra-off"><strong>{ label }</strong>{ " " }{ ui.misc("extra_not_counted") }</p>
            </div>
        };
    }
    let extra = k.get(plan);
    let id = format!("kg-cost-extra-{}-on", k.id());
    let hint_id = format!("{id}-hint");
    let onchange = ui.dispatch.reform(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Action::ExtraOn(k, input.checked())
    });
    let amount_label = crate::content::fill(ui.misc("amount_for"), &[("item", &label)]);
    html! {
        <div class="kg-cost-extra" data-extra={k.id()}>
            <div class="kg-cost-choice kg-cost-check">
                <input type="checkbox" id={id.clone()} checked={extra.enabled} {onchange} aria-describedby={hint_id.clone()} />
                <label for={id}>{ &label }</label>
                <p class="kg-cost-hint" id={hint_id}>{ hint }</p>
            </div>
            if extra.enabled {
                <div class="kg-cost-row kg-cost-indent">
                    { ui.input(Field::Extra(k), Some(amount_label), false, k.id()) }
                    if k == ExtraKind::Integration {
                        { ui.input(Field::IntegrationSessions, None, true, "integration_sessions") }
                    }
                </div>
                if k == ExtraKind::Driver { { ui.note("driving") } }
            }
        </div>
    }
}

/// Costs people forget, each off by default with its amount.
pub fn extras(ui: &Ui) -> Html {
    html! {
        <section class="kg-cost-group" data-group="extras">
            { ui.h(1, None, "extras") }
            { for ExtraKind::ALL.into_iter().map(|k| extra(ui, k)) }
        </section>
    }
}
