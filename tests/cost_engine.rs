#![cfg(not(target_arch = "wasm32"))]
//! Native tests of the cost engine: hand-computed golden cases, the content file, and
//! property tests (ordering, monotonicity, no panics, JSON round trips).

use ketamine_guide::content::decode::from_str;
use ketamine_guide::content::encode::to_string;
use ketamine_guide::content::Locale;
use ketamine_guide::cost::calc::placeholders;
use ketamine_guide::cost::model::keys;
use ketamine_guide::cost::parse::{self, MAX_MONEY};
use ketamine_guide::cost::*;
use proptest::prelude::*;
use std::collections::BTreeSet;

fn usd(d: u64) -> Cents {
    Cents::dollars(d)
}

fn totals(plan: &Plan) -> Range {
    estimate(plan, &PriceBook::default()).total
}

fn percent(p: u32) -> Bps {
    Bps::new(p * 100).unwrap()
}

// ---------- golden cases ----------

#[test]
fn iv_six_sessions_at_default_prices_costs_2400_to_4800() {
    // 6 × $400 low, 6 × $600 typical (the midpoint), 6 × $800 high.
    let t = totals(&Plan::for_route(Route::Iv));
    assert_eq!(
        (t.low, t.typical, t.high),
        (usd(2_400), usd(3_600), usd(4_800))
    );
}

#[test]
fn oral_six_treatments_at_default_prices_costs_450_to_1800() {
    let t = totals(&Plan::for_route(Route::Oral));
    assert_eq!((t.low, t.high), (usd(450), usd(1_800)));
}

#[test]
fn esketamine_counts_devices_times_price_plus_observation_fee() {
    // 12 doses × (2 × $295 + $100) low, × (2 × $295 + $200) typical, × (2 × $295 + $300) high:
    // the device price is one figure (the 2019 list price), the observation fee a range.
    let t = totals(&Plan::for_route(Route::Esketamine));
    assert_eq!(
        (t.low, t.typical, t.high),
        (usd(8_280), usd(9_480), usd(10_680))
    );
    let mut book = PriceBook::default();
    book.esketamine.devices_per_dose = DevicesPerDose::Three;
    let three = estimate(&Plan::for_route(Route::Esketamine), &book).total;
    assert_eq!(three.low, usd(12 * 985));
    let line = &estimate(&Plan::for_route(Route::Esketamine), &book).scenarios[0].lines[0];
    assert_eq!(line.key, CalcKey::EsketaminePrice);
    assert_eq!(line.get("devices"), Some(Value::Count(3)));
    assert_eq!(line.get("price"), Some(Value::Money(usd(985))));
}

#[test]
fn deductible_coinsurance_and_out_of_pocket_max_interplay() {
    // IV, 6 sessions + 6 monthly boosters; plan pays 80 % after a $1,000 deductible; $1,800 max.
    let mut plan = Plan::for_route(Route::Iv);
    plan.maintenance.enabled = true;
    plan.insurance = Insurance {
        coverage: Coverage::Percent {
            covered: percent(80),
        },
        insurer: InsurerKind::Commercial,
        deductible_left: usd(1_000),
        oop_max: Some(usd(1_800)),
        covers: None,
    };
    let e = estimate(&plan, &PriceBook::default());
    // Low ($400): 1,000 + 20 % × 1,400 = 1,280; boosters 20 % × 2,400 = 480 → 1,760, under the max.
    assert_eq!(e.total.low, usd(1_760));
    assert_eq!(e.induction.low, usd(1_280));
    // Typical ($600): 1,000 + 20 % × 2,600 = 1,520; boosters 720, capped to the last 280.
    assert_eq!(e.total.typical, usd(1_800));
    assert_eq!(e.maintenance.typical, usd(280));
    // High ($800): 1,000 + 20 % × 3,800 = 1,760; boosters 960 → capped at 1,800 after 40; the
    // plan pays the rest.
    assert_eq!(e.total.high, usd(1_800));
    assert_eq!(e.maintenance.high, usd(40));
    assert_eq!(e.insurance_pays.high, usd(9_600 - 1_800));
    assert!(e.scenarios[2]
        .lines
        .iter()
        .any(|l| l.key == CalcKey::OopCap));
}

