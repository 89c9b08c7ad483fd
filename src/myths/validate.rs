//! Content checks that keep the explorer honest: every claim has a verdict, a strength, an
//! explanation, real sources and real topics; ids are unique and links resolve. The native
//! tests run these over every locale, so a translation cannot silently drop a source.

use super::link::{is_claim_id, ROUTES_SLUG};
use super::model::{ChartKind, MythsContent, Strength, Verdict};
use std::collections::HashSet;
use std::fmt;

/// One thing wrong with a myths content file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A claim id is not kebab-case, or is reserved.
    BadClaimId(String),
    /// Two entries of one kind share an id (kind, id).
    DuplicateId(&'static str, String),
    /// A required text is empty (where, which field).
    EmptyText(String, &'static str),
    /// A claim names no topic.
    NoTopic(String),
    /// A claim names no source.
    NoSource(String),
    /// Something names a topic that does not exist (who, topic).
    UnknownTopic(String, String),
    /// Something names a source that does not exist (who, source).
    UnknownSource(String, String),
    /// A claim relates to a claim that does not exist (claim, related).
    UnknownRelated(String, String),
    /// A claim lists itself as related.
    SelfRelated(String),
    /// A verdict has no label entry, or more than one.
    VerdictInfo(Verdict),
    /// A strength has no label entry, or more than one.
    StrengthInfo(Strength),
    /// A chart is malformed (claim, number label).
    BadChart(String, String),
    /// The routes table's headers do not match its columns.
    RouteHeaders,
    /// A search synonym finds a word no claim uses, or lists no words (synonym, word).
    SynonymFindsNothing(String, String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::BadClaimId(id) => {
                write!(f, "claim id {id:?} is not kebab-case or is reserved")
            }
            Problem::DuplicateId(kind, id) => write!(f, "duplicate {kind} id {id:?}"),
            Problem::EmptyText(who, field) => write!(f, "{who}: {field} is empty"),
            Problem::NoTopic(id) => write!(f, "claim {id}: no topic"),
            Problem::NoSource(id) => write!(f, "claim {id}: no source"),
            Problem::UnknownTopic(who, t) => write!(f, "{who}: unknown topic {t:?}"),
            Problem::UnknownSource(who, s) => write!(f, "{who}: unknown source {s:?}"),
            Problem::UnknownRelated(id, r) => write!(f, "claim {id}: unknown related claim {r:?}"),
            Problem::SelfRelated(id) => write!(f, "claim {id} lists itself as related"),
            Problem::VerdictInfo(v) => write!(f, "verdict {} needs exactly one entry", v.id()),
            Problem::StrengthInfo(s) => write!(f, "strength {} needs exactly one entry", s.id()),
            Problem::BadChart(id, label) => write!(f, "claim {id}, number {label:?}: bad chart"),
            Problem::RouteHeaders => write!(f, "routes_headers must name the 7 columns"),
            Problem::SynonymFindsNothing(id, w) => {
                write!(
                    f,
                    "search synonym {id}: {w:?} is in no claim (or the entry is empty)"
                )
            }
        }
    }
}

