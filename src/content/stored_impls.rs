//! [`Encode`] and [`Decode`] for the values kept in browser storage (the cost plan and
//! prices, the myths query, the quiz state), mirroring each type's serde attributes so the
//! text is serde_json's and what serde refused is refused: `deny_unknown_fields`, repeated
//! keys, the `try_from` checks. Native tests compare both ways against serde.

use super::decode::{unit, Decode, Fields, Json};
use super::encode::{Encode, Obj};
use crate::cost::saved::Saved;
use crate::cost::{
    Bps, Cents, Coverage, DevicesPerDose, EsketaminePrices, Extra, Extras, Hsa, Insurance,
    InsurerKind, Maintenance, Plan, PriceBook, Range, Route, Savings,
};
use crate::encode_struct;
use crate::myths::query::Stored;
use crate::myths::{Query, Verdict};
use crate::quiz::answers::{Answer, Answers};
use crate::quiz::flow::{QuizState, Step};

/// What browser storage holds: `{"v":version,"data":value}`, as serde wrote it for this
/// struct (before it was hand-written).
#[derive(Debug, PartialEq)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct Envelope<T> {
    /// The value's schema version.
    pub v: u32,
    /// The value.
    pub data: T,
}

impl<T: Encode> Encode for Envelope<T> {
    fn encode(&self, out: &mut String) {
        Obj::start(out)
            .field("v", &self.v)
            .field("data", &self.data)
            .end();
    }
}

impl<T: Decode> Decode for Envelope<T> {
    fn decode(v: &Json) -> Result<Self, String> {
        // Other members are ignored, a repeated one refused (no `deny_unknown_fields`).
        let f = Fields::checked(v, &["v", "data"], false)?;
        Ok(Envelope {
            v: f.req("v")?,
            data: f.req("data")?,
        })
    }
}

encode_struct! {
    Maintenance { enabled, per_month, months }
    Insurance { coverage, insurer, deductible_left, oop_max }
    Savings { enabled, per_treatment, annual_cap }
    Hsa { enabled, tax_rate }
    Extra { enabled, amount }
    Extras { evaluation, integration, integration_sessions, bp_cuff, travel, driver, time_off }
    Plan { route, induction_sessions, maintenance, insurance, savings, hsa, extras }
    Range { low, typical, high }
    EsketaminePrices { device, devices_per_dose, observation }
    PriceBook { iv, im, oral, esketamine }
    Query { text, topics, verdicts }
    Stored { query }
    Saved { plan, book, texts, covered, copay }
    QuizState { schema_version, answers, drafts, step, returning, show_errors, help_first }
}

/// Structs whose fields are all required and named as declared; `deny` for
/// `deny_unknown_fields`.
macro_rules! decode_struct {
    ($($ty:ident ($deny:literal) { $($field:ident),* $(,)? })*) => {$(
        impl Decode for $ty {
            fn decode(v: &Json) -> Result<Self, String> {
                let f = Fields::checked(v, &[$(stringify!($field)),*], $deny)?;
                Ok($ty { $($field: f.req(stringify!($field))?),* })
            }
        }
    )*};
}

decode_struct! {
    Maintenance (true) { enabled, per_month, months }
    Savings (true) { enabled, per_treatment, annual_cap }
    Hsa (true) { enabled, tax_rate }
    Extra (true) { enabled, amount }
    Extras (true) {
        evaluation, integration, integration_sessions, bp_cuff, travel, driver, time_off,
    }
    Plan (true) { route, induction_sessions, maintenance, insurance, savings, hsa, extras }
    Range (false) { low, typical, high }
    EsketaminePrices (true) { device, devices_per_dose, observation }
    PriceBook (true) { iv, im, oral, esketamine }
    Saved (true) { plan, book, texts, covered, copay }
    Stored (true) { query }
}

impl Decode for Insurance {
    fn decode(v: &Json) -> Result<Self, String> {
        let names = ["coverage", "insurer", "deductible_left", "oop_max"];
        let f = Fields::checked(v, &names, true)?;
        Ok(Insurance {
            coverage: f.req("coverage")?,
            insurer: f.req("insurer")?,
            deductible_left: f.req("deductible_left")?,
            // serde reads a missing `Option` field as `None`.
            oop_max: f.opt("oop_max")?,
        })
    }
}

