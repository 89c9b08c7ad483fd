//! The insurance model, one phase at a time.
//!
//! Order of events within the plan (treated as one plan year):
//! 1. **Deductible first**: you pay the full price of sessions until the remaining
//!    deductible is used up (the session that crosses it is split).
//! 2. **Then your share**: with coinsurance you pay the uncovered percentage of the rest; with a
//!    copay you pay the copay per session, but never more than the session's price.
//! 3. **Esketamine savings programme** (when it applies): it lowers your share of the
//!    *medicine* after the deductible to a small amount per treatment, up to a yearly cap. It
//!    does not pay deductibles or the observation fee. With coinsurance, your share is split
//!    between medicine and observation in proportion to their prices; with a copay, the copay
//!    is taken to pay the observation first (so we never overstate the saving).
//! 4. **Capped**: once what you paid reaches the out-of-pocket maximum, the plan pays the rest.
//!
//! Phases run in order (starting course, then boosters) and share one deductible and one
//! out-of-pocket maximum. Sessions within a phase all cost the same, so each phase is solved in
//! closed form: no loop over sessions, so huge counts cannot stall the page.

use super::money::Cents;
use super::plan::{Coverage, Insurance};

/// Deductible and out-of-pocket room still left as phases are paid in order.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Account {
    coverage: Coverage,
    deductible_left: Cents,
    oop_room: Option<Cents>,
}

/// How one phase's list cost splits between you and the plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct PhaseSplit {
    /// Price × sessions, before insurance.
    pub list: Cents,
    /// Paid by you toward the deductible.
    pub deductible: Cents,
    /// What is left after the deductible.
    pub after_deductible: Cents,
    /// Your coinsurance or copays on that rest.
    pub share: Cents,
    /// Sessions that paid a copay (all or part of it).
    pub copay_sessions: u64,
    /// Taken off your share by the savings programme.
    pub savings: Cents,
    /// What you pay before the cap (deductible + share − savings).
    pub before_cap: Cents,
    /// What you pay after the out-of-pocket cap.
    pub you_pay: Cents,
    /// Whether the out-of-pocket maximum lowered what you pay.
    pub capped: bool,
}

impl Account {
    /// A fresh account for the plan year.
    pub(crate) fn new(ins: &Insurance) -> Account {
        Account {
            coverage: ins.coverage,
            deductible_left: ins.deductible_left,
            oop_room: ins.oop_max,
        }
    }

    /// Pays `n` sessions at `price` each, updating what is left of deductible and cap (and of
    /// the savings programme's yearly cap, when given).
    pub(crate) fn pay(
        &mut self,
        n: u64,
        price: Cents,
        savings: Option<&mut SavingsState>,
    ) -> PhaseSplit {
        let list = price.times(n);
        if self.coverage == Coverage::None {
            return PhaseSplit {
                list,
                before_cap: list,
                you_pay: list,
                share: list,
                ..PhaseSplit::default()
            };
        }
        let deductible = self.deductible_left.min(list);
        self.deductible_left = self.deductible_left.sub(deductible);
        let after_deductible = list.sub(deductible);
        let (share, copay_sessions) = match self.coverage {
            Coverage::None => (after_deductible, 0),
            Coverage::Percent { covered } => (after_deductible.share(covered.complement()), 0),
            Coverage::Copay { per_session } => copays(n, price, deductible, per_session),
        };
        let saved = match savings {
            Some(state) => state.apply(n, price, share, copay_sessions, self.coverage),
            None => Cents::ZERO,
        };
        let before_cap = deductible.add(share).sub(saved);
        let (you_pay, capped) = match self.oop_room {
            Some(room) => {
                let pay = before_cap.min(room);
                self.oop_room = Some(room.sub(pay));
                (pay, pay < before_cap)
            }
            None => (before_cap, false),
        };
        PhaseSplit {
            list,
            deductible,
            after_deductible,
            share,
            copay_sessions,
            savings: saved,
            before_cap,
            you_pay,
            capped,
        }
    }
}

