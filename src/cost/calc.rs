//! "How we calculated this": each step of an estimate as a template key plus typed numbers,
//! so the UI can show the arithmetic in the reader's language with `Intl`-formatted money.

use super::money::{Bps, Cents};
use std::collections::BTreeMap;

/// Which calculation step a line shows. The template is `[ui.calc].<key>` in the content,
/// with `{placeholders}` named by the line's [`Arg`]s.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CalcKey {
    /// devices × price per device + observation fee = price per treatment.
    EsketaminePrice,
    /// Starting course: sessions × price = total.
    Induction,
    /// Boosters: per month × months = sessions × price = total.
    Maintenance,
    /// No insurance counted: you pay the whole treatment cost.
    NoInsurance,
    /// The part you pay toward the deductible.
    Deductible,
    /// Coinsurance on what is left after the deductible.
    Coinsurance,
    /// Copays on the sessions after the deductible.
    Copay,
    /// The out-of-pocket maximum lowered what you pay.
    OopCap,
    /// What the insurance plan pays.
    InsurancePays,
    /// The manufacturer savings programme lowered what you pay.
    Savings,
    /// Savings programme asked for, but it cannot apply to this plan.
    SavingsNotApplied,
    /// First evaluation.
    Evaluation,
    /// Integration therapy sessions × price.
    Integration,
    /// Blood-pressure cuff.
    BpCuff,
    /// Travel per visit × visits.
    Travel,
    /// Driver per visit × visits.
    Driver,
    /// Time off work per session × sessions.
    TimeOff,
    /// Total you pay.
    Total,
    /// HSA/FSA: tax saved on what can be paid pre-tax.
    Hsa,
    /// Total ÷ months.
    PerMonth,
}

impl CalcKey {
    /// Every key (tests check that each has a template whose placeholders match).
    pub const ALL: [CalcKey; 20] = [
        CalcKey::EsketaminePrice,
        CalcKey::Induction,
        CalcKey::Maintenance,
        CalcKey::NoInsurance,
        CalcKey::Deductible,
        CalcKey::Coinsurance,
        CalcKey::Copay,
        CalcKey::OopCap,
        CalcKey::InsurancePays,
        CalcKey::Savings,
        CalcKey::SavingsNotApplied,
        CalcKey::Evaluation,
        CalcKey::Integration,
        CalcKey::BpCuff,
        CalcKey::Travel,
        CalcKey::Driver,
        CalcKey::TimeOff,
        CalcKey::Total,
        CalcKey::Hsa,
        CalcKey::PerMonth,
    ];

    /// The key of the template in `[ui.calc]`.
    pub const fn id(self) -> &'static str {
        match self {
            CalcKey::EsketaminePrice => "esketamine_price",
            CalcKey::Induction => "induction",
            CalcKey::Maintenance => "maintenance",
            CalcKey::NoInsurance => "no_insurance",
            CalcKey::Deductible => "deductible",
            CalcKey::Coinsurance => "coinsurance",
            CalcKey::Copay => "copay",
            CalcKey::OopCap => "oop_cap",
            CalcKey::InsurancePays => "insurance_pays",
            CalcKey::Savings => "savings",
            CalcKey::SavingsNotApplied => "savings_not_applied",
            CalcKey::Evaluation => "evaluation",
            CalcKey::Integration => "integration",
            CalcKey::BpCuff => "bp_cuff",
            CalcKey::Travel => "travel",
            CalcKey::Driver => "driver",
            CalcKey::TimeOff => "time_off",
            CalcKey::Total => "total",
            CalcKey::Hsa => "hsa",
            CalcKey::PerMonth => "per_month",
        }
    }

    /// The placeholder names a line of this kind always carries, in order.
    pub const fn arg_names(self) -> &'static [&'static str] {
        match self {
            CalcKey::EsketaminePrice => &["devices", "device_price", "observation", "price"],
            CalcKey::Induction => &["count", "price", "total"],
            CalcKey::Maintenance => &["per_month", "months", "count", "price", "total"],
            CalcKey::NoInsurance => &["total"],
            CalcKey::Deductible => &["amount"],
            CalcKey::Coinsurance => &["covered", "amount", "share"],
            CalcKey::Copay => &["count", "copay", "share"],
            CalcKey::OopCap => &["max", "before", "after"],
            CalcKey::InsurancePays => &["amount"],
            CalcKey::Savings => &["per_treatment", "cap", "saving"],
            CalcKey::SavingsNotApplied => &[],
            CalcKey::Evaluation | CalcKey::BpCuff => &["amount"],
            CalcKey::Integration | CalcKey::Travel | CalcKey::Driver | CalcKey::TimeOff => {
                &["count", "price", "total"]
            }
            CalcKey::Total => &["total"],
            CalcKey::Hsa => &["eligible", "rate", "saving", "after"],
            CalcKey::PerMonth => &["total", "months", "per_month"],
        }
    }
}

