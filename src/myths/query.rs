//! The pure query over claims: text search plus topic and verdict filters, and the counts
//! filter chips show.
//!
//! Ordering is content order, always: results never reorder while someone types, and a claim's
//! position is predictable for keyboard and screen-reader users. Relevance ranking would help
//! little with a few dozen short cards and would make the list jump.

use super::fold::{fold, words};
use super::model::{Claim, Topic, Verdict};
use super::search::{Matcher, SearchHelp};

crate::json_struct! {
impl Decode, Encode;
/// What the person asked for: plain data, so it can live in UI state and be stored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Free text; every word must appear (case and accents ignored).
    pub text: String = String::new(),
    /// Topic ids; a claim matches when it has any of them. Empty means every topic.
    pub topics: Vec<String> = Vec::new(),
    /// Verdicts; a claim matches when it has any of them. Empty means every verdict.
    pub verdicts: Vec<Verdict> = Vec::new(),
}
}

crate::json_struct! {
impl Decode, Encode;
/// What survives a reload: the search text and filters only. Open cards are not kept, so a
/// returning person sees a calm, collapsed list.
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    /// The person's query.
    pub query: Query,
}
}

impl Stored {
    /// Wraps a query for storage.
    pub fn new(query: Query) -> Self {
        Stored { query }
    }
}

impl Query {
    /// A query for this text with no filters.
    pub fn text(text: impl Into<String>) -> Self {
        Query {
            text: text.into(),
            ..Query::default()
        }
    }

    /// True when the query shows every claim (no search words and no filters).
    pub fn is_empty(&self) -> bool {
        !self.has_search() && !self.has_filters()
    }

    /// True when the search text has at least one word.
    pub fn has_search(&self) -> bool {
        words(&fold(&self.text)).next().is_some()
    }

    /// True when any topic or verdict filter is selected.
    pub fn has_filters(&self) -> bool {
        !self.topics.is_empty() || !self.verdicts.is_empty()
    }

    /// Selects the topic if unselected, unselects it otherwise.
    pub fn toggle_topic(&mut self, id: &str) {
        if let Some(pos) = self.topics.iter().position(|t| t == id) {
            self.topics.remove(pos);
        } else {
            self.topics.push(id.to_owned());
        }
    }

    /// Selects the verdict if unselected, unselects it otherwise.
    pub fn toggle_verdict(&mut self, verdict: Verdict) {
        if let Some(pos) = self.verdicts.iter().position(|v| *v == verdict) {
            self.verdicts.remove(pos);
        } else {
            self.verdicts.push(verdict);
        }
    }

    /// Clears the search text and every filter.
    pub fn clear(&mut self) {
        *self = Query::default();
    }
}

/// The claims matching a query, in content order (see the module note on ordering).
///
/// Search words are matched against the folded claim, summary, explanation, key numbers
/// (labels, values, notes, chart labels) and the "where sources disagree" note. Every word
/// must occur (as part of a word: "insom" finds "insomnia"), in one of its forms or through
/// the language's synonym list (see [`super::search`]); small words such as "can" or "es" are
/// ignored. Topic filters are OR-ed within their group, verdict filters likewise, and the two
/// groups and the search are AND-ed.
pub fn query<'a>(claims: &'a [Claim], help: &SearchHelp, query: &Query) -> Vec<&'a Claim> {
    let matcher = Matcher::new(&query.text, help);
    claims
        .iter()
        .filter(|c| matcher.matches(c))
        .filter(|c| matches_topics(c, &query.topics))
        .filter(|c| matches_verdicts(c, &query.verdicts))
        .collect()
}

/// The claim with this id, if any.
pub fn claim_by_id<'a>(claims: &'a [Claim], id: &str) -> Option<&'a Claim> {
    claims.iter().find(|c| c.id == id)
}

/// How many claims each chip would show if it were the only selection in its group, given the
/// search and the other group's filters. This is the number a chip shows next to its label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterCounts {
    /// Per topic, in the order given.
    pub topics: Vec<(String, usize)>,
    /// Per verdict, from `myth` to `true`.
    pub verdicts: Vec<(Verdict, usize)>,
}

