//! The options a person with depression that has not improved actually has, compared in equal
//! detail (`content/<locale>/options.toml`): another medicine, talk therapy, ECT, TMS,
//! esketamine, IV or IM ketamine, ketamine at home, and staying with current treatment. Each has
//! the same headings (how well it works, harms, time, cost, what is not known), frequencies "out
//! of 100" where evidence gives them, and, for the ketamine routes, what a session, the hours
//! after it and a course are like.
//!
//! Also the "what matters to you" items of the self-check's values step: each names the column
//! of the comparison it relates to, so answers are shown beside the options ([`values`]).
//! Nothing here scores, ranks or recommends an option.

pub mod values;

pub use values::{ValueLine, Values};

use crate::content::{load, ContentError, Evidence, Feature, Locale, Source};

crate::json_struct! {
impl Decode;
/// The comparison and the values step, for one locale.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionsContent {
    /// Headings, captions and labels.
    pub ui: OptionsText,
    /// The columns of the comparison, in order.
    pub columns: Vec<Column>,
    /// The options, in the order the table lists them (no order of merit).
    pub options: Vec<TreatmentOption>,
    /// What a person may say matters to them (the values step).
    pub values: Vec<ValueItem>,
    /// How much each value matters (the answers of the values step), least first.
    pub weights: Vec<Weight>,
    /// Every source an option cites.
    pub sources: Vec<Source>,
}
}

crate::json_struct! {
impl Decode;
/// Labels of the comparison and of the values step.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OptionsText {
    /// The comparison's heading.
    pub heading: String,
    /// What the comparison is and how to read its numbers.
    pub intro: Vec<String>,
    /// The table's caption.
    pub caption: String,
    /// Header of the first column (the option's name).
    pub option_header: String,
    /// "What it is like" (the ketamine routes' session, hours after and course).
    pub like_heading: String,
    /// "A session".
    pub session: String,
    /// "The hours after".
    pub after: String,
    /// "A course".
    pub course: String,
    /// Marks a column one of the person's values relates to ("Matters to you").
    pub matters: String,
    /// Heading of the person's values beside the comparison and in the summary.
    pub values_heading: String,
    /// The values step's legend.
    pub values_legend: String,
    /// The values step's hint: optional, and never used to pick an option.
    pub values_hint: String,
    /// Sources heading.
    pub sources_heading: String,
    /// Link from the self-check's result and the explorer to the comparison.
    pub link: String,
    /// The self-check result's disclosure that holds the comparison.
    pub compare: String,
    /// The values step's button that clears its answers.
    pub values_clear: String,
}
}

crate::json_struct! {
impl Decode;
/// A column of the comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// Stable id: `benefit`, `harms`, `time`, `cost`, `unknown`.
    pub id: String,
    /// The column header.
    pub label: String,
}
}

crate::json_struct! {
impl Decode;
/// One option, described under every column.
#[derive(Clone, Debug, PartialEq)]
pub struct TreatmentOption {
    /// Stable id (`data-option`).
    pub id: String,
    /// Its name.
    pub name: String,
    /// One line on what it is.
    pub what: String,
    /// How well it works.
    pub benefit: Vec<String>,
    /// Side effects and risks.
    pub harms: Vec<String>,
    /// Time: how soon it can help, visits, how long a course lasts.
    pub time: Vec<String>,
    /// Cost and insurance.
    pub cost: Vec<String>,
    /// What is not known.
    pub unknown: Vec<String>,
    /// What it is like (ketamine routes): a session, the hours after, a course.
    pub like: Option<Like> = None,
    /// Source ids behind the text.
    pub sources: Vec<String>,
    /// Every figure of the text, traced.
    pub evidence: Vec<Evidence> = Vec::new(),
}
}

impl TreatmentOption {
    /// The texts under a column id.
    pub fn cell(&self, column: &str) -> &[String] {
        match column {
            "benefit" => &self.benefit,
            "harms" => &self.harms,
            "time" => &self.time,
            "cost" => &self.cost,
            "unknown" => &self.unknown,
            _ => &[],
        }
    }

