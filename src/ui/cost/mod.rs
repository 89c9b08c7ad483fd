//! The cost estimator: a form over the cost engine, the estimate with its arithmetic, and a
//! chart comparing the four routes. The engine decides every number; this module keeps the
//! raw texts, dispatches edits and renders what the engine returns.

mod chart;
mod field;
mod form;
mod format;
mod inputs;
mod result;
mod state;
mod summary;

use super::evidence::TracedSources;
use super::widgets::{heading, Heading};
use super::WidgetContext;
use crate::cost::{estimate, CostContent, NumberFormat, Offer, PriceBook, Route, RouteSet};
use crate::platform::storage::{Loaded, Scope};
use format::IntlFormat;
use state::{Action, CostState, Field, FieldError, Saved, STORE_NAME, STORE_VERSION};
use std::rc::Rc;
use yew::prelude::*;

/// What the estimator's chunk offers: its view, and the check of a clinic's price book and
/// currency (whose reader and currency list stay in the chunk).
#[derive(Clone, Copy)]
pub(crate) struct CostCode {
    pub view: fn() -> Html,
    /// Checks a clinic's price book and the currency; the messages quote the cost text of
    /// `Locale` when it is here.
    pub check_config:
        fn(Option<&str>, &str, crate::content::Locale) -> Vec<crate::embed_config::ConfigError>,
}

crate::lazy_part! {
    /// The estimator: chunk `cost`, fetched when its tab is first shown, or right after the
    /// first view when an embed's `prices` or `currency` need checking.
    pub(crate) mod code: CostCode = chunk cost, "the cost estimator's code did not load",
        CostCode { view: cost_view, check_config };
}

fn cost_view() -> Html {
    html! { <CostSection /> }
}

/// The embed's `prices` and `currency` checked for its configuration messages.
pub(crate) fn check_config(
    prices: Option<&str>,
    currency: &str,
    locale: crate::content::Locale,
) -> Vec<crate::embed_config::ConfigError> {
    use crate::embed_config::{check_currency, check_prices};
    let cost = CostContent::load(locale).ok();
    // Read once: its problem is reported, and only a valid book can be in another currency.
    let book = prices.map(PriceBook::from_json);
    let price_problem = book.as_ref().and_then(|b| check_prices(b, cost.as_ref()));
    let clinic_prices = matches!(book, Some(Ok(_)));
    price_problem
        .into_iter()
        .chain(check_currency(currency, clinic_prices, cost.as_ref()))
        .collect()
}

/// Where the prices come from.
#[derive(Clone, PartialEq)]
pub(crate) enum PriceOrigin {
    /// The defaults.
    Default,
    /// The clinic's configured price book, which priced these routes (the others keep the
    /// typical US prices).
    Clinic(RouteSet),
    /// The clinic's price book was refused: this message, and the defaults.
    Invalid(String),
}

/// Everything a view needs: words, number format, state and the way to change it.
pub(crate) struct Ui<'a> {
    /// Words.
    pub c: &'a CostContent,
    /// Numbers.
    pub fmt: &'a IntlFormat,
    /// State.
    pub s: &'a CostState,
    /// Changes the state.
    pub dispatch: Callback<Action>,
    /// The level of the tool's title (see `Widget::heading`).
    pub level: u8,
}

fn lookup<'a>(map: &'a std::collections::BTreeMap<String, String>, key: &'a str) -> &'a str {
    map.get(key).map(String::as_str).unwrap_or(key)
}