impl FilterCounts {
    /// The count for a topic id (0 when unknown).
    pub fn topic(&self, id: &str) -> usize {
        self.topics
            .iter()
            .find(|(t, _)| t == id)
            .map_or(0, |(_, n)| *n)
    }

    /// The count for a verdict.
    pub fn verdict(&self, verdict: Verdict) -> usize {
        self.verdicts
            .iter()
            .find(|(v, _)| *v == verdict)
            .map_or(0, |(_, n)| *n)
    }
}

/// Chip counts for a query (see [`FilterCounts`]).
pub fn filter_counts(
    claims: &[Claim],
    topics: &[Topic],
    help: &SearchHelp,
    query: &Query,
) -> FilterCounts {
    let matcher = Matcher::new(&query.text, help);
    let searched: Vec<&Claim> = claims.iter().filter(|c| matcher.matches(c)).collect();
    let topic_counts = topics
        .iter()
        .map(|t| {
            let n = searched
                .iter()
                .filter(|c| matches_verdicts(c, &query.verdicts) && c.topics.contains(&t.id))
                .count();
            (t.id.clone(), n)
        })
        .collect();
    let verdict_counts = Verdict::ALL
        .into_iter()
        .map(|v| {
            let n = searched
                .iter()
                .filter(|c| matches_topics(c, &query.topics) && c.verdict == v)
                .count();
            (v, n)
        })
        .collect();
    FilterCounts {
        topics: topic_counts,
        verdicts: verdict_counts,
    }
}

/// Every searchable text of a claim, folded into one string.
pub fn search_text(claim: &Claim) -> String {
    let mut parts: Vec<&str> = vec![&claim.claim, &claim.summary];
    parts.extend(claim.explanation.iter().map(String::as_str));
    for n in &claim.numbers {
        parts.push(&n.label);
        parts.push(&n.value);
        if let Some(note) = &n.note {
            parts.push(note);
        }
        if let Some(chart) = &n.chart {
            parts.push(&chart.a.label);
            if let Some(b) = &chart.b {
                parts.push(&b.label);
            }
        }
    }
    if let Some(d) = &claim.disagreement {
        parts.push(d);
    }
    fold(&parts.join("\n"))
}

fn matches_topics(claim: &Claim, topics: &[String]) -> bool {
    topics.is_empty() || claim.topics.iter().any(|t| topics.contains(t))
}

fn matches_verdicts(claim: &Claim, verdicts: &[Verdict]) -> bool {
    verdicts.is_empty() || verdicts.contains(&claim.verdict)
}

#[cfg(test)]
mod stored_tests {
    use super::*;
    use crate::content::decode::from_str;
    use crate::content::encode::to_string;
    use crate::content::Envelope;

    #[test]
    fn a_stored_query_is_read_and_written_the_same() {
        // As the release before this reader stored it (session storage, key `kg:main:myths`).
        let text = r#"{"v":1,"data":{"query":{"text":"sleep \"ok\"","topics":["sleep"],"verdicts":["myth","mostly-true"]}}}"#;
        let query = Query {
            text: "sleep \"ok\"".into(),
            topics: vec!["sleep".into()],
            verdicts: vec![Verdict::Myth, Verdict::MostlyTrue],
        };
        let envelope = Envelope {
            v: 1,
            data: Stored::new(query),
        };
        assert_eq!(from_str::<Envelope<Stored>>(text).as_ref(), Ok(&envelope));
        assert_eq!(to_string(&envelope), text);
    }

    #[test]
    fn every_member_of_a_query_may_be_left_out() {
        assert_eq!(from_str::<Query>("{}"), Ok(Query::default()));
        assert_eq!(
            from_str::<Query>(r#"{"verdicts":["true"]}"#),
            Ok(Query {
                verdicts: vec![Verdict::True],
                ..Query::default()
            })
        );
        assert_eq!(
            from_str::<Stored>(r#"{"query":{"verdicts":["Myth"]}}"#),
            Err("query.verdicts[0]: unknown name `Myth`".to_owned())
        );
    }
}