/// What a counted number counts: it is written with its word, singular or plural, from
/// `[ui.units]` (`session_one = "{n} session"`, `session_other = "{n} sessions"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Treatment sessions (or doses, or integration therapy sessions).
    Session,
    /// Months.
    Month,
    /// Clinic visits.
    Visit,
    /// Weeks (a clinic's time between boosters).
    Week,
}

impl Unit {
    /// Every unit (tests check that each has both forms in every locale).
    pub const ALL: [Unit; 4] = [Unit::Session, Unit::Month, Unit::Visit, Unit::Week];

    /// The first part of its `[ui.units]` keys.
    pub const fn id(self) -> &'static str {
        match self {
            Unit::Session => "session",
            Unit::Month => "month",
            Unit::Visit => "visit",
            Unit::Week => "week",
        }
    }

    /// The `[ui.units]` key of the form for `n`: `<unit>_one` for exactly 1, else
    /// `<unit>_other`. This is the plural rule of English and Spanish (CLDR's `one`/`other`,
    /// which is all amounts this size need); a locale with more forms would add keys here.
    pub fn key(self, n: u64) -> String {
        let form = if n == 1 { "one" } else { "other" };
        format!("{}_{form}", self.id())
    }
}

/// A number to put into a template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    /// Money: format with the currency.
    Money(Cents),
    /// A whole number.
    Count(u64),
    /// A whole number of something, written with its word ("1 session", "6 sessions").
    Quantity(u64, Unit),
    /// A percentage.
    Percent(Bps),
    /// A number with up to 2 decimals, in hundredths (boosters a month: 0.5 is 50).
    Decimal(u64),
}

/// One named placeholder value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Arg {
    /// Placeholder name, without braces.
    pub name: &'static str,
    /// Its value.
    pub value: Value,
}

/// One step of the arithmetic, e.g. "6 sessions × $225 = $1,350".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalcLine {
    /// Which template.
    pub key: CalcKey,
    /// Values for the template's placeholders, named as in [`CalcKey::arg_names`].
    pub args: Vec<Arg>,
}

impl CalcLine {
    /// A line from values given in the order of [`CalcKey::arg_names`].
    pub(crate) fn new(key: CalcKey, values: &[Value]) -> CalcLine {
        let args = key
            .arg_names()
            .iter()
            .zip(values)
            .map(|(&name, &value)| Arg { name, value })
            .collect();
        CalcLine { key, args }
    }

    /// The value of one placeholder.
    pub fn get(&self, name: &str) -> Option<Value> {
        self.args.iter().find(|a| a.name == name).map(|a| a.value)
    }
}

/// How the UI formats numbers (with `Intl.NumberFormat` in the browser).
pub trait NumberFormat {
    /// An amount of money, e.g. "$1,350".
    fn money(&self, c: Cents) -> String;
    /// A whole number, e.g. "12".
    fn count(&self, n: u64) -> String;
    /// A percentage, e.g. "80%".
    fn percent(&self, p: Bps) -> String;
    /// A number given in hundredths, e.g. "0.5" for 50.
    fn decimal(&self, hundredths: u64) -> String;
}

/// A plain US-English formatter (no browser needed): "$1,350", "$512.50", "12.5%". Used by
/// tests and as a fallback when `Intl` is unavailable.
#[derive(Clone, Copy, Debug, Default)]
pub struct PlainUsd;