#[test]
fn copay_applies_after_the_deductible_and_splits_the_crossing_session() {
    // Low $400 × 6; $500 deductible; $50 copay: 400 + (100 + 50) + 4 × 50 = 750.
    let mut plan = Plan::for_route(Route::Iv);
    plan.insurance.coverage = Coverage::Copay {
        per_session: usd(50),
    };
    plan.insurance.deductible_left = usd(500);
    assert_eq!(totals(&plan).low, usd(750));
}

#[test]
fn hsa_saving_is_the_tax_rate_on_medical_costs_only() {
    let mut plan = Plan::for_route(Route::Iv);
    plan.hsa = Hsa {
        enabled: true,
        tax_rate: percent(22),
    };
    plan.extras.travel.enabled = true; // $20 × 6 visits, not HSA-eligible
    let e = estimate(&plan, &PriceBook::default());
    assert_eq!(e.total.low, usd(2_400 + 120));
    assert_eq!(e.hsa_saving.low, usd(528)); // 22 % of $2,400
    assert_eq!(e.after_hsa.low, usd(2_520 - 528));
}

#[test]
fn savings_programme_lowers_the_medicine_share_for_commercial_insurance() {
    // Low: $690 per dose, plan pays 80 %: your share $138, of which medicine 590/690 = $118;
    // the programme leaves $10, saving $108 × 12 doses = $1,296 (under the $7,150 cap).
    let mut plan = Plan::for_route(Route::Esketamine);
    plan.insurance.coverage = Coverage::Percent {
        covered: percent(80),
    };
    plan.savings.enabled = true;
    let e = estimate(&plan, &PriceBook::default());
    assert_eq!(e.savings_eligibility, SavingsEligibility::Eligible);
    assert_eq!(e.savings.low, usd(1_296));
    assert_eq!(e.total.low, usd(12 * 138 - 1_296));
}

#[test]
fn savings_programme_is_refused_for_government_insurance() {
    for insurer in [
        InsurerKind::Medicare,
        InsurerKind::Medicaid,
        InsurerKind::Tricare,
        InsurerKind::Va,
    ] {
        let mut plan = Plan::for_route(Route::Esketamine);
        plan.insurance.coverage = Coverage::Percent {
            covered: percent(80),
        };
        plan.insurance.insurer = insurer;
        let without = estimate(&plan, &PriceBook::default());
        plan.savings.enabled = true;
        let with = estimate(&plan, &PriceBook::default());
        assert_eq!(
            with.savings_eligibility,
            SavingsEligibility::GovernmentInsurance(insurer)
        );
        assert_eq!(with.savings, Range::default());
        assert_eq!(with.total, without.total);
        // Said once for the whole estimate, not once per price level.
        let not_applied = |lines: &[CalcLine]| {
            lines
                .iter()
                .filter(|l| l.key == CalcKey::SavingsNotApplied)
                .count()
        };
        assert_eq!(not_applied(&with.notes), 1);
        for s in &with.scenarios {
            assert_eq!(not_applied(&s.lines), 0, "{:?}", s.level);
        }
    }
    let mut uninsured = Plan::for_route(Route::Esketamine);
    uninsured.savings.enabled = true;
    assert_eq!(
        uninsured.savings_eligibility(),
        SavingsEligibility::NoInsurance
    );
    assert_eq!(
        Plan::for_route(Route::Iv).savings_eligibility(),
        SavingsEligibility::NotEsketamine
    );
}

#[test]
fn at_home_route_counts_a_cuff_but_no_travel_or_driver() {
    let mut plan = Plan::for_route(Route::Oral);
    plan.extras.bp_cuff.enabled = true;
    plan.extras.travel.enabled = true;
    plan.extras.driver.enabled = true;
    assert_eq!(totals(&plan).low, usd(450 + 40));
    plan.switch_route(Route::Iv);
    assert_eq!(totals(&plan).low, usd(2_400 + 6 * 20 + 6 * 30));
}

