//! The person's answers to "What matters to you", the self-check's optional values step: for
//! each value they answered (`[[values]]` of options.toml), how much it matters to them (a
//! `[[weights]]` id). Kept in the browser beside the self-check's answers, under a key of its
//! own ([`STORE`]), with its own schema version.
//!
//! They are shown beside the options and in the provider summary, and go nowhere else: the
//! self-check's assessment never reads them, and nothing here scores, ranks or picks an option.
//! `tests/values.rs` holds both.

use super::OptionsContent;
use crate::content::decode::{Decode, Json};
use crate::content::encode::Encode;
use crate::content::id_map::IdMap;

/// Storage name of the values inside the widget's scope (`kg:<instance>:values`).
pub const STORE: &str = "values";

/// Schema version of the stored values: a stored value of another version is dropped, with the
/// same notice as unreadable answers.
pub const VERSION: u32 = 1;

/// How much each answered value matters: weight id by value id. Values left unanswered are
/// simply absent (the step is optional).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Values(IdMap<String>);

impl Values {
    /// Nothing answered.
    pub fn new() -> Self {
        Self::default()
    }

    /// The weight id given to a value, if any.
    pub fn weight(&self, value: &str) -> Option<&str> {
        self.0.get(value).map(String::as_str)
    }

    /// These values with `value` weighted `weight` (replacing an earlier answer).
    pub fn with(mut self, value: &str, weight: &str) -> Self {
        self.0.insert(value.to_owned(), weight.to_owned());
        self
    }

    /// Whether nothing is answered.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The answers as (value id, weight id), in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(v, w)| (v, w.as_str()))
    }
}

/// Stored as a JSON object of weight ids by value id: `{"relief-soon":"very"}`.
impl Encode for Values {
    fn encode(&self, out: &mut String) {
        self.0.encode(out);
    }
}

impl Decode for Values {
    fn decode(v: &Json) -> Result<Self, String> {
        IdMap::decode(v).map(Values)
    }
}

/// One answered value, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueLine<'a> {
    /// The value's id.
    pub id: &'a str,
    /// What it is ("Feeling better soon").
    pub label: &'a str,
    /// How much it matters ("Very important").
    pub weight: &'a str,
    /// The comparison column it relates to.
    pub column: &'a str,
    /// Weighted above the lowest weight ("Not important"): its column is marked.
    pub matters: bool,
}

impl OptionsContent {
    /// The answered values in the content's order, in words. A value or weight id the content
    /// does not know (stored by an earlier version of the content) is left out.
    pub fn value_lines(&self, values: &Values) -> Vec<ValueLine<'_>> {
        let lowest = self.weights.first().map(|w| w.id.as_str());
        self.values
            .iter()
            .filter_map(|v| {
                let weight = values.weight(&v.id)?;
                let w = self.weights.iter().find(|w| w.id == weight)?;
                Some(ValueLine {
                    id: &v.id,
                    label: &v.label,
                    weight: &w.label,
                    column: &v.column,
                    matters: Some(weight) != lowest,
                })
            })
            .collect()
    }

    /// For each column, in order, the labels of the answered values that relate to it and
    /// matter to the person: the comparison marks those columns, for every option alike.
    pub fn matters<'a>(&'a self, values: &Values) -> Vec<Vec<&'a str>> {
        let lines = self.value_lines(values);
        self.columns
            .iter()
            .map(|col| {
                lines
                    .iter()
                    .filter(|l| l.matters && l.column == col.id)
                    .map(|l| l.label)
                    .collect()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::decode::from_str;
    use crate::content::encode::to_string;
    use crate::content::{Envelope, Locale};

    #[test]
    fn values_are_stored_and_read_back_the_same() {
        let values = Values::new()
            .with("relief-soon", "very")
            .with("total-cost", "somewhat")
            .with("relief-soon", "not-important");
        let stored = to_string(&Envelope {
            v: VERSION,
            data: &values,
        });
        assert_eq!(
            stored,
            r#"{"v":1,"data":{"relief-soon":"not-important","total-cost":"somewhat"}}"#
        );
        let read = from_str::<Envelope<Values>>(&stored).expect("read");
        assert_eq!((read.v, read.data), (VERSION, values));
    }

    #[test]
    fn unreadable_stored_values_are_refused() {
        for text in [
            r#"{"v":1,"data":["relief-soon","very"]}"#,
            r#"{"v":1,"data":{"relief-soon":3}}"#,
            r#"{"v":1,"data":"very"}"#,
            "{",
        ] {
            assert!(from_str::<Envelope<Values>>(text).is_err(), "{text}");
        }
    }

    #[test]
    fn answered_values_read_in_content_order_and_unknown_ids_are_left_out() {
        let c = OptionsContent::load(Locale::En).expect("options.toml");
        let values = Values::new()
            .with("total-cost", "very")
            .with("relief-soon", "not-important")
            .with("no-such-value", "very")
            .with("works", "no-such-weight");
        let lines = c.value_lines(&values);
        let shown: Vec<(&str, &str, bool)> = lines
            .iter()
            .map(|l| (l.label, l.weight, l.matters))
            .collect();
        assert_eq!(
            shown,
            [
                ("Feeling better soon", "Not important", false),
                ("Keeping the total cost low", "Very important", true),
            ]
        );
        let marked: Vec<(&str, Vec<&str>)> = c
            .columns
            .iter()
            .map(|col| col.id.as_str())
            .zip(c.matters(&values))
            .filter(|(_, labels)| !labels.is_empty())
            .collect();
        assert_eq!(marked, [("cost", vec!["Keeping the total cost low"])]);
    }
}