impl Ui<'_> {
    /// A `[ui.headings]` text.
    /// A heading of the estimator with the text `heading(text)`, `depth` levels below the
    /// tool's title (1: a part of the form or the result; 2: inside one).
    pub fn h(&self, depth: u8, id: Option<&'static str>, text: &'static str) -> Html {
        let class = if depth > 1 {
            "kg-cost-subheading"
        } else {
            "kg-cost-heading"
        };
        let look = Heading {
            class,
            id: id.map(AttrValue::Static),
            ..Heading::default()
        };
        heading(self.level, depth, look, html! { self.heading(text) })
    }

    pub fn heading(&self, id: &'static str) -> &str {
        lookup(&self.c.ui.headings, id)
    }
    /// A `[ui.options]` text.
    pub fn option(&self, id: &'static str) -> &str {
        lookup(&self.c.ui.options, id)
    }
    /// A `[ui.misc]` text.
    pub fn misc(&self, id: &'static str) -> &str {
        lookup(&self.c.ui.misc, id)
    }
    /// A `[ui.results]` text.
    pub fn result(&self, id: &'static str) -> &str {
        lookup(&self.c.ui.results, id)
    }
    /// A `[ui.chart]` text.
    pub fn chart(&self, id: &'static str) -> &str {
        lookup(&self.c.ui.chart, id)
    }
    /// A field's label and hint.
    pub fn label(&self, id: &str) -> (String, String) {
        self.c
            .ui
            .fields
            .get(id)
            .map(|f| (f.label.clone(), f.hint.clone()))
            .unwrap_or_else(|| (id.to_owned(), String::new()))
    }

    /// An amount in whole dollars: cents are noise in totals (the calculation keeps them).
    pub fn money(&self, c: crate::cost::Cents) -> String {
        self.fmt.money(c.whole())
    }

    /// A range as a phrase in whole dollars; a range with one value is just that amount.
    pub fn range(&self, r: &crate::cost::Range) -> String {
        let r = r.whole();
        if r.low == r.high {
            self.fmt.money(r.low)
        } else {
            self.c.range_text(&r, self.fmt)
        }
    }

    /// A route's name.
    pub fn route_name(&self, r: Route) -> String {
        self.c
            .route(r)
            .map(|t| t.name.clone())
            .unwrap_or_else(|| r.id().to_owned())
    }

    /// The legend of one set of prices, e.g. "IV infusion, per session".
    pub fn price_legend(&self, route: Route, part: crate::cost::PricePart) -> String {
        match part {
            crate::cost::PricePart::Session => {
                let unit = if route == Route::Oral {
                    self.misc("per_treatment")
                } else {
                    self.misc("per_session")
                };
                format!("{}, {unit}", self.route_name(route))
            }
            crate::cost::PricePart::Device => self.label("device_price").0,
            crate::cost::PricePart::Observation => self.label("observation_fee").0,
        }
    }

    /// A field's name as its label reads (a price also names its set).
    pub fn field_name(&self, f: Field) -> String {
        match f {
            Field::Price(r, part, l) => {
                let id = ["price_low", "price_typical", "price_high"][l as usize];
                format!("{}: {}", self.price_legend(r, part), self.label(id).0)
            }
            Field::Extra(k) => self.label(k.id()).0,
            _ => self.label(&f.key()).0,
        }
    }

    /// A value of the engine's, in words and Intl numbers.
    pub fn value(&self, v: Option<crate::cost::Value>) -> String {
        use crate::cost::Value;
        match v {
            Some(Value::Money(c)) => self.fmt.money(c),
            Some(Value::Count(n)) | Some(Value::Quantity(n, _)) => self.fmt.count(n),
            Some(Value::Percent(p)) => self.fmt.percent(p),
            Some(Value::Decimal(h)) => self.fmt.decimal(h),
            None => self.misc("value_unknown").to_owned(),
        }
    }

    /// The inline message for a field, if its text is not in use.
    pub fn error_text(&self, f: Field) -> Option<String> {
        self.s.error(f).map(|e| match e {
            FieldError::Parse(p) => self.c.parse_error(p, self.fmt),
            FieldError::PriceOrder => self.c.error_template("price_out_of_order").to_owned(),
        })
    }

    /// One text input, labelled from `[ui.fields].<id>` unless a label is given.
    pub fn input(&self, f: Field, label: Option<String>, with_hint: bool, id: &str) -> Html {
        let (l, hint) = self.label(id);
        let error = self.error_text(f);
        let view = field::FieldView {
            field: f,
            label: label.unwrap_or(l),
            hint: (with_hint && !hint.is_empty()).then_some(hint),
            text: self.s.text(f),
            check: error.is_none().then(|| self.percent_check(f)).flatten(),
            error,
            error_prefix: self.misc("error_prefix").to_owned(),
        };
        let on_edit = self.dispatch.reform(|(f, t, bad)| Action::Edit(f, t, bad));
        field::view(&view, &on_edit)
    }

    /// A question about a share typed as a fraction of one ("0.8" is 0.8 %, not 80 %).
    fn percent_check(&self, f: Field) -> Option<String> {
        if f.kind() != state::Kind::Percent {
            return None;
        }
        let text = self.s.text(f);
        let typed = crate::cost::parse::percent(&text).ok()?;
        let meant = crate::cost::parse::fraction_typed_as_percent(typed)?;
        let number = inputs::bps_text(meant);
        let pairs = [
            ("typed", text.trim()),
            ("meant", &self.fmt.percent(meant)),
            ("number", &number),
        ];
        Some(crate::content::fill(self.misc("percent_check"), &pairs))
    }

    /// A note from the content by id: title, text and its sources.
    pub fn note(&self, id: &str) -> Html {
        let Some(n) = self.c.notes.iter().find(|n| n.id == id) else {
            return Html::default();
        };
        let sources = n
            .sources
            .iter()
            .filter_map(|s| self.c.source(s).cloned())
            .collect::<Vec<_>>();
        // A plain box, not an `aside`: a dozen unnamed landmarks would only be noise.
        html! {
            <div class="kg-cost-note" data-note={n.id.clone()}>
                <p class="kg-cost-note-title"><strong>{ &n.title }</strong></p>
                <p>{ &n.text }</p>
                <TracedSources {sources} evidence={n.evidence.clone()} heading={self.heading("sources").to_owned()} />
            </div>
        }
    }
}