impl Encode for Route {
    fn encode(&self, out: &mut String) {
        self.id().encode(out);
    }
}

impl Encode for Verdict {
    fn encode(&self, out: &mut String) {
        self.id().encode(out);
    }
}

const INSURERS: [(&str, InsurerKind); 5] = [
    ("commercial", InsurerKind::Commercial),
    ("medicare", InsurerKind::Medicare),
    ("medicaid", InsurerKind::Medicaid),
    ("tricare", InsurerKind::Tricare),
    ("va", InsurerKind::Va),
];

impl Encode for InsurerKind {
    fn encode(&self, out: &mut String) {
        let name = INSURERS.iter().find(|(_, k)| k == self).map(|(n, _)| *n);
        name.unwrap_or("commercial").encode(out);
    }
}

impl Decode for InsurerKind {
    fn decode(v: &Json) -> Result<Self, String> {
        unit(v, &INSURERS)
    }
}

/// `try_from = "u8", into = "u8"`.
impl Encode for DevicesPerDose {
    fn encode(&self, out: &mut String) {
        self.count().encode(out);
    }
}

impl Decode for DevicesPerDose {
    fn decode(v: &Json) -> Result<Self, String> {
        DevicesPerDose::try_from(u8::decode(v)?).map_err(|e| {
            let mut out = String::from(": ");
            out.push_str(e);
            out
        })
    }
}

/// `transparent`.
impl Encode for Cents {
    fn encode(&self, out: &mut String) {
        self.get().encode(out);
    }
}

impl Decode for Cents {
    fn decode(v: &Json) -> Result<Self, String> {
        u64::decode(v).map(Cents)
    }
}

/// `transparent` out; in, a `u32` of at most 10 000 (the custom `Deserialize`).
impl Encode for Bps {
    fn encode(&self, out: &mut String) {
        self.get().encode(out);
    }
}

impl Decode for Bps {
    fn decode(v: &Json) -> Result<Self, String> {
        Bps::new(u32::decode(v)?).ok_or_else(|| ": percentage above 100%".to_owned())
    }
}

/// `tag = "kind", rename_all = "snake_case", deny_unknown_fields`.
impl Encode for Coverage {
    fn encode(&self, out: &mut String) {
        let obj = Obj::start(out);
        match self {
            Coverage::None => obj.field("kind", "none"),
            Coverage::Percent { covered } => obj.field("kind", "percent").field("covered", covered),
            Coverage::Copay { per_session } => {
                obj.field("kind", "copay").field("per_session", per_session)
            }
        }
        .end();
    }
}

impl Decode for Coverage {
    fn decode(v: &Json) -> Result<Self, String> {
        // serde also reads an internally tagged enum from a list: the tag, then the
        // variant's fields in order.
        if let Json::Arr(items) = v {
            return match items.as_slice() {
                [Json::Str(tag), rest @ ..] => match (tag.as_str(), rest) {
                    ("none", []) => Ok(Coverage::None),
                    ("percent", [covered]) => Ok(Coverage::Percent {
                        covered: Bps::decode(covered)?,
                    }),
                    ("copay", [per_session]) => Ok(Coverage::Copay {
                        per_session: Cents::decode(per_session)?,
                    }),
                    ("none" | "percent" | "copay", _) => Err(": invalid length".to_owned()),
                    (other, _) => Err(unknown_variant(other)),
                },
                _ => Err(": expected a variant name".to_owned()),
            };
        }
        // serde finds the tag anywhere in the object, once. A unit variant ignores the
        // other members; a struct variant reads them with `deny_unknown_fields`.
        let f = Fields::checked(v, &["kind"], false)?;
        let variant = match f.get("kind") {
            Some(Json::Str(s)) => s.as_str(),
            Some(_) => return Err(": expected a variant name".to_owned()),
            None => return Err(": missing field `kind`".to_owned()),
        };
        match variant {
            "none" => Ok(Coverage::None),
            "percent" => {
                let f = Fields::checked(v, &["kind", "covered"], true)?;
                Ok(Coverage::Percent {
                    covered: f.req("covered")?,
                })
            }
            "copay" => {
                let f = Fields::checked(v, &["kind", "per_session"], true)?;
                Ok(Coverage::Copay {
                    per_session: f.req("per_session")?,
                })
            }
            other => Err(unknown_variant(other)),
        }
    }
}

