//! Custody events as the registers print them. [`facts`] is the one place
//! that reads an event's fields for the loan register and the destruction
//! list, so a field the custody log gains shows in both by changing it alone.

use chrono::Duration;

use crate::model::custody::{LOAN_HOURS, StepKind, live};
use crate::model::{CustodyEvent, Item, Time};

/// What a register row says about one custody step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    pub at: Time,
    /// The borrower of a loan.
    pub person: String,
    /// Who saw a document destroyed.
    pub witness: String,
    /// Who approved the step (destroying a document).
    pub approved_by: String,
    /// When a loan is due back: as recorded, else a day after it was lent.
    pub until: Time,
    pub note: String,
}

/// The register's reading of `event`: its time, borrower, witness, approver,
/// due time and note as recorded; a loan recorded without a due time is due
/// back 24 hours after it was lent.
pub fn facts(event: &CustodyEvent) -> Facts {
    Facts {
        at: event.at,
        person: event.person.clone().unwrap_or_default(),
        witness: event.witness.clone().unwrap_or_default(),
        approved_by: event.approved_by.clone().unwrap_or_default(),
        until: event
            .until
            .unwrap_or(event.at + Duration::hours(LOAN_HOURS.into())),
        note: event.note.clone().unwrap_or_default(),
    }
}

/// A loan: the lend step and, once it came back, when.
pub struct Loan<'a> {
    pub item: &'a Item,
    pub lent: Facts,
    pub returned: Option<Time>,
}

/// Every loan of `item`, oldest first: each lend step that counts (see
/// `custody::live`) with the step that ended it (taken back, or custody
/// closed while lent).
pub fn loans(item: &Item) -> Vec<Loan<'_>> {
    let log: Vec<&CustodyEvent> = live(&item.custody).collect();
    log.iter()
        .enumerate()
        .filter(|(_, e)| e.action == StepKind::Lend)
        .map(|(i, e)| Loan {
            item,
            lent: facts(e),
            returned: log[i + 1..]
                .iter()
                .find(|n| n.action == StepKind::Back || n.action.is_closing())
                .map(|n| n.at),
        })
        .collect()
}

/// The shredding of `item`, if it was shredded.
pub fn shredding(item: &Item) -> Option<Facts> {
    live(&item.custody)
        .find(|e| e.action == StepKind::Shred)
        .map(facts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::custody::Step;
    use crate::model::{Kind, Rule, State};

    fn t(h: u32) -> Time {
        chrono::DateTime::parse_from_rfc3339(&format!("2026-11-25T{h:02}:00:00+08:00")).unwrap()
    }

    #[test]
    fn each_loan_ends_at_the_step_that_brought_it_back() {
        let mut s = State::default();
        let mut doc = Item::new(Kind::Document, "信访举报件复印件", t(8));
        doc.rule = Some(Rule::Shred);
        let id = s.add(doc).unwrap();
        s.custody(&id, Step::new(StepKind::Receive), t(9)).unwrap();
        s.custody(&id, Step::new(StepKind::Lend).person("王组长"), t(10))
            .unwrap();
        s.custody(&id, Step::new(StepKind::Back), t(12)).unwrap();
        s.custody(
            &id,
            Step::new(StepKind::Lend).person("李组员").until(t(18)),
            t(13),
        )
        .unwrap();
        let item = s.get(&id).unwrap();
        let loans = loans(item);
        assert_eq!(loans.len(), 2);
        assert_eq!(loans[0].lent.person, "王组长");
        assert_eq!(loans[0].returned, Some(t(12)));
        assert_eq!(loans[0].lent.until, t(10) + Duration::hours(24));
        assert_eq!(loans[1].returned, None, "still out");
        assert_eq!(loans[1].lent.until, t(18), "the loan's own due time");
        s.custody(&id, Step::new(StepKind::Back), t(14)).unwrap();
        let shred = Step::new(StepKind::Shred)
            .witness("赵监销")
            .approved_by("王组长");
        s.custody(&id, shred, t(15)).unwrap();
        let shred = shredding(s.get(&id).unwrap()).unwrap();
        assert_eq!((shred.witness.as_str(), shred.at), ("赵监销", t(15)));
        assert_eq!(shred.approved_by, "王组长");
    }
}