fn base_book(prices: Option<&str>, c: &CostContent, fmt: &IntlFormat) -> (PriceBook, PriceOrigin) {
    match prices.map(PriceBook::from_json_with_routes) {
        None => (PriceBook::DEFAULT, PriceOrigin::Default),
        Some(Ok((book, routes))) => (book, PriceOrigin::Clinic(routes)),
        Some(Err(e)) => (
            PriceBook::DEFAULT,
            PriceOrigin::Invalid(c.price_book_error(&e, fmt)),
        ),
    }
}

/// The estimator's state: restored from storage at mount (dropped with a notice when it cannot
/// be read), following a clinic's prices and treatments when an embed's attributes change, and
/// stored again from an effect. An untouched plan is not stored: after "Clear my answers" and a
/// reload, nothing of ours reappears in storage until the person edits something.
#[hook]
fn use_stored_plan(scope: &Scope, base: PriceBook, offer: Offer) -> UseReducerHandle<CostState> {
    let state = {
        let scope = scope.clone();
        use_reducer(move || {
            let mut s = CostState::new(base, offer);
            match scope.load::<Saved>(STORE_NAME, STORE_VERSION) {
                Loaded::Restored(saved) => s = s.restored(saved),
                Loaded::Discarded => s.discarded = true,
                Loaded::Empty => {}
            }
            s
        })
    };
    {
        let state = state.clone();
        use_effect_with(offer, move |offer| {
            if state.offer != *offer {
                state.dispatch(Action::Offer(*offer));
            }
        });
    }
    {
        let state = state.clone();
        use_effect_with(base, move |book| {
            if state.base_book != *book {
                state.dispatch(Action::Base(*book));
            }
        });
    }
    {
        let scope = scope.clone();
        use_effect_with(state.saved.clone(), move |saved| {
            if *saved == CostState::new(base, offer).saved {
                scope.remove(STORE_NAME);
            } else {
                scope.save(STORE_NAME, STORE_VERSION, saved);
            }
        });
    }
    state
}