fn unknown_variant(name: &str) -> String {
    let mut e = String::from(": unknown variant `");
    e.push_str(name);
    e.push('`');
    e
}

/// `default, deny_unknown_fields`.
impl Decode for Query {
    fn decode(v: &Json) -> Result<Self, String> {
        let f = Fields::checked(v, &["text", "topics", "verdicts"], true)?;
        Ok(Query {
            text: f.or_default("text")?,
            topics: f.or_default("topics")?,
            verdicts: f.or_default("verdicts")?,
        })
    }
}

/// `untagged`: a name, a list of names, a number or `null`.
impl Encode for Answer {
    fn encode(&self, out: &mut String) {
        match self {
            Answer::Choice(id) => id.encode(out),
            Answer::Choices(ids) => ids.encode(out),
            Answer::Number(n) => n.encode(out),
            Answer::Skipped => out.push_str("null"),
        }
    }
}

impl Decode for Answer {
    fn decode(v: &Json) -> Result<Self, String> {
        // serde tries each variant in order; the first that fits wins.
        match v {
            Json::Null => Ok(Answer::Skipped),
            Json::Str(s) => Ok(Answer::Choice(s.clone())),
            Json::Arr(_) => Vec::decode(v).map(Answer::Choices),
            Json::Uint(_) => u32::decode(v).map(Answer::Number),
            _ => Err(": data did not match any variant of untagged enum Answer".to_owned()),
        }
        .map_err(|_| ": data did not match any variant of untagged enum Answer".to_owned())
    }
}

/// `transparent`.
impl Encode for Answers {
    fn encode(&self, out: &mut String) {
        self.0.encode(out);
    }
}

impl Decode for Answers {
    fn decode(v: &Json) -> Result<Self, String> {
        Decode::decode(v).map(Answers)
    }
}

/// `rename_all = "lowercase"`, externally tagged.
impl Encode for Step {
    fn encode(&self, out: &mut String) {
        match self {
            Step::Question(id) => Obj::start(out).field("question", id).end(),
            Step::Review => "review".encode(out),
            Step::Result => "result".encode(out),
        }
    }
}

impl Decode for Step {
    fn decode(v: &Json) -> Result<Self, String> {
        // A bare name, or an object of exactly one member: the name and its content
        // (`null` for the unit variants).
        let (name, content) = match v {
            Json::Str(s) => (s.as_str(), None),
            Json::Obj(members) => match members.as_slice() {
                [(name, content)] => (name.as_str(), Some(content)),
                _ => return Err(": expected a map with a single key".to_owned()),
            },
            _ => return Err(": expected a step".to_owned()),
        };
        match (name, content) {
            ("question", Some(id)) => String::decode(id).map(Step::Question),
            ("review", None | Some(Json::Null)) => Ok(Step::Review),
            ("result", None | Some(Json::Null)) => Ok(Step::Result),
            _ => {
                let mut e = String::from(": invalid step `");
                e.push_str(name);
                e.push('`');
                Err(e)
            }
        }
    }
}

/// `deny_unknown_fields`, four members `default`.
impl Decode for QuizState {
    fn decode(v: &Json) -> Result<Self, String> {
        let names = [
            "schema_version",
            "answers",
            "drafts",
            "step",
            "returning",
            "show_errors",
            "help_first",
        ];
        let f = Fields::checked(v, &names, true)?;
        Ok(QuizState {
            schema_version: f.req("schema_version")?,
            answers: f.req("answers")?,
            drafts: f.or_default("drafts")?,
            step: f.req("step")?,
            returning: f.or_default("returning")?,
            show_errors: f.or_default("show_errors")?,
            help_first: f.or_default("help_first")?,
        })
    }
}
