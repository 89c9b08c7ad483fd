//! The typed content of the myth-versus-evidence explorer (`content/<locale>/myths.toml`).
//!
//! Every word a person reads lives in the TOML; this module only gives it shape. Ids (claims,
//! topics, verdicts, strengths, sources) are stable across locales so links such as
//! `#myths/<claim-id>` keep working after translation.

use crate::content::{load, ContentError, Evidence, Feature, Locale, Source};

pub use super::strings::MythsText;

crate::json_struct! {
impl Decode;
/// Everything the explorer shows, for one locale.
#[derive(Clone, Debug, PartialEq)]
pub struct MythsContent {
    /// Labels, headings and message templates of the explorer.
    pub ui: MythsText,
    /// Words a search ignores, and words people type that the claims do not use.
    pub search: super::search::SearchHelp,
    /// Topics, in the order filter chips list them.
    pub topics: Vec<Topic>,
    /// One entry per verdict step: label, icon and meaning.
    pub verdicts: Vec<VerdictInfo>,
    /// One entry per evidence-strength step: label and meaning.
    pub strengths: Vec<StrengthInfo>,
    /// The claims, in the order the explorer lists them.
    pub claims: Vec<Claim>,
    /// The routes-compared table.
    pub routes: RoutesTable,
    /// Every source a claim, number or route row cites.
    pub sources: Vec<Source>,
}
}

impl MythsContent {
    /// Loads the explorer content for a locale.
    pub fn load(locale: Locale) -> Result<Self, ContentError> {
        load(locale, Feature::Myths)
    }

    /// The claim with this id, if any.
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        crate::myths::claim_by_id(&self.claims, id)
    }

    /// The topic with this id, if any.
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// Label, icon and meaning of a verdict (content validation guarantees one per verdict).
    pub fn verdict_info(&self, verdict: Verdict) -> Option<&VerdictInfo> {
        self.verdicts.iter().find(|v| v.id == verdict)
    }

    /// Label and meaning of an evidence strength.
    pub fn strength_info(&self, strength: Strength) -> Option<&StrengthInfo> {
        self.strengths.iter().find(|s| s.id == strength)
    }

    /// The source with this id, if any.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The sources a list of ids names, in that order; unknown ids are skipped.
    pub fn sources_for<'a>(&'a self, ids: &[String]) -> Vec<&'a Source> {
        ids.iter().filter_map(|id| self.source(id)).collect()
    }

    /// A claim's related claims, in the order the claim lists them; unknown ids are skipped.
    pub fn related_for<'a>(&'a self, claim: &Claim) -> Vec<&'a Claim> {
        claim
            .related
            .iter()
            .filter_map(|id| self.claim(id))
            .collect()
    }

    /// A claim's topics as content entries, in the claim's order.
    pub fn topics_for<'a>(&'a self, claim: &Claim) -> Vec<&'a Topic> {
        claim
            .topics
            .iter()
            .filter_map(|id| self.topic(id))
            .collect()
    }
}

crate::json_struct! {
impl Decode;
/// A filter topic such as `sleep` or `cost`.
#[derive(Clone, Debug, PartialEq)]
pub struct Topic {
    /// Stable id (e.g. `sleep`).
    pub id: String,
    /// Chip label.
    pub label: String,
}
}

/// The fixed five-step verdict scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verdict {
    /// The evidence contradicts the claim.
    Myth,
    /// Mostly contradicted, with a grain of truth.
    MostlyFalse,
    /// True in part, or true for some people only.
    Mixed,
    /// Mostly supported, with caveats.
    MostlyTrue,
    /// Supported by the evidence.
    True,
}

impl Verdict {
    /// Every verdict, from `myth` to `true` (the order chips list them).
    pub const ALL: [Verdict; 5] = [
        Verdict::Myth,
        Verdict::MostlyFalse,
        Verdict::Mixed,
        Verdict::MostlyTrue,
        Verdict::True,
    ];

    /// The stable id, as used in content and in `data-verdict` attributes.
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Myth => "myth",
            Verdict::MostlyFalse => "mostly-false",
            Verdict::Mixed => "mixed",
            Verdict::MostlyTrue => "mostly-true",
            Verdict::True => "true",
        }
    }

    /// The verdict with this id.
    pub fn from_id(id: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.id() == id)
    }
}

/// How strong the evidence behind a verdict is, in the spirit of GRADE.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Strength {
    /// Large trials or an official label; unlikely to change.
    Strong,
    /// Good studies with some gaps.
    Moderate,
    /// Small or uncontrolled studies.
    Limited,
    /// Almost no direct evidence.
    VeryLimited,
}