/// The cost section's content.
#[component]
pub fn CostSection() -> Html {
    let widget = use_context::<WidgetContext>().expect("inside App");
    let content = use_memo(widget.locale, |l| CostContent::load(*l).map(Rc::new));
    let origin_and_book = {
        let content = content.clone();
        // Messages about a clinic's prices quote amounts; the book's own currency is not known
        // until it is valid, so they use US dollars like the defaults.
        let locale = widget.locale;
        use_memo(widget.prices.clone(), move |p| match content.as_ref() {
            Ok(c) => base_book(p.as_deref(), c, &IntlFormat::new("USD", locale)),
            Err(_) => (PriceBook::DEFAULT, PriceOrigin::Default),
        })
    };
    // The default prices are US dollars: another currency only labels a clinic's own prices.
    let clinic_prices = matches!(origin_and_book.1, PriceOrigin::Clinic(_));
    let shown = crate::embed_config::shown_currency(&widget.currency, clinic_prices);
    let fmt = use_memo((shown, widget.locale), |(c, l)| {
        IntlFormat::new(c.as_str(), *l)
    });
    // Set when the embed asked for a currency that the figures are not in.
    let asked_currency =
        (shown.as_str() != widget.currency.as_str()).then(|| widget.currency.clone());
    let state = use_stored_plan(&widget.scope, origin_and_book.0, widget.offer);
    let c = match content.as_ref() {
        Ok(c) => c.clone(),
        Err(e) => return html! { <p class="kg-error" role="alert">{ e.to_string() }</p> },
    };
    let ui = Ui {
        c: &c,
        fmt: &fmt,
        s: &state,
        dispatch: state.dispatcher().into(),
        level: widget.heading,
    };
    let est = estimate(state.plan(), state.book());
    // The clinic's own prices are the ones shown (as the prices' own notice says).
    let clinic_priced = matches!(&origin_and_book.1, PriceOrigin::Clinic(priced) if priced.contains(state.plan().route));
    let headline = summary::Headline::new(&ui, &est);
    let all_sources = c.sources.clone();
    // Every figure of the estimator's texts, under the source it comes from.
    let all_evidence: Vec<_> = c
        .routes
        .iter()
        .flat_map(|r| &r.evidence)
        .chain(c.notes.iter().flat_map(|n| &n.evidence))
        .chain(c.assumptions.iter().flat_map(|n| &n.evidence))
        .cloned()
        .collect();
    html! {
        <div class="kg-cost">
            { heading(ui.level, 0, Heading { class: "kg-section-title", ..Heading::default() }, html! { ui.heading("tool") }) }
            if state.discarded {
                <p class="kg-cost-notice" role="status">{ ui.misc("restored_discarded") }</p>
            }
            // The estimate follows the form: a side column where there is room, else a bar
            // that stays at the bottom of the screen while the form scrolls under it.
            <div class="kg-cost-layout">
                <form class="kg-cost-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    { form::route(&ui) }
                    { form::course(&ui) }
                    { form::maintenance(&ui) }
                    { form::prices(&ui, &origin_and_book.1, asked_currency.as_deref()) }
                    { form::insurance(&ui) }
                    { form::extras(&ui) }
                </form>
                { summary::view(&ui, &headline) }
            </div>
            { result::view(&ui, &est, widget.cta.as_ref(), clinic_priced) }
            { chart::view(&ui, widget.offers_myths.then_some(&widget.navigate)) }
            <section class="kg-cost-sources">
                { ui.h(1, Some("kg-cost-sources-h"), "sources") }
                <TracedSources sources={all_sources} evidence={all_evidence} />
            </section>
            <crate::ui::about::AboutGuide tool={crate::content::Feature::Cost} />
        </div>
    }
}
