//! The evidence ledger holds: every figure in medical and cost text has an entry naming its
//! source, the place in the source and the source's own figure (or is marked as our own
//! assumption), every entry's figure is still in its text, and every source can be opened.
#![cfg(not(target_arch = "wasm32"))]

use ketamine_guide::content::evidence::{numbers_in, untraced};
use ketamine_guide::content::{Evidence, Locale, Source};
use ketamine_guide::cost::{CostContent, PriceBook, Route};
use ketamine_guide::myths::MythsContent;
use ketamine_guide::quiz::QuizContent;
use std::collections::BTreeSet;

/// One text that states figures, with the entries that trace them and the sources it shows.
struct Traced<'a> {
    what: String,
    text: String,
    evidence: &'a [Evidence],
    shown_sources: Vec<&'a str>,
}

fn myths_items(c: &MythsContent) -> Vec<Traced<'_>> {
    let mut out = Vec::new();
    for claim in &c.claims {
        let mut text = vec![claim.claim.clone(), claim.summary.clone()];
        text.extend(claim.explanation.iter().cloned());
        for n in &claim.numbers {
            text.push(n.label.clone());
            text.push(n.value.clone());
            text.extend(n.note.iter().cloned());
        }
        text.extend(claim.disagreement.iter().cloned());
        let mut shown: Vec<&str> = claim.sources.iter().map(String::as_str).collect();
        shown.extend(
            claim
                .numbers
                .iter()
                .flat_map(|n| n.sources.iter().map(String::as_str)),
        );
        out.push(Traced {
            what: format!("myths claim `{}`", claim.id),
            text: text.join("\n"),
            evidence: &claim.evidence,
            shown_sources: shown,
        });
    }
    let table_sources: Vec<&str> = c
        .routes
        .rows
        .iter()
        .flat_map(|r| r.sources.iter().map(String::as_str))
        .collect();
    for row in &c.routes.rows {
        let mut text = vec![row.name.as_str()];
        text.extend(row.cells());
        out.push(Traced {
            what: format!("myths route row `{}`", row.id),
            text: text.join("\n"),
            evidence: &row.evidence,
            shown_sources: row.sources.iter().map(String::as_str).collect(),
        });
    }
    out.push(Traced {
        what: "myths routes notes".into(),
        text: c.routes.notes.join("\n"),
        evidence: &c.routes.evidence,
        shown_sources: table_sources,
    });
    out
}

fn quiz_items(c: &QuizContent) -> Vec<Traced<'_>> {
    let mut out = Vec::new();
    for rule in &c.rules {
        out.push(Traced {
            what: format!("self-check rule `{}`", rule.id),
            text: rule.reason.clone(),
            evidence: &rule.evidence,
            shown_sources: rule.sources.iter().map(String::as_str).collect(),
        });
    }
    out.push(Traced {
        what: "self-check fallback".into(),
        text: c.fallback.reason.clone(),
        evidence: &c.fallback.evidence,
        shown_sources: c.fallback.sources.iter().map(String::as_str).collect(),
    });
    for route in &c.routes {
        out.push(Traced {
            what: format!("self-check route note `{}`", route.id),
            text: format!("{}\n{}", route.heading, route.notes.join("\n")),
            evidence: &route.evidence,
            shown_sources: route.sources.iter().map(String::as_str).collect(),
        });
    }
    out
}

fn cost_items(c: &CostContent) -> Vec<Traced<'_>> {
    let mut out = Vec::new();
    for r in &c.routes {
        out.push(Traced {
            what: format!("cost route `{}`", r.id.id()),
            text: [&r.name, &r.short, &r.price_note, &r.course_note]
                .map(String::as_str)
                .join("\n"),
            evidence: &r.evidence,
            shown_sources: r.sources.iter().map(String::as_str).collect(),
        });
    }
    for (kind, notes) in [("note", &c.notes), ("assumption", &c.assumptions)] {
        for n in notes {
            out.push(Traced {
                what: format!("cost {kind} `{}`", n.id),
                text: format!("{}\n{}", n.title, n.text),
                evidence: &n.evidence,
                shown_sources: n.sources.iter().map(String::as_str).collect(),
            });
        }
    }
    out
}