impl Strength {
    /// Every strength, strongest first.
    pub const ALL: [Strength; 4] = [
        Strength::Strong,
        Strength::Moderate,
        Strength::Limited,
        Strength::VeryLimited,
    ];

    /// The stable id, as used in content and `data-strength` attributes.
    pub fn id(self) -> &'static str {
        match self {
            Strength::Strong => "strong",
            Strength::Moderate => "moderate",
            Strength::Limited => "limited",
            Strength::VeryLimited => "very-limited",
        }
    }
}

crate::json_named!(Verdict, Strength, ChartKind);

crate::json_struct! {
impl Decode;
/// How a verdict is shown: text and icon as well as colour.
#[derive(Clone, Debug, PartialEq)]
pub struct VerdictInfo {
    /// Which verdict this describes.
    pub id: Verdict,
    /// Short label (e.g. "Myth").
    pub label: String,
    /// A glyph shown beside the label (decorative; the label carries the meaning).
    pub icon: String,
    /// One sentence on what the verdict means.
    pub description: String,
}
}

crate::json_struct! {
impl Decode;
/// How an evidence strength is shown.
#[derive(Clone, Debug, PartialEq)]
pub struct StrengthInfo {
    /// Which strength this describes.
    pub id: Strength,
    /// Short label (e.g. "Moderate evidence").
    pub label: String,
    /// One sentence on what the strength means.
    pub description: String,
}
}

crate::json_struct! {
impl Decode;
/// One claim as people say it, with our verdict and the evidence.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// Stable kebab-case id, used in links (`#myths/<id>`).
    pub id: String,
    /// The claim, phrased the way people say it.
    pub claim: String,
    /// Topic ids (at least one).
    pub topics: Vec<String>,
    /// Our verdict.
    pub verdict: Verdict,
    /// How strong the evidence behind the verdict is.
    pub strength: Strength,
    /// One line: the short answer.
    pub summary: String,
    /// The plain-words explanation, one paragraph per entry.
    pub explanation: Vec<String>,
    /// Key numbers, some with a small chart.
    pub numbers: Vec<KeyNumber> = Vec::new(),
    /// Ids of the sources behind the claim (at least one).
    pub sources: Vec<String>,
    /// Ids of related claims.
    pub related: Vec<String> = Vec::new(),
    /// Where sources disagree, said plainly.
    pub disagreement: Option<String> = None,
    /// Every figure in the text, traced to its place in a source (or marked as our own).
    pub evidence: Vec<Evidence> = Vec::new(),
}
}

crate::json_struct! {
impl Decode;
/// A figure behind a verdict: a label, the value as text, and optionally a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyNumber {
    /// What was measured (e.g. "New insomnia in trials").
    pub label: String,
    /// The value in words (e.g. "8 in 100 people, versus 7 in 100 on placebo").
    pub value: String,
    /// A caveat for this number, if it needs one.
    pub note: Option<String> = None,
    /// The sources behind this number (subset of the claim's sources or others in the file).
    pub sources: Vec<String> = Vec::new(),
    /// A small chart of the number.
    pub chart: Option<Chart> = None,
}
}

/// The shape of a small chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    /// Two groups side by side (e.g. esketamine versus placebo).
    Compare,
    /// One measure before and after (e.g. the night before and after an infusion).
    BeforeAfter,
    /// One share of a whole (e.g. 70 in 100), drawn against `out_of`.
    Share,
}

impl ChartKind {
    /// Every shape.
    pub const ALL: [ChartKind; 3] = [ChartKind::Compare, ChartKind::BeforeAfter, ChartKind::Share];

    /// The shape as content writes it.
    pub fn id(self) -> &'static str {
        match self {
            ChartKind::Compare => "compare",
            ChartKind::BeforeAfter => "before-after",
            ChartKind::Share => "share",
        }
    }
}

crate::json_struct! {
impl Decode;
/// A small chart: one or two bars on a common scale.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// Which shape (and which text-alternative template) applies.
    pub kind: ChartKind,
    /// The first bar (the only one for `share`; "before" for `before-after`).
    pub a: Bar,
    /// The second bar ("after" for `before-after`); absent for `share`.
    pub b: Option<Bar> = None,
    /// The whole the bars are drawn against (e.g. 100 for percentages); defaults to the
    /// larger bar.
    pub out_of: Option<f64> = None,
}
}

crate::json_struct! {
impl Decode;
/// One bar of a chart.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bar {
    /// What the bar stands for (e.g. "Esketamine").
    pub label: String,
    /// The value (finite, not negative).
    pub value: f64,
    /// Appended to the value as written: include a leading space for words (" min").
    pub unit: String = String::new(),
}
}