#[test]
fn compare_routes_lists_all_four_with_route_default_sessions() {
    let rows = compare_routes(&Plan::for_route(Route::Iv), &PriceBook::default());
    assert_eq!(rows.map(|r| r.route), Route::ALL);
    assert_eq!(rows[0].total, totals(&Plan::for_route(Route::Iv)));
    assert_eq!(rows[2].sessions, 12);
    assert_eq!(rows[3].total.high, usd(1_800));
    assert_eq!(chart_max(&rows), usd(10_680));
}

#[test]
fn per_month_spreads_the_total_over_the_plan() {
    let mut plan = Plan::for_route(Route::Iv);
    plan.maintenance.enabled = true; // 1 month of first course + 6 of boosters
    let e = estimate(&plan, &PriceBook::default());
    assert_eq!(e.months, 7);
    assert_eq!(e.per_month.low, usd(4_800).div_round(7));
}

#[test]
fn per_month_follows_the_number_of_sessions() {
    // 100 IV sessions at about 6 a month run 17 months, not 1: $60,000 typical is about
    // $3,529 a month, never $60,000 a month.
    let mut plan = Plan::for_route(Route::Iv);
    plan.induction_sessions = 100;
    let e = estimate(&plan, &PriceBook::default());
    assert_eq!(e.months, 17);
    assert_eq!(e.total.typical, usd(60_000));
    assert_eq!(e.per_month.typical, usd(60_000).div_round(17));
    assert!(e.longer_than_a_year);
    // The usual courses keep their length: IV 6 in 1 month, esketamine 12 and at-home 6 in 2.
    for (route, months) in [(Route::Iv, 1), (Route::Esketamine, 2), (Route::Oral, 2)] {
        assert_eq!(Plan::for_route(route).months(), months, "{route:?}");
    }
    plan.induction_sessions = 7;
    assert_eq!(plan.months(), 2, "a 7th session starts a second month");
    plan.induction_sessions = 0;
    assert_eq!(plan.months(), 1, "never divided by zero");
}

#[test]
fn the_first_year_adds_boosters_after_the_course() {
    // IV: 6 sessions in month 1, then 1 booster a month for 11 months: 17 sessions.
    let plan = Plan::for_route(Route::Iv);
    let year = plan.first_year();
    assert!(year.maintenance.enabled);
    assert_eq!(year.maintenance.months, 11);
    assert_eq!(year.total_sessions(), 17);
    assert_eq!(totals(&year).low, usd(400 * 17));
    assert_eq!(year.months(), 12);
    // Esketamine: 12 doses over 2 months, then weekly (4 a month) for 10 months.
    let esk = Plan::for_route(Route::Esketamine).first_year();
    assert_eq!(esk.total_sessions(), 12 + 40);
    // A course that already fills the year adds nothing.
    let mut long = Plan::for_route(Route::Iv);
    long.induction_sessions = 100;
    assert_eq!(totals(&long.first_year()), totals(&long));
}

#[test]
fn insurance_counts_only_for_the_treatment_it_covers() {
    // 80 % coverage entered while estimating esketamine: IV in the comparison is full price.
    let mut plan = Plan::for_route(Route::Esketamine);
    plan.insurance.coverage = Coverage::Percent {
        covered: percent(80),
    };
    let full = |route| totals(&Plan::for_route(route));
    let rows = compare_routes(&plan, &PriceBook::default());
    let row = |r: Route| rows[Route::ALL.iter().position(|x| *x == r).unwrap()];
    assert!(row(Route::Esketamine).insured);
    assert_eq!(row(Route::Esketamine).total, totals(&plan));
    // 2 devices at $295 and a $100 observation fee, 20 % of it for 12 doses.
    assert_eq!(row(Route::Esketamine).total.low, usd(12 * 138));
    for r in [Route::Iv, Route::Im, Route::Oral] {
        assert!(!row(r).insured, "{r:?}");
        assert_eq!(row(r).total, full(r), "{r:?} at full price");
    }

    // Coverage that follows the chosen route: switching to IV counts it for IV.
    let mut iv = plan;
    iv.switch_route(Route::Iv);
    assert!(iv.insured());
    assert_eq!(totals(&iv).low, usd(6 * 80));

    // Ticked for esketamine only: estimating IV counts no insurance, and no savings programme.
    plan.insurance.covers = Some(RouteSet::of(Route::Esketamine));
    let mut iv = plan;
    iv.switch_route(Route::Iv);
    assert!(!iv.insured());
    assert_eq!(totals(&iv), full(Route::Iv));
    let e = estimate(&iv, &PriceBook::default());
    assert_eq!(e.insurance_pays, Range::default());

    // Ticked for esketamine and IV: both rows include it.
    plan.insurance.covers = Some(RouteSet::of(Route::Esketamine).with(Route::Iv, true));
    let rows = compare_routes(&plan, &PriceBook::default());
    assert!(rows[0].insured && rows[2].insured && !rows[1].insured && !rows[3].insured);
    assert_eq!(rows[0].total.low, usd(6 * 80));

    // Not covering the chosen route: the savings programme needs that coverage.
    plan.insurance.covers = Some(RouteSet::of(Route::Iv));
    assert_eq!(plan.savings_eligibility(), SavingsEligibility::NoInsurance);
}