/// Checks one tool's texts; returns the number of entries.
fn check(items: &[Traced<'_>], sources: &[Source], problems: &mut Vec<String>) -> usize {
    let mut count = 0;
    for item in items {
        count += item.evidence.len();
        let report = untraced(&item.text, item.evidence);
        for f in &report.figures {
            problems.push(format!("{}: figure with no evidence entry: {f}", item.what));
        }
        for f in &report.entries {
            problems.push(format!(
                "{}: entry for {f:?}, which the text does not contain",
                item.what
            ));
        }
        for e in item.evidence {
            if let Some(p) = e.problem() {
                problems.push(format!("{}: entry {:?} {p}", item.what, e.figure));
            }
            if let Some(id) = &e.source {
                if !item.shown_sources.contains(&id.as_str()) {
                    problems.push(format!(
                        "{}: entry {:?} traces to `{id}`, which the text does not list among its sources",
                        item.what, e.figure
                    ));
                }
                if !sources.iter().any(|s| &s.id == id) {
                    problems.push(format!("{}: unknown source `{id}`", item.what));
                }
            }
        }
    }
    count
}

fn fail_on(problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_figure_in_medical_and_cost_text_is_traced() {
    let mut problems = Vec::new();
    let mut totals = Vec::new();
    for &locale in Locale::ALL {
        let myths = MythsContent::load(locale).expect("myths");
        let quiz = QuizContent::load(locale).expect("quiz");
        let cost = CostContent::load(locale).expect("cost");
        let m = check(&myths_items(&myths), &myths.sources, &mut problems);
        let q = check(&quiz_items(&quiz), &quiz.sources, &mut problems);
        let c = check(&cost_items(&cost), &cost.sources, &mut problems);
        totals.push(format!(
            "{}: {} entries (explorer {m}, self-check {q}, estimator {c})",
            locale.tag(),
            m + q + c
        ));
    }
    eprintln!("evidence ledger: {}", totals.join("; "));
    fail_on(problems);
}

#[test]
fn figures_in_the_self_checks_questions_are_traced_by_its_rules() {
    // "Why we ask" texts travel in the first view, so their figures are traced by the rules
    // and route notes (in the results part), which state the same figures.
    let mut problems = Vec::new();
    for &locale in Locale::ALL {
        let quiz = QuizContent::load(locale).expect("quiz");
        let ledger: Vec<&Evidence> = quiz
            .rules
            .iter()
            .flat_map(|r| &r.evidence)
            .chain(quiz.routes.iter().flat_map(|r| &r.evidence))
            .collect();
        for q in &quiz.questions {
            let mut text = vec![q.legend.clone(), q.why.clone()];
            text.extend(q.hint.iter().cloned());
            for choice in &q.choices {
                text.push(choice.label.clone());
                text.extend(choice.hint.iter().cloned());
            }
            let text = text.join("\n");
            let entries: Vec<Evidence> = ledger
                .iter()
                .filter(|e| text.contains(e.figure.as_str()))
                .map(|e| (*e).clone())
                .collect();
            for f in untraced(&text, &entries).figures {
                problems.push(format!(
                    "{}: question `{}`: figure no rule traces: {f}",
                    locale.tag(),
                    q.id
                ));
            }
        }
    }
    fail_on(problems);
}

#[test]
fn chart_values_are_figures_their_numbers_state() {
    let mut problems = Vec::new();
    for &locale in Locale::ALL {
        let myths = MythsContent::load(locale).expect("myths");
        for claim in &myths.claims {
            for n in &claim.numbers {
                let Some(chart) = &n.chart else { continue };
                let stated: Vec<f64> = numbers_in(&n.value)
                    .iter()
                    .filter_map(|&(s, e)| n.value[s..e].replace(',', "").parse().ok())
                    .collect();
                for bar in std::iter::once(&chart.a).chain(&chart.b) {
                    if !stated.contains(&bar.value) {
                        problems.push(format!(
                            "{}: claim `{}`: chart value {} is not in {:?}",
                            locale.tag(),
                            claim.id,
                            bar.value,
                            n.value
                        ));
                    }
                }
            }
        }
    }
    fail_on(problems);
}

/// `$1,500` from 150000 cents (whole dollars, as the notes write them).
fn dollars(cents: u64) -> String {
    let d = (cents / 100).to_string();
    let mut out = String::new();
    for (i, ch) in d.chars().enumerate() {
        if i > 0 && (d.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    format!("${out}")
}

#[test]
fn default_prices_are_figures_the_estimators_text_traces() {
    let mut problems = Vec::new();
    for &locale in Locale::ALL {
        let cost = CostContent::load(locale).expect("cost");
        let ledger: Vec<&Evidence> = cost
            .routes
            .iter()
            .flat_map(|r| &r.evidence)
            .chain(cost.notes.iter().flat_map(|n| &n.evidence))
            .chain(cost.assumptions.iter().flat_map(|n| &n.evidence))
            .collect();
        for route in Route::ALL {
            for &part in PriceBook::parts(route) {
                let range = PriceBook::DEFAULT
                    .price(route, part)
                    .expect("a part of the route");
                for cents in [range.low.0, range.high.0] {
                    let figure = dollars(cents);
                    let traced = ledger.iter().any(|e| e.figure.contains(&figure));
                    if !traced {
                        problems.push(format!(
                            "{}: default {} price {figure} ({part:?}) has no evidence entry",
                            locale.tag(),
                            route.id()
                        ));
                    }
                }
            }
        }
    }
    fail_on(problems);
}

/// Kinds of source that are web pages, which can change: they carry the date they were read.
const WEB_KINDS: [&str; 6] = [
    "government",
    "service",
    "manufacturer",
    "news",
    "consumer",
    "marketing",
];

#[test]
fn every_source_opens_in_one_click_and_web_pages_say_when_they_were_read() {
    let mut problems = Vec::new();
    for &locale in Locale::ALL {
        let myths = MythsContent::load(locale).expect("myths");
        let quiz = QuizContent::load(locale).expect("quiz");
        let cost = CostContent::load(locale).expect("cost");
        for s in myths
            .sources
            .iter()
            .chain(&quiz.sources)
            .chain(&cost.sources)
        {
            if !s.url.starts_with("https://") {
                problems.push(format!(
                    "{}: `{}`: link is not https: {:?}",
                    locale.tag(),
                    s.id,
                    s.url
                ));
            }
            if WEB_KINDS.contains(&s.kind.as_str()) && s.read.is_none() {
                problems.push(format!(
                    "{}: `{}` is a web page with no read date",
                    locale.tag(),
                    s.id
                ));
            }
            if s.citation.trim().is_empty() || s.kind_label.trim().is_empty() {
                problems.push(format!(
                    "{}: `{}` has an empty citation or kind",
                    locale.tag(),
                    s.id
                ));
            }
        }
    }
    fail_on(problems);
}

#[test]
fn each_publication_has_one_id_and_each_tool_ships_only_what_it_cites() {
    for &locale in Locale::ALL {
        let myths = MythsContent::load(locale).expect("myths");
        let quiz = QuizContent::load(locale).expect("quiz");
        let cost = CostContent::load(locale).expect("cost");
        let all: Vec<&Source> = myths
            .sources
            .iter()
            .chain(&quiz.sources)
            .chain(&cost.sources)
            .collect();
        // The same id is the same entry wherever it is shipped.
        for a in &all {
            for b in &all {
                if a.id == b.id {
                    assert_eq!(a, b, "{}: `{}` differs between tools", locale.tag(), a.id);
                } else {
                    assert_ne!(
                        a.url,
                        b.url,
                        "{}: `{}` and `{}` are one publication",
                        locale.tag(),
                        a.id,
                        b.id
                    );
                }
            }
        }
        let cited = |items: &[Traced<'_>]| -> BTreeSet<String> {
            items
                .iter()
                .flat_map(|i| i.shown_sources.iter().map(|s| s.to_string()))
                .collect()
        };
        let mut quiz_cited = cited(&quiz_items(&quiz));
        quiz_cited.extend(
            quiz.questions
                .iter()
                .flat_map(|q| q.sources.iter().cloned()),
        );
        for (tool, shipped, cited) in [
            ("explorer", &myths.sources, cited(&myths_items(&myths))),
            ("self-check", &quiz.sources, quiz_cited),
            ("estimator", &cost.sources, cited(&cost_items(&cost))),
        ] {
            for s in shipped.iter() {
                assert!(
                    cited.contains(&s.id),
                    "{}: the {tool} ships `{}` but cites it nowhere",
                    locale.tag(),
                    s.id
                );
            }
        }
    }
}

#[test]
fn every_bibliography_entry_is_cited_by_some_tool() {
    for &locale in Locale::ALL {
        let path = format!(
            "{}/content/{}/sources.toml",
            env!("CARGO_MANIFEST_DIR"),
            locale.tag()
        );
        let file: toml::Value =
            toml::from_str(&std::fs::read_to_string(&path).expect("read")).expect("valid TOML");
        let shipped: BTreeSet<String> = [
            MythsContent::load(locale).expect("myths").sources,
            QuizContent::load(locale).expect("quiz").sources,
            CostContent::load(locale).expect("cost").sources,
        ]
        .into_iter()
        .flatten()
        .map(|s| s.id)
        .collect();
        for entry in file["sources"].as_array().expect("[[sources]]") {
            let id = entry["id"].as_str().expect("id");
            assert!(
                shipped.contains(id),
                "{path}: `{id}` is cited by no tool: remove it"
            );
        }
    }
}
