//! The evidence ledger: every figure in medical and cost text, traced to the place in a source
//! where it stands, or marked as the project's own assumption.
//!
//! Entries live beside the text they trace (`[[claims.evidence]]`, `[[rules.evidence]]`, …), so
//! whoever edits a sentence sees its figures' sources. [`untraced`] is what the ledger test runs
//! over every such text: a figure without an entry, or an entry whose figure the text no longer
//! contains, fails the build's tests.

crate::json_struct! {
impl Decode;
/// One figure of a text and where it comes from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Evidence {
    /// The figure exactly as the text writes it (e.g. `8 in 100`, `$590 to $885`).
    pub figure: String,
    /// The source's id in the bibliography (`content/<locale>/sources.toml`); absent for our
    /// own assumptions.
    pub source: Option<String> = None,
    /// Where in the source the figure stands: a table, figure, section, page, or "Abstract".
    pub place: Option<String> = None,
    /// The source's own figure, as close to its words as possible (kept in the source's
    /// language).
    pub says: Option<String> = None,
    /// The figure is the project's own assumption (an example rate, a default), not a
    /// published figure; shown as such.
    pub own: bool = false,
}
}

impl Evidence {
    /// Why this entry is malformed, if it is: a traced figure names its source, the place in
    /// it and what it says; an assumption names none of them.
    pub fn problem(&self) -> Option<&'static str> {
        let filled = |s: &Option<String>| s.as_deref().is_some_and(|t| !t.trim().is_empty());
        if self.figure.trim().is_empty() {
            return Some("has no figure");
        }
        let parts = [&self.source, &self.place, &self.says];
        match (
            self.own,
            parts.iter().all(|p| filled(p)),
            parts.iter().any(|p| p.is_some()),
        ) {
            (false, true, _) => None,
            (false, false, _) => Some("needs a source, a place and what the source says"),
            (true, _, false) => None,
            (true, _, true) => Some("is marked as our own assumption but also names a source"),
        }
    }
}

/// The byte ranges of the numbers in a text: runs of digits, with the separators that join
/// digits inside one number (`1,500`, `3.5`, `0.5`).
pub fn numbers_in(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() {
            let joins = matches!(bytes[i], b',' | b'.')
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                && i > start;
            if bytes[i].is_ascii_digit() || joins {
                i += 1;
            } else {
                break;
            }
        }
        out.push((start, i));
    }
    out
}

/// What the ledger test reports for one text and its entries: each number of the text that no
/// entry's figure covers, and each entry whose figure the text does not contain.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Untraced {
    /// Numbers in the text with no entry (as written, with a little context).
    pub figures: Vec<String>,
    /// Entries' figures that the text does not contain.
    pub entries: Vec<String>,
}

impl Untraced {
    /// Nothing to report.
    pub fn is_empty(&self) -> bool {
        self.figures.is_empty() && self.entries.is_empty()
    }
}

/// Checks a text against its entries: every number must lie inside an occurrence of some
/// entry's figure, and every entry's figure must occur in the text.
pub fn untraced(text: &str, entries: &[Evidence]) -> Untraced {
    let mut covered: Vec<(usize, usize)> = Vec::new();
    let mut report = Untraced::default();
    for e in entries {
        let found: Vec<(usize, usize)> = text
            .match_indices(e.figure.as_str())
            .map(|(at, f)| (at, at + f.len()))
            .collect();
        if found.is_empty() || e.figure.is_empty() {
            report.entries.push(e.figure.clone());
        }
        covered.extend(found);
    }
    for (start, end) in numbers_in(text) {
        if !covered.iter().any(|&(s, e)| s <= start && end <= e) {
            report.figures.push(context(text, start, end));
        }
    }
    report
}

/// The number with a few characters either side, for a readable test failure.
fn context(text: &str, start: usize, end: usize) -> String {
    let from = text[..start]
        .char_indices()
        .rev()
        .nth(11)
        .map_or(0, |(i, _)| i);
    let to = text[end..]
        .char_indices()
        .nth(12)
        .map_or(text.len(), |(i, _)| end + i);
    format!("…{}…", &text[from..to])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn traced(figure: &str) -> Evidence {
        Evidence {
            figure: figure.into(),
            source: Some("s".into()),
            place: Some("Table 2".into()),
            says: Some("8.4% vs 7.2%".into()),
            own: false,
        }
    }

    #[test]
    fn numbers_keep_their_thousands_and_decimal_separators() {
        let text = "About 1,500 people, 3.5% of them, in 2023. Done.";
        let found: Vec<&str> = numbers_in(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(found, ["1,500", "3.5", "2023"]);
    }

    #[test]
    fn a_sentence_ending_after_a_number_does_not_join_the_next() {
        let text = "It was 8. 7 more.";
        let found: Vec<&str> = numbers_in(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(found, ["8", "7"]);
    }

    #[test]
    fn every_number_needs_an_entry_that_covers_it() {
        let text = "8 in 100 on esketamine, versus 7 in 100 on placebo.";
        let report = untraced(text, &[traced("8 in 100")]);
        assert_eq!(report.figures.len(), 2, "7 and the second 100: {report:?}");
        assert!(report.entries.is_empty());
        let all = [traced("8 in 100"), traced("7 in 100")];
        assert!(untraced(text, &all).is_empty());
    }

    #[test]
    fn an_entry_whose_figure_left_the_text_is_reported() {
        let report = untraced("No numbers now.", &[traced("70 in 100")]);
        assert_eq!(report.entries, ["70 in 100"]);
    }

    #[test]
    fn a_figure_shorter_than_the_number_does_not_cover_it() {
        // "15" must not pass for "1,500".
        let report = untraced("Up to $1,500 each.", &[traced("1")]);
        assert_eq!(report.figures.len(), 1);
    }

    #[test]
    fn entries_are_either_traced_or_our_own() {
        assert_eq!(traced("8").problem(), None);
        let own = Evidence {
            figure: "22%".into(),
            own: true,
            ..Evidence::default()
        };
        assert_eq!(own.problem(), None);
        let half = Evidence {
            place: None,
            ..traced("8")
        };
        assert!(half.problem().is_some());
        let both = Evidence {
            own: true,
            ..traced("8")
        };
        assert!(both.problem().is_some());
    }
}