    /// Every text of the option (for the evidence ledger and readability checks).
    pub fn texts(&self) -> Vec<&str> {
        let mut out = vec![self.name.as_str(), self.what.as_str()];
        for list in [
            &self.benefit,
            &self.harms,
            &self.time,
            &self.cost,
            &self.unknown,
        ] {
            out.extend(list.iter().map(String::as_str));
        }
        if let Some(like) = &self.like {
            for list in [&like.session, &like.after, &like.course] {
                out.extend(list.iter().map(String::as_str));
            }
        }
        out
    }
}

crate::json_struct! {
impl Decode;
/// What one treatment is like, physically, emotionally and practically.
#[derive(Clone, Debug, PartialEq)]
pub struct Like {
    /// A session.
    pub session: Vec<String>,
    /// The hours after it (recovery, getting home, driving).
    pub after: Vec<String>,
    /// A course (how many sessions, over how long, travel, time off, who is present).
    pub course: Vec<String>,
}
}

crate::json_struct! {
impl Decode;
/// Something that may matter to a person choosing (relief soon, total cost, …).
#[derive(Clone, Debug, PartialEq)]
pub struct ValueItem {
    /// Stable id, stored with the answers.
    pub id: String,
    /// What it is, as the person would say it.
    pub label: String,
    /// The comparison column it relates to.
    pub column: String,
}
}

crate::json_struct! {
impl Decode;
/// How much a value matters (an answer of the values step).
#[derive(Clone, Debug, PartialEq)]
pub struct Weight {
    /// Stable id, stored with the answers.
    pub id: String,
    /// Its label.
    pub label: String,
}
}

impl OptionsContent {
    /// Loads the comparison for a locale.
    pub fn load(locale: Locale) -> Result<Self, ContentError> {
        load(locale, Feature::Options)
    }

    /// The source with this id, if any.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// What is wrong with the content's cross-references, in words (empty when nothing is).
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let columns: Vec<&str> = self.columns.iter().map(|c| c.id.as_str()).collect();
        if columns != ["benefit", "harms", "time", "cost", "unknown"] {
            out.push(format!(
                "columns must be benefit, harms, time, cost, unknown: {columns:?}"
            ));
        }
        for o in &self.options {
            for (column, cell) in columns.iter().map(|c| (c, o.cell(c))) {
                if cell.is_empty() {
                    out.push(format!("option `{}` says nothing under `{column}`", o.id));
                }
            }
            if o.sources.is_empty() {
                out.push(format!("option `{}` cites no source", o.id));
            }
            for s in &o.sources {
                if self.source(s).is_none() {
                    out.push(format!("option `{}` cites unknown source `{s}`", o.id));
                }
            }
        }
        for v in &self.values {
            if !columns.contains(&v.column.as_str()) {
                out.push(format!(
                    "value `{}` names unknown column `{}`",
                    v.id, v.column
                ));
            }
        }
        if self.weights.len() < 2 {
            out.push("the values step needs at least two weights".into());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_compares_every_option_under_every_heading() {
        for &locale in Locale::ALL {
            let c = OptionsContent::load(locale).expect("options.toml loads");
            assert_eq!(c.problems(), Vec::<String>::new(), "{locale:?}");
            let ids: Vec<&str> = c.options.iter().map(|o| o.id.as_str()).collect();
            for id in [
                "medicine",
                "therapy",
                "ect",
                "tms",
                "esketamine",
                "iv-im-ketamine",
                "home-ketamine",
            ] {
                assert!(ids.contains(&id), "{locale:?}: no `{id}` option");
            }
            for ketamine in ["esketamine", "iv-im-ketamine", "home-ketamine"] {
                let o = c.options.iter().find(|o| o.id == ketamine).expect("option");
                assert!(
                    o.like.is_some(),
                    "{locale:?}: `{ketamine}` says what it is like"
                );
            }
        }
    }
}