fn group(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

impl NumberFormat for PlainUsd {
    fn money(&self, c: Cents) -> String {
        let (units, cents) = c.split();
        if cents == 0 {
            format!("${}", group(units))
        } else {
            format!("${}.{cents:02}", group(units))
        }
    }
    fn count(&self, n: u64) -> String {
        group(n)
    }
    fn decimal(&self, hundredths: u64) -> String {
        let whole = group(hundredths / 100);
        match crate::cost::parse::hundredths_text(hundredths % 100).split_once('.') {
            Some((_, frac)) => format!("{whole}.{frac}"),
            None => whole,
        }
    }
    fn percent(&self, p: Bps) -> String {
        let (whole, frac) = (p.get() / 100, p.get() % 100);
        match frac {
            0 => format!("{whole}%"),
            f if f % 10 == 0 => format!("{whole}.{}%", f / 10),
            f => format!("{whole}.{f:02}%"),
        }
    }
}

/// Fills `{name}` placeholders in a template. Unknown placeholders are left as written so a
/// content mistake is visible rather than silent. A [`Value::Quantity`] is written as a bare
/// number followed by its unit's id; see [`fill_counted`] for its words.
pub fn fill(template: &str, args: &[Arg], fmt: &dyn NumberFormat) -> String {
    fill_counted(template, args, fmt, &BTreeMap::new())
}

/// [`fill`], with each [`Value::Quantity`] written in the form `units` gives for its number
/// (`{n}` in the form is the number), e.g. "1 session" but "6 sessions".
pub fn fill_counted(
    template: &str,
    args: &[Arg],
    fmt: &dyn NumberFormat,
    units: &BTreeMap<String, String>,
) -> String {
    let mut out = template.to_owned();
    for a in args {
        let text = match a.value {
            Value::Money(c) => fmt.money(c),
            Value::Count(n) => fmt.count(n),
            Value::Quantity(n, unit) => match units.get(&unit.key(n)) {
                Some(form) => form.replace("{n}", &fmt.count(n)),
                None => format!("{} {}", fmt.count(n), unit.id()),
            },
            Value::Percent(p) => fmt.percent(p),
            Value::Decimal(h) => fmt.decimal(h),
        };
        out = out.replace(&format!("{{{}}}", a.name), &text);
    }
    out
}

/// The `{placeholder}` names used in a template, in order of appearance.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        names.push(&after[..end]);
        rest = &after[end + 1..];
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_format_groups_thousands_and_drops_zero_cents() {
        let f = PlainUsd;
        assert_eq!(f.money(Cents(135_000)), "$1,350");
        assert_eq!(f.money(Cents(51_250)), "$512.50");
        assert_eq!(f.money(Cents(100_000_000)), "$1,000,000");
        assert_eq!(f.percent(Bps::new(1_250).unwrap()), "12.5%");
        assert_eq!(f.percent(Bps::new(1_225).unwrap()), "12.25%");
        assert_eq!(f.decimal(50), "0.5");
        assert_eq!(f.decimal(430), "4.3");
        assert_eq!(f.decimal(123_405), "1,234.05");
    }

    #[test]
    fn fill_replaces_named_placeholders() {
        let line = CalcLine::new(
            CalcKey::Induction,
            &[
                Value::Count(6),
                Value::Money(Cents(22_500)),
                Value::Money(Cents(135_000)),
            ],
        );
        let text = fill(
            "{count} sessions × {price} = {total}",
            &line.args,
            &PlainUsd,
        );
        assert_eq!(text, "6 sessions × $225 = $1,350");
        assert_eq!(placeholders("{a} and {b}"), vec!["a", "b"]);
    }

    #[test]
    fn a_quantity_takes_the_singular_only_for_one() {
        let units: BTreeMap<String, String> =
            [("month_one", "{n} month"), ("month_other", "{n} months")]
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect();
        let over = |n| {
            let args = [Arg {
                name: "months",
                value: Value::Quantity(n, Unit::Month),
            }];
            fill_counted("over {months}", &args, &PlainUsd, &units)
        };
        assert_eq!(over(1), "over 1 month");
        assert_eq!(over(0), "over 0 months");
        assert_eq!(over(2), "over 2 months");
        assert_eq!(over(1_000), "over 1,000 months");
    }
}
