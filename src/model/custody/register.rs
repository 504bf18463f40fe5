//! The registers kept from the custody records: the loan register (借阅登记),
//! the destruction list (销毁清册) and the archive list (存档清单). Each is
//! read from the events, so it says exactly what was recorded.

use super::{StepKind, live};
use crate::model::{CustodyEvent, Item, Kind, State, Time};

/// One loan: lent at `since` to `person`, due back `until`, and when and to
/// whom it came back (none while it is out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoanRecord<'a> {
    pub item: &'a Item,
    pub lend: &'a CustodyEvent,
    pub back: Option<&'a CustodyEvent>,
}

impl LoanRecord<'_> {
    pub fn person(&self) -> &str {
        self.lend.person.as_deref().unwrap_or_default()
    }

    pub fn since(&self) -> Time {
        self.lend.at
    }
}

/// The loans of one document, in the order lent.
pub fn loans_of(item: &Item) -> Vec<LoanRecord<'_>> {
    let mut out: Vec<LoanRecord> = Vec::new();
    for e in live(&item.custody) {
        match e.action {
            StepKind::Lend => out.push(LoanRecord {
                item,
                lend: e,
                back: None,
            }),
            StepKind::Back => {
                if let Some(open) = out.last_mut().filter(|l| l.back.is_none()) {
                    open.back = Some(e);
                }
            }
            _ => {}
        }
    }
    out
}

/// Every loan of every document, grouped by borrower (names in order of
/// first loan), each borrower's loans in time order.
pub fn loans_by_borrower(state: &State) -> Vec<(&str, Vec<LoanRecord<'_>>)> {
    let mut all: Vec<LoanRecord> = state
        .items
        .iter()
        .filter(|i| i.kind == Kind::Document)
        .flat_map(loans_of)
        .collect();
    all.sort_by_key(|l| l.since());
    let mut out: Vec<(&str, Vec<LoanRecord>)> = Vec::new();
    for l in all {
        let person = l.lend.person.as_deref().unwrap_or_default();
        match out.iter_mut().find(|(p, _)| *p == person) {
            Some((_, list)) => list.push(l),
            None => out.push((person, vec![l])),
        }
    }
    out
}

/// The documents closed by `action` (shred: the destruction list; archive:
/// the archive list), each with its closing event, in time order.
pub fn closed_by(state: &State, action: StepKind) -> Vec<(&Item, &CustodyEvent)> {
    let mut out: Vec<(&Item, &CustodyEvent)> = state
        .items
        .iter()
        .filter(|i| i.kind == Kind::Document)
        .filter_map(|i| {
            live(&i.custody)
                .next_back()
                .filter(|e| e.action == action)
                .map(|e| (i, e))
        })
        .collect();
    out.sort_by_key(|(_, e)| e.at);
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::{after, archive, back, lend, receive, shred, t};
    use super::*;
    use crate::model::Rule;

    #[test]
    fn registers_read_what_was_recorded() {
        let mut s = State::default();
        let mut a = after(
            Rule::Shred,
            &[
                receive(),
                lend(),
                back(),
                lend().person("组员乙"),
                back(),
                shred(),
            ],
        );
        a.id = String::new();
        let a = s.add(a).unwrap();
        let mut b = after(
            Rule::Archive,
            &[receive(), lend().person("组员乙"), back(), archive()],
        );
        b.id = String::new();
        b.created = t(-1);
        let b = s.add(b).unwrap();
        let mut c = after(Rule::Return, &[receive(), lend()]);
        c.id = String::new();
        let c = s.add(c).unwrap();

        let loans = loans_of(s.get(&a).unwrap());
        assert_eq!(loans.len(), 2);
        assert_eq!(
            (loans[0].person(), loans[0].back.map(|e| e.at)),
            ("组员甲", Some(t(2)))
        );
        assert_eq!(loans[1].person(), "组员乙");
        let open = loans_of(s.get(&c).unwrap());
        assert!(open[0].back.is_none(), "still out");

        let by: Vec<(&str, Vec<&str>)> = loans_by_borrower(&s)
            .into_iter()
            .map(|(p, l)| (p, l.iter().map(|l| l.item.id.as_str()).collect()))
            .collect();
        assert_eq!(
            by,
            [
                ("组员甲", vec![a.as_str(), c.as_str()]),
                ("组员乙", vec![b.as_str(), a.as_str()])
            ]
        );
        let shredded: Vec<&str> = closed_by(&s, StepKind::Shred)
            .iter()
            .map(|(i, _)| i.id.as_str())
            .collect();
        assert_eq!(shredded, [a.as_str()]);
        let (_, e) = closed_by(&s, StepKind::Archive)[0];
        assert_eq!(e.location.as_deref(), Some("驻地档案柜A"));
    }
}