/// Every problem in a myths content file; empty when the file is sound.
pub fn validate(content: &MythsContent) -> Vec<Problem> {
    let mut problems = Vec::new();
    let topic_ids = unique_ids(
        content.topics.iter().map(|t| t.id.as_str()),
        "topic",
        &mut problems,
    );
    let source_ids = unique_ids(
        content.sources.iter().map(|s| s.id.as_str()),
        "source",
        &mut problems,
    );
    let claim_ids = unique_ids(
        content.claims.iter().map(|c| c.id.as_str()),
        "claim",
        &mut problems,
    );
    for t in &content.topics {
        require(&t.label, &format!("topic {}", t.id), "label", &mut problems);
    }
    for s in &content.sources {
        require(
            &s.citation,
            &format!("source {}", s.id),
            "citation",
            &mut problems,
        );
    }
    for v in Verdict::ALL {
        let entries: Vec<_> = content.verdicts.iter().filter(|i| i.id == v).collect();
        if entries.len() != 1
            || entries[0].label.trim().is_empty()
            || entries[0].icon.trim().is_empty()
        {
            problems.push(Problem::VerdictInfo(v));
        }
    }
    for s in Strength::ALL {
        let entries: Vec<_> = content.strengths.iter().filter(|i| i.id == s).collect();
        if entries.len() != 1 || entries[0].label.trim().is_empty() {
            problems.push(Problem::StrengthInfo(s));
        }
    }
    for c in &content.claims {
        let who = format!("claim {}", c.id);
        if !is_claim_id(&c.id) || c.id == ROUTES_SLUG {
            problems.push(Problem::BadClaimId(c.id.clone()));
        }
        require(&c.claim, &who, "claim", &mut problems);
        require(&c.summary, &who, "summary", &mut problems);
        if c.explanation.is_empty() || c.explanation.iter().any(|p| p.trim().is_empty()) {
            problems.push(Problem::EmptyText(who.clone(), "explanation"));
        }
        if c.topics.is_empty() {
            problems.push(Problem::NoTopic(c.id.clone()));
        }
        for t in c.topics.iter().filter(|t| !topic_ids.contains(t.as_str())) {
            problems.push(Problem::UnknownTopic(who.clone(), t.clone()));
        }
        if c.sources.is_empty() {
            problems.push(Problem::NoSource(c.id.clone()));
        }
        let number_sources = c.numbers.iter().flat_map(|n| n.sources.iter());
        for s in c
            .sources
            .iter()
            .chain(number_sources)
            .filter(|s| !source_ids.contains(s.as_str()))
        {
            problems.push(Problem::UnknownSource(who.clone(), s.clone()));
        }
        for r in &c.related {
            if *r == c.id {
                problems.push(Problem::SelfRelated(c.id.clone()));
            } else if !claim_ids.contains(r.as_str()) {
                problems.push(Problem::UnknownRelated(c.id.clone(), r.clone()));
            }
        }
        for n in &c.numbers {
            require(&n.label, &who, "number label", &mut problems);
            require(&n.value, &who, "number value", &mut problems);
            if let Some(chart) = &n.chart {
                let bars = std::iter::once(&chart.a).chain(chart.b.as_ref());
                let values_ok = bars.clone().all(|b| b.value.is_finite() && b.value >= 0.0)
                    && chart.out_of.is_none_or(|o| o.is_finite() && o > 0.0);
                let labels_ok = bars.clone().all(|b| !b.label.trim().is_empty());
                let shape_ok = match chart.kind {
                    ChartKind::Share => chart.b.is_none(),
                    ChartKind::Compare | ChartKind::BeforeAfter => chart.b.is_some(),
                };
                if !(values_ok && labels_ok && shape_ok) {
                    problems.push(Problem::BadChart(c.id.clone(), n.label.clone()));
                }
            }
        }
    }
    for r in &content.routes.rows {
        let who = format!("route {}", r.id);
        require(&r.name, &who, "name", &mut problems);
        for cell in r.cells() {
            require(cell, &who, "cell", &mut problems);
        }
        for s in r
            .sources
            .iter()
            .filter(|s| !source_ids.contains(s.as_str()))
        {
            problems.push(Problem::UnknownSource(who.clone(), s.clone()));
        }
    }
    if content.ui.routes_headers.len() != 7 {
        problems.push(Problem::RouteHeaders);
    }
    unique_ids(
        content.search.synonyms.iter().map(|s| s.id.as_str()),
        "search synonym",
        &mut problems,
    );
    for (id, word) in content.search.unused_finds(&content.claims) {
        problems.push(Problem::SynonymFindsNothing(id, word));
    }
    problems
}

fn unique_ids<'a>(
    ids: impl Iterator<Item = &'a str>,
    kind: &'static str,
    problems: &mut Vec<Problem>,
) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            problems.push(Problem::DuplicateId(kind, id.to_owned()));
        }
    }
    seen
}

fn require(text: &str, who: &str, field: &'static str, problems: &mut Vec<Problem>) {
    if text.trim().is_empty() {
        problems.push(Problem::EmptyText(who.to_owned(), field));
    }
}