/// What is left of the savings programme for the rest of the plan.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SavingsState {
    /// Medicine part of one treatment's price.
    pub medicine: Cents,
    /// Observation part of one treatment's price.
    pub observation: Cents,
    /// What you still pay for the medicine per treatment.
    pub per_treatment: Cents,
    /// Yearly cap still unused.
    pub cap_left: Cents,
}

impl SavingsState {
    /// The saving on one phase's share, and uses up the cap accordingly.
    fn apply(
        &mut self,
        n: u64,
        price: Cents,
        share: Cents,
        copay_sessions: u64,
        cov: Coverage,
    ) -> Cents {
        let medicine_share = match cov {
            Coverage::Copay { .. } => share.sub(self.observation.times(copay_sessions)),
            _ => share.proportion(self.medicine, price),
        };
        let saving = medicine_share
            .sub(self.per_treatment.times(n))
            .min(self.cap_left);
        self.cap_left = self.cap_left.sub(saving);
        saving
    }
}

/// Copays for `n` sessions after `deductible` (≤ n × price) was paid on the first ones. The
/// session that finishes the deductible pays the copay on what is left of its price.
fn copays(n: u64, price: Cents, deductible: Cents, copay: Cents) -> (Cents, u64) {
    if price == Cents::ZERO || n == 0 {
        return (Cents::ZERO, 0);
    }
    let fully_deductible = deductible.get() / price.get();
    let part = Cents(deductible.get() % price.get());
    let per_full = copay.min(price);
    let sessions = n.saturating_sub(fully_deductible);
    let total = if part > Cents::ZERO && sessions > 0 {
        copay.min(price.sub(part)).add(per_full.times(sessions - 1))
    } else {
        per_full.times(sessions)
    };
    (total, if per_full == Cents::ZERO { 0 } else { sessions })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::money::Bps;

    fn ins(coverage: Coverage, deductible: u64, oop: Option<u64>) -> Insurance {
        Insurance {
            coverage,
            deductible_left: Cents::dollars(deductible),
            oop_max: oop.map(Cents::dollars),
            ..Insurance::default()
        }
    }

    #[test]
    fn deductible_then_coinsurance_then_cap_across_phases() {
        // 80 % covered, $1,000 deductible left, $1,500 out-of-pocket max.
        let cov = Coverage::Percent {
            covered: Bps::new(8_000).unwrap(),
        };
        let mut a = Account::new(&ins(cov, 1_000, Some(1_500)));
        // 6 × $500 = $3,000: $1,000 deductible + 20 % of $2,000 = $1,400.
        let first = a.pay(6, Cents::dollars(500), None);
        assert_eq!(first.you_pay, Cents::dollars(1_400));
        // 6 more: deductible gone, 20 % of $3,000 = $600, but only $100 of room is left.
        let second = a.pay(6, Cents::dollars(500), None);
        assert_eq!(second.before_cap, Cents::dollars(600));
        assert_eq!(second.you_pay, Cents::dollars(100));
        assert!(second.capped);
    }

    #[test]
    fn copay_splits_the_session_that_finishes_the_deductible() {
        // $250 deductible, $40 copay, 3 sessions at $200: 200 + (50 + min(40, 150)) + 40.
        let mut a = Account::new(&ins(
            Coverage::Copay {
                per_session: Cents::dollars(40),
            },
            250,
            None,
        ));
        let s = a.pay(3, Cents::dollars(200), None);
        assert_eq!(s.deductible, Cents::dollars(250));
        assert_eq!(s.share, Cents::dollars(80));
        assert_eq!(s.you_pay, Cents::dollars(330));
    }

    #[test]
    fn copay_is_never_more_than_the_price() {
        let mut a = Account::new(&ins(
            Coverage::Copay {
                per_session: Cents::dollars(500),
            },
            0,
            None,
        ));
        assert_eq!(
            a.pay(2, Cents::dollars(100), None).you_pay,
            Cents::dollars(200)
        );
    }
}