crate::json_struct! {
impl Decode;
/// The routes-compared table (IV, IM, nasal esketamine, oral or under the tongue).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RoutesTable {
    /// One row per route, in display order.
    pub rows: Vec<RouteRow>,
    /// Notes shown under the table (e.g. "prices vary").
    pub notes: Vec<String> = Vec::new(),
    /// Every figure in the text, traced to its place in a source (or marked as our own).
    pub evidence: Vec<Evidence> = Vec::new(),
}
}

crate::json_struct! {
impl Decode;
/// One route of taking ketamine, compared on the same columns as the others.
#[derive(Clone, Debug, PartialEq)]
pub struct RouteRow {
    /// Stable id (e.g. `iv`).
    pub id: String,
    /// Route name (row header).
    pub name: String,
    /// When effects begin.
    pub onset: String,
    /// When effects wear off.
    pub wear_off: String,
    /// Typical number and rhythm of sessions.
    pub sessions: String,
    /// How much of a dose reaches the blood.
    pub bioavailability: String,
    /// Who watches over you, and what is checked.
    pub supervision: String,
    /// Price range as reported.
    pub price: String,
    /// Sources behind this row.
    pub sources: Vec<String>,
    /// Every figure in the text, traced to its place in a source (or marked as our own).
    pub evidence: Vec<Evidence> = Vec::new(),
}
}

impl RouteRow {
    /// The row's cells after the route name, in the same order as
    /// [`MythsText::routes_headers`](super::strings::MythsText::routes_headers) lists headers after the first.
    pub fn cells(&self) -> [&str; 6] {
        [
            &self.onset,
            &self.wear_off,
            &self.sessions,
            &self.bioavailability,
            &self.supervision,
            &self.price,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::decode::from_str;

    #[test]
    fn a_claim_reads_its_members_and_defaults() {
        let text = r#"{"id":"c","claim":"Ketamine is addictive","topics":["safety"],
            "verdict":"mostly-false","strength":"very-limited","summary":"S",
            "explanation":["P1","P2"],"sources":["s"],
            "numbers":[{"label":"Sleep","value":"8 in 100",
                "chart":{"kind":"before-after","a":{"label":"Before","value":8.4},
                         "b":{"label":"After","value":7.25,"unit":" h"},"out_of":10}}]}"#;
        let expected = Claim {
            id: "c".into(),
            claim: "Ketamine is addictive".into(),
            topics: vec!["safety".into()],
            verdict: Verdict::MostlyFalse,
            strength: Strength::VeryLimited,
            summary: "S".into(),
            explanation: vec!["P1".into(), "P2".into()],
            numbers: vec![KeyNumber {
                label: "Sleep".into(),
                value: "8 in 100".into(),
                note: None,
                sources: Vec::new(),
                chart: Some(Chart {
                    kind: ChartKind::BeforeAfter,
                    a: Bar {
                        label: "Before".into(),
                        value: 8.4,
                        unit: String::new(),
                    },
                    b: Some(Bar {
                        label: "After".into(),
                        value: 7.25,
                        unit: " h".into(),
                    }),
                    out_of: Some(10.0),
                }),
            }],
            sources: vec!["s".into()],
            related: Vec::new(),
            disagreement: None,
            evidence: Vec::new(),
        };
        assert_eq!(from_str::<Claim>(text), Ok(expected));
    }

    #[test]
    fn verdicts_strengths_and_charts_read_their_ids_only() {
        for v in Verdict::ALL {
            assert_eq!(from_str::<Verdict>(&format!("\"{}\"", v.id())), Ok(v));
        }
        for s in Strength::ALL {
            assert_eq!(from_str::<Strength>(&format!("\"{}\"", s.id())), Ok(s));
        }
        for k in ChartKind::ALL {
            assert_eq!(from_str::<ChartKind>(&format!("\"{}\"", k.id())), Ok(k));
        }
        assert_eq!(
            from_str::<Verdict>(r#""Myth""#),
            Err("unknown name `Myth`".to_owned())
        );
        let bar = r#"{"label":"x","value":"8"}"#;
        assert_eq!(
            from_str::<Bar>(bar),
            Err("value: expected a number".to_owned())
        );
    }

    #[test]
    fn every_locale_loads_and_a_stray_member_is_refused() {
        for &locale in Locale::ALL {
            assert!(MythsContent::load(locale).is_ok(), "{locale:?}");
        }
        let text = crate::content::raw(Locale::En, Feature::Myths).expect("myths text");
        let mut value: serde_json::Value = serde_json::from_str(text).expect("JSON");
        value["claims"][0]["numbers"][0]["colour"] = "red".into();
        assert_eq!(
            from_str::<MythsContent>(&value.to_string()),
            Err("claims[0].numbers[0]: unknown or repeated member `colour`".to_owned())
        );
    }
}
