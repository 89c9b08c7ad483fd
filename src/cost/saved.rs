//! What the estimator keeps in browser storage. Plain data (the UI state around it lives in
//! `ui::cost`), so its JSON reading and writing are tested natively.

use super::money::{Bps, Cents};
use super::plan::Plan;
use super::price_book::PriceBook;
use std::collections::BTreeMap;

crate::json_struct! {
impl Decode, Encode;
/// What survives a reload (session storage).
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    /// The last valid plan.
    pub plan: Plan,
    /// The last valid prices.
    pub book: PriceBook,
    /// Raw texts by field key.
    pub texts: BTreeMap<String, String>,
    /// Last valid share covered (kept while another coverage kind is picked).
    pub covered: Bps,
    /// Last valid copay.
    pub copay: Cents,
}
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::decode::from_str;
    use crate::content::encode::to_string;
    use crate::content::Envelope;
    use crate::cost::plan::{Coverage, Insurance, InsurerKind, Route};

    /// As this release stores them (session storage, key `kg:main:cost`, version 1002). Plans
    /// of version 1001 (before the sourced default prices) are dropped with the notice.
    const STORED: [&str; 3] = [
        r#"{"v":1002,"data":{"plan":{"route":"esketamine","induction_sessions":12,"maintenance":{"enabled":false,"per_month":4,"months":6},"insurance":{"coverage":{"kind":"percent","covered":8000},"insurer":"medicare","deductible_left":50000,"oop_max":300000,"covers":null},"savings":{"enabled":false,"per_treatment":1000,"annual_cap":715000},"hsa":{"enabled":false,"tax_rate":2200},"extras":{"evaluation":{"enabled":false,"amount":25000},"integration":{"enabled":false,"amount":15000},"integration_sessions":3,"bp_cuff":{"enabled":false,"amount":4000},"travel":{"enabled":false,"amount":2000},"driver":{"enabled":false,"amount":3000},"time_off":{"enabled":false,"amount":12000}}},"book":{"iv":{"low":40000,"typical":60000,"high":80000},"im":{"low":27500,"typical":53750,"high":80000},"oral":{"low":7500,"typical":18750,"high":30000},"esketamine":{"device":{"low":29500,"typical":29500,"high":29500},"devices_per_dose":2,"observation":{"low":10000,"typical":20000,"high":30000}}},"texts":{"copay":"25.50","price_low":"$400"},"covered":8000,"copay":2550}}"#,
        r#"{"v":1002,"data":{"plan":{"route":"iv","induction_sessions":6,"maintenance":{"enabled":false,"per_month":1,"months":6},"insurance":{"coverage":{"kind":"copay","per_session":4000},"insurer":"commercial","deductible_left":0,"oop_max":null,"covers":null},"savings":{"enabled":false,"per_treatment":1000,"annual_cap":715000},"hsa":{"enabled":false,"tax_rate":2200},"extras":{"evaluation":{"enabled":false,"amount":25000},"integration":{"enabled":false,"amount":15000},"integration_sessions":3,"bp_cuff":{"enabled":false,"amount":4000},"travel":{"enabled":false,"amount":2000},"driver":{"enabled":false,"amount":3000},"time_off":{"enabled":false,"amount":12000}}},"book":{"iv":{"low":40000,"typical":60000,"high":80000},"im":{"low":27500,"typical":53750,"high":80000},"oral":{"low":7500,"typical":18750,"high":30000},"esketamine":{"device":{"low":29500,"typical":29500,"high":29500},"devices_per_dose":2,"observation":{"low":10000,"typical":20000,"high":30000}}},"texts":{"copay":"25.50","price_low":"$400"},"covered":8000,"copay":2550}}"#,
        r#"{"v":1002,"data":{"plan":{"route":"iv","induction_sessions":6,"maintenance":{"enabled":false,"per_month":1,"months":6},"insurance":{"coverage":{"kind":"none"},"insurer":"commercial","deductible_left":0,"oop_max":null,"covers":null},"savings":{"enabled":false,"per_treatment":1000,"annual_cap":715000},"hsa":{"enabled":false,"tax_rate":2200},"extras":{"evaluation":{"enabled":false,"amount":25000},"integration":{"enabled":false,"amount":15000},"integration_sessions":3,"bp_cuff":{"enabled":false,"amount":4000},"travel":{"enabled":false,"amount":2000},"driver":{"enabled":false,"amount":3000},"time_off":{"enabled":false,"amount":12000}}},"book":{"iv":{"low":40000,"typical":60000,"high":80000},"im":{"low":27500,"typical":53750,"high":80000},"oral":{"low":7500,"typical":18750,"high":30000},"esketamine":{"device":{"low":29500,"typical":29500,"high":29500},"devices_per_dose":2,"observation":{"low":10000,"typical":20000,"high":30000}}},"texts":{},"covered":8000,"copay":2550}}"#,
    ];

    fn saved(plan: Plan, texts: &[(&str, &str)]) -> Saved {
        Saved {
            plan,
            book: PriceBook::DEFAULT,
            texts: texts
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            covered: Bps::new(8_000).expect("80%"),
            copay: Cents(2_550),
        }
    }

    #[test]
    fn a_stored_plan_is_read_and_written_the_same() {
        let texts = [("copay", "25.50"), ("price_low", "$400")];
        let mut esketamine = Plan::for_route(Route::Esketamine);
        esketamine.insurance = Insurance {
            coverage: Coverage::Percent {
                covered: Bps::new(8_000).expect("80%"),
            },
            insurer: InsurerKind::Medicare,
            deductible_left: Cents(50_000),
            oop_max: Some(Cents(300_000)),
            covers: None,
        };
        let mut iv_copay = Plan::for_route(Route::Iv);
        iv_copay.insurance.coverage = Coverage::Copay {
            per_session: Cents(4_000),
        };
        let expected = [
            saved(esketamine, &texts),
            saved(iv_copay, &texts),
            saved(Plan::default(), &[]),
        ];
        for (text, data) in STORED.into_iter().zip(expected) {
            let envelope = Envelope { v: 1002, data };
            assert_eq!(from_str::<Envelope<Saved>>(text).as_ref(), Ok(&envelope));
            assert_eq!(to_string(&envelope), text);
        }
    }

    #[test]
    fn a_stored_plan_that_breaks_a_rule_is_refused() {
        let text = STORED[0]
            .strip_prefix(r#"{"v":1002,"data":"#)
            .and_then(|t| t.strip_suffix('}'));
        let text = text.expect("the stored plan");
        for (from, to, error) in [
            (
                r#""covered":8000}"#,
                r#""covered":10001}"#,
                "plan.insurance.coverage.covered: percentage above 100%",
            ),
            (
                r#""devices_per_dose":2"#,
                r#""devices_per_dose":4"#,
                "book.esketamine.devices_per_dose: devices per dose must be 2 or 3",
            ),
            (
                r#""route":"esketamine""#,
                r#""route":"tms""#,
                "plan.route: unknown name `tms`",
            ),
            (
                r#""months":6}"#,
                r#""months":6,"weeks":2}"#,
                "plan.maintenance: unknown or repeated member `weeks`",
            ),
            (
                r#""copay":2550"#,
                r#""copay":-1"#,
                "copay: expected a whole number",
            ),
        ] {
            assert!(text.contains(from), "{from}");
            let edited = text.replacen(from, to, 1);
            assert_eq!(from_str::<Saved>(&edited), Err(error.to_owned()), "{to}");
        }
    }
}