// ---------- content ----------

fn content() -> CostContent {
    CostContent::load(Locale::En).expect("cost content loads")
}

fn key_set(map: &std::collections::BTreeMap<String, impl Sized>) -> BTreeSet<&str> {
    map.keys().map(String::as_str).collect()
}

#[test]
fn content_names_every_route_once_and_cites_real_sources() {
    let c = content();
    for r in Route::ALL {
        assert_eq!(c.routes.iter().filter(|t| t.id == r).count(), 1, "{r:?}");
    }
    let ids: BTreeSet<_> = c.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids.len(), c.sources.len(), "source ids are unique");
    let cited = c
        .routes
        .iter()
        .flat_map(|r| &r.sources)
        .chain(c.notes.iter().flat_map(|n| &n.sources));
    for id in cited {
        assert!(ids.contains(id.as_str()), "unknown source {id}");
    }
    for note in &c.notes {
        assert!(!note.sources.is_empty(), "note {} has no source", note.id);
    }
    for id in [
        "relapse",
        "driving",
        "esketamine_list_price",
        "insurance",
        "clinics_set_prices",
    ] {
        assert!(c.notes.iter().any(|n| n.id == id), "missing note {id}");
    }
}

#[test]
fn ui_tables_hold_exactly_the_keys_the_engine_and_ui_use() {
    let ui = content().ui;
    let want = |k: &[&'static str]| k.iter().copied().collect::<BTreeSet<&str>>();
    assert_eq!(key_set(&ui.headings), want(keys::HEADINGS));
    assert_eq!(key_set(&ui.fields), want(keys::FIELDS));
    assert_eq!(key_set(&ui.options), want(keys::OPTIONS));
    assert_eq!(key_set(&ui.results), want(keys::RESULTS));
    assert_eq!(key_set(&ui.chart), want(keys::CHART));
    assert_eq!(key_set(&ui.misc), want(keys::MISC));
    assert_eq!(key_set(&ui.levels), want(&["low", "typical", "high"]));
    assert_eq!(
        key_set(&ui.price_parts),
        want(&["session", "device", "observation"])
    );
}

#[test]
fn every_calc_template_uses_exactly_its_line_placeholders() {
    let ui = content().ui;
    assert_eq!(ui.calc.len(), CalcKey::ALL.len());
    for key in CalcKey::ALL {
        let template = ui
            .calc
            .get(key.id())
            .unwrap_or_else(|| panic!("no template {}", key.id()));
        let used: BTreeSet<&str> = placeholders(template).into_iter().collect();
        let given: BTreeSet<&str> = key.arg_names().iter().copied().collect();
        assert_eq!(used, given, "template {}", key.id());
    }
}

#[test]
fn every_unit_has_a_singular_and_a_plural_in_every_locale() {
    for &locale in Locale::ALL {
        let c = CostContent::load(locale).unwrap();
        let mut want = BTreeSet::new();
        for unit in Unit::ALL {
            for n in [1, 2] {
                let form = c.ui.units.get(&unit.key(n)).map(String::as_str);
                assert!(
                    form.is_some_and(|f| placeholders(f) == vec!["n"]),
                    "{locale:?} {}: {form:?}",
                    unit.key(n)
                );
                want.insert(unit.key(n));
            }
        }
        assert_eq!(c.ui.units.keys().cloned().collect::<BTreeSet<_>>(), want);
    }
}

#[test]
fn one_session_and_one_month_are_singular_in_the_calculation() {
    let mut plan = Plan::for_route(Route::Iv);
    plan.induction_sessions = 1;
    plan.maintenance.enabled = true;
    plan.maintenance.per_month = BoosterRate::whole(1);
    plan.maintenance.months = 1;
    plan.extras.integration.enabled = true;
    plan.extras.integration_sessions = 1;
    let e = estimate(&plan, &PriceBook::default());
    let text = |locale| {
        let c = CostContent::load(locale).unwrap();
        e.scenarios[0]
            .lines
            .iter()
            .map(|l| c.calc_line(l, &PlainUsd))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let en = text(Locale::En);
    for want in [
        "First course: 1 session × $400 = $400",
        "Boosters: 1 a month × 1 month = 1 session × $400 = $400",
        "Integration therapy: 1 session × $150 = $150",
    ] {
        assert!(en.contains(want), "{want}\n{en}");
    }
    assert!(en.contains("over 2 months"), "{en}");
    assert!(
        !en.contains("1 sessions") && !en.contains("1 months"),
        "{en}"
    );
    let es = text(Locale::Es);
    assert!(
        es.contains("1 sesión ×") && es.contains("en 2 meses"),
        "{es}"
    );
    assert!(
        !es.contains("1 sesiones") && !es.contains("1 meses"),
        "{es}"
    );

    plan.maintenance.enabled = false;
    let c = CostContent::load(Locale::Es).unwrap();
    let e = estimate(&plan, &PriceBook::default());
    let last = e.scenarios[0].lines.last().unwrap();
    assert_eq!(
        c.calc_line(last, &PlainUsd),
        "$550 en 1 mes = unos $550 al mes"
    );
}

#[test]
fn every_error_kind_has_a_message() {
    let c = content();
    let parse_errors = [
        ParseError::Empty,
        ParseError::NotANumber,
        ParseError::Negative,
        ParseError::TooManyDecimals,
        ParseError::NotWholeNumber,
        ParseError::MoneyTooLarge { max: MAX_MONEY },
        ParseError::CountTooLarge { max: 100 },
        ParseError::PercentTooLarge,
        ParseError::DevicesNotTwoOrThree,
    ];
    let mut keys: Vec<&str> = parse_errors.iter().map(|e| e.message_key()).collect();
    keys.extend([
        "currency_empty",
        "currency_invalid",
        "savings_not_esketamine",
        "savings_no_insurance",
    ]);
    keys.push("savings_government");
    for k in keys {
        assert!(c.ui.errors.contains_key(k), "missing error message {k}");
    }
    let msg = c.parse_error(ParseError::MoneyTooLarge { max: MAX_MONEY }, &PlainUsd);
    assert!(msg.contains("$1,000,000") && !msg.contains('{'), "{msg}");
}

#[test]
fn price_book_errors_render_without_leftover_placeholders() {
    let c = content();
    let bad = [
        "{",
        "[]",
        r#"{"tms":1}"#,
        r#"{"iv":{"low":1,"high":2,"mid":3}}"#,
        r#"{"iv":{"low":1}}"#,
        r#"{"iv":"abc"}"#,
        r#"{"iv":-3}"#,
        r#"{"iv":1.234}"#,
        r#"{"iv":1e12}"#,
        r#"{"im":{"low":9,"high":1}}"#,
        r#"{"esketamine":{"devices_per_dose":5}}"#,
        r#"{"esketamine":{"observation":{"low":"x","high":1}}}"#,
    ];
    for json in bad {
        let err = PriceBook::from_json(json).expect_err(json);
        let msg = c.price_book_error(&err, &PlainUsd);
        assert!(c.ui.errors.contains_key(err.message_key()), "{json}");
        assert!(!msg.contains('{') && !msg.contains('}'), "{json}: {msg}");
    }
}

#[test]
fn calculation_lines_read_as_checkable_arithmetic() {
    let c = content();
    let e = estimate(&Plan::for_route(Route::Iv), &PriceBook::default());
    let text = c.calc_line(&e.scenarios[0].lines[0], &PlainUsd);
    assert_eq!(text, "First course: 6 sessions × $400 = $2,400");
    assert_eq!(
        c.range_text(&e.total, &PlainUsd),
        "$2,400 to $4,800, typically $3,600"
    );
}

// ---------- properties ----------

fn cents(max: u64) -> impl Strategy<Value = Cents> {
    (0..=max).prop_map(Cents)
}

fn range(max: u64) -> impl Strategy<Value = Range> {
    prop::array::uniform3(0..=max).prop_map(|mut a| {
        a.sort_unstable();
        Range::new(Cents(a[0]), Cents(a[1]), Cents(a[2]))
    })
}

fn book(max: u64) -> impl Strategy<Value = PriceBook> {
    (
        range(max),
        range(max),
        range(max),
        range(max),
        any::<bool>(),
        range(max),
    )
        .prop_map(|(iv, im, oral, dev, three, obs)| PriceBook {
            iv,
            im,
            oral,
            esketamine: EsketaminePrices {
                device: dev,
                devices_per_dose: if three {
                    DevicesPerDose::Three
                } else {
                    DevicesPerDose::Two
                },
                observation: obs,
            },
        })
}

fn coverage(money: u64) -> impl Strategy<Value = Coverage> {
    prop_oneof![
        Just(Coverage::None),
        (0u32..=10_000).prop_map(|b| Coverage::Percent {
            covered: Bps::new(b).unwrap()
        }),
        cents(money).prop_map(|c| Coverage::Copay { per_session: c }),
    ]
}

fn extra(money: u64) -> impl Strategy<Value = Extra> {
    (any::<bool>(), cents(money)).prop_map(|(enabled, amount)| Extra { enabled, amount })
}

fn plan(count: u32, money: u64) -> impl Strategy<Value = Plan> {
    let route = prop::sample::select(Route::ALL.to_vec());
    let insurer = prop::sample::select(InsurerKind::ALL.to_vec());
    let maintenance = (any::<bool>(), 0..=count.saturating_mul(100), 0..=count).prop_map(
        |(enabled, hundredths, months)| Maintenance {
            enabled,
            per_month: BoosterRate::from_hundredths(hundredths).unwrap_or(BoosterRate::MAX),
            months,
        },
    );
    let covers = prop::option::of(
        prop::sample::subsequence(Route::ALL.to_vec(), 0..=4).prop_map(RouteSet::from),
    );
    let insurance = (
        coverage(money),
        insurer,
        cents(money),
        prop::option::of(cents(money)),
        covers,
    )
        .prop_map(
            |(coverage, insurer, deductible_left, oop_max, covers)| Insurance {
                coverage,
                insurer,
                deductible_left,
                oop_max,
                covers,
            },
        );
    let savings = (any::<bool>(), cents(money), cents(money)).prop_map(
        |(enabled, per_treatment, annual_cap)| Savings {
            enabled,
            per_treatment,
            annual_cap,
        },
    );
    let hsa = (any::<bool>(), 0u32..=10_000).prop_map(|(enabled, b)| Hsa {
        enabled,
        tax_rate: Bps::new(b).unwrap(),
    });
    let extras = (
        extra(money),
        extra(money),
        0..=count,
        extra(money),
        extra(money),
        extra(money),
        extra(money),
    )
        .prop_map(
            |(evaluation, integration, integration_sessions, bp_cuff, travel, driver, time_off)| {
                Extras {
                    evaluation,
                    integration,
                    integration_sessions,
                    bp_cuff,
                    travel,
                    driver,
                    time_off,
                }
            },
        );
    (
        route,
        0..=count,
        maintenance,
        insurance,
        savings,
        hsa,
        extras,
    )
        .prop_map(
            |(route, induction_sessions, maintenance, insurance, savings, hsa, extras)| Plan {
                route,
                induction_sessions,
                maintenance,
                insurance,
                savings,
                hsa,
                extras,
            },
        )
}

const PRICE: u64 = 200_000; // $2,000 per price keeps sums far from saturation
const MONEY: u64 = 2_000_000;

fn bump(b: &PriceBook, route: Route, delta: Cents) -> PriceBook {
    let up = |r: Range| Range::from_fn(|l| r.at(l).add(delta));
    let mut b = *b;
    match route {
        Route::Iv => b.iv = up(b.iv),
        Route::Im => b.im = up(b.im),
        Route::Oral => b.oral = up(b.oral),
        Route::Esketamine => b.esketamine.device = up(b.esketamine.device),
    }
    b
}

proptest! {
    #[test]
    fn totals_are_ordered_low_typical_high(p in plan(40, MONEY), b in book(PRICE)) {
        let e = estimate(&p, &b);
        prop_assert!(e.total.is_ordered(), "{:?}", e.total);
        prop_assert!(e.per_month.is_ordered());
        prop_assert!(e.after_hsa.is_ordered());
        prop_assert!(e.before_insurance.is_ordered());
    }

    #[test]
    fn total_never_falls_when_sessions_rise(p in plan(40, MONEY), b in book(PRICE), more in 1u32..20) {
        let mut q = p;
        q.induction_sessions += more;
        let (a, z) = (estimate(&p, &b).total, estimate(&q, &b).total);
        for l in Level::ALL {
            prop_assert!(z.at(l) >= a.at(l), "{l:?}: {:?} -> {:?}", a, z);
        }
        let mut shorter = p;
        shorter.maintenance.enabled = true;
        let mut longer = shorter;
        longer.maintenance.months += more;
        let (a, z) = (estimate(&shorter, &b).total, estimate(&longer, &b).total);
        for l in Level::ALL {
            prop_assert!(z.at(l) >= a.at(l), "boosters {:?}: {:?} -> {:?}", l, a, z);
        }
    }

    #[test]
    fn total_never_falls_when_prices_rise(p in plan(40, MONEY), b in book(PRICE), delta in cents(50_000)) {
        let before = estimate(&p, &b).total;
        let after = estimate(&p, &bump(&b, p.route, delta)).total;
        for l in Level::ALL {
            prop_assert!(after.at(l) >= before.at(l), "{l:?}: {:?} -> {:?}", before, after);
        }
        let mut obs = b;
        obs.esketamine.observation = Range::from_fn(|l| b.esketamine.observation.at(l).add(delta));
        let after_obs = estimate(&p, &obs).total;
        prop_assert!(after_obs.high >= before.high);
    }

    #[test]
    fn savings_never_make_a_dearer_price_cheaper(p in plan(40, MONEY), b in book(PRICE), delta in cents(50_000), cov in coverage(MONEY)) {
        // Force the savings programme on, since random plans rarely qualify.
        let mut p = p;
        p.route = Route::Esketamine;
        p.insurance.insurer = InsurerKind::Commercial;
        p.insurance.coverage = if cov == Coverage::None { Coverage::Percent { covered: percent(50) } } else { cov };
        p.savings.enabled = true;
        let before = estimate(&p, &b).total;
        prop_assert!(before.is_ordered(), "{:?}", before);
        let mut obs = b;
        obs.esketamine.observation = Range::from_fn(|l| b.esketamine.observation.at(l).add(delta));
        for after in [estimate(&p, &bump(&b, Route::Esketamine, delta)).total, estimate(&p, &obs).total] {
            for l in Level::ALL {
                prop_assert!(after.at(l) >= before.at(l), "{:?}: {:?} -> {:?}", l, before, after);
            }
        }
    }

    #[test]
    fn money_is_accounted_for(p in plan(40, MONEY), b in book(PRICE)) {
        // Treatment price = what you pay for treatment + what insurance pays + savings.
        let e = estimate(&p, &b);
        for s in &e.scenarios {
            let you = s.induction.you_pay.add(s.maintenance.you_pay);
            let list = s.induction.before_insurance.add(s.maintenance.before_insurance);
            prop_assert_eq!(you.add(s.insurance_pays).add(s.savings), list);
            prop_assert_eq!(s.total, you.add(s.extras));
            prop_assert!(s.hsa_saving <= s.total);
        }
    }

    #[test]
    fn the_comparison_row_of_the_chosen_route_is_its_estimate(p in plan(40, MONEY), b in book(PRICE)) {
        let rows = compare_routes(&p, &b);
        let row = rows.iter().find(|r| r.route == p.route).unwrap();
        prop_assert_eq!(row.total, estimate(&p, &b).total);
        prop_assert_eq!(row.insured, p.insured());
        // Insurance entered never touches a route it does not cover.
        for r in rows.iter().filter(|r| !r.insured) {
            let mut bare = p.on_route(r.route);
            bare.insurance.coverage = Coverage::None;
            prop_assert_eq!(r.total, estimate(&bare, &b).total, "{:?}", r.route);
        }
    }

    #[test]
    fn the_first_year_never_costs_less_than_the_course(p in plan(40, MONEY), b in book(PRICE)) {
        let mut course = p;
        course.maintenance.enabled = false;
        let (c, y) = (estimate(&course, &b).total, estimate(&p.first_year(), &b).total);
        for l in Level::ALL {
            prop_assert!(y.at(l) >= c.at(l), "{l:?}: {:?} -> {:?}", c, y);
        }
        prop_assert!(p.first_year().months() >= 12);
    }

    #[test]
    fn huge_inputs_saturate_without_panicking(p in plan(u32::MAX, u64::MAX), b in book(u64::MAX)) {
        let e = estimate(&p, &b);
        prop_assert!(e.total.is_ordered());
        let _ = compare_routes(&p, &b);
    }

    #[test]
    fn parsers_never_panic_on_any_text(s in ".*", t in "[-$0-9,.% \u{2212}]{0,24}") {
        for text in [&s, &t] {
            let _ = parse::money(text, MAX_MONEY);
            let _ = parse::count(text, 100);
            let _ = parse::percent(text);
            let _ = parse::devices_per_dose(text);
            let _ = CurrencyCode::parse(text);
        }
    }

    #[test]
    fn parsed_money_is_within_the_limit(t in "[-$0-9,.]{0,24}") {
        if let Ok(c) = parse::money(&t, MAX_MONEY) {
            prop_assert!(c <= MAX_MONEY);
        }
    }

    #[test]
    fn price_book_json_never_panics_and_valid_books_are_ordered(s in ".*", j in r#"\{("(iv|im|oral|esketamine|x)": ?(-?[0-9]{1,7}(\.[0-9]{1,3})?|\{"(low|high|typical|device|observation|devices_per_dose)": ?[0-9]{1,4}\}|"[0-9$,.]{0,6}"),? ?){0,4}\}"#) {
        let _ = PriceBook::from_json(&s);
        if let Ok(book) = PriceBook::from_json(&j) {
            prop_assert_eq!(book.validate(), Ok(()));
        }
    }

    #[test]
    fn plan_round_trips_through_json(p in plan(u32::MAX, u64::MAX)) {
        prop_assert_eq!(from_str::<Plan>(&to_string(&p)), Ok(p));
    }

    #[test]
    fn price_book_round_trips_through_json(b in book(u64::MAX)) {
        prop_assert_eq!(from_str::<PriceBook>(&to_string(&b)), Ok(b));
    }

    #[test]
    fn estimator_state_round_trips_through_json(
        plan in plan(u32::MAX, u64::MAX),
        book in book(u64::MAX),
        texts in prop::collection::btree_map("[a-z_]{0,12}", ".{0,8}", 0..4),
        covered in 0u32..=10_000,
        copay in cents(u64::MAX),
    ) {
        let covered = Bps::new(covered).unwrap();
        let saved = saved::Saved { plan, book, texts, covered, copay };
        prop_assert_eq!(from_str::<saved::Saved>(&to_string(&saved)), Ok(saved));
    }

    #[test]
    fn stored_state_of_any_shape_is_read_or_refused_without_panic(text in ".{0,64}") {
        let _ = from_str::<saved::Saved>(&text);
        let _ = from_str::<Plan>(&text);
    }
}
