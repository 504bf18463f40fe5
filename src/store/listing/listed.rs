//! One item of a listing: decoded, or known only by its facts beside its
//! line in the snapshot. The facts take a third of the memory an item
//! does, and at 10,000 items that memory, touched for the first time, was
//! the largest cost of `list --json` after reading the snapshot.

use super::facts::Facts;
use crate::model::meeting::{self, Meets};
use crate::model::{Item, Kind, Status, Time};

/// One item of a listing, in the state's order.
#[derive(Debug)]
pub enum Listed {
    /// Decoded: the journal touched or added it, or a listing withholds
    /// texts from it. Listed as an item of a full read is.
    Item(Box<Item>),
    /// Not decoded: its id and facts; its line is the snapshot's.
    Facts { id: String, facts: Facts },
}

impl Listed {
    pub fn id(&self) -> &str {
        match self {
            Listed::Item(item) => &item.id,
            Listed::Facts { id, .. } => id,
        }
    }

    pub fn kind(&self) -> Kind {
        match self {
            Listed::Item(item) => item.kind,
            Listed::Facts { facts, .. } => facts.kind,
        }
    }

    pub fn status(&self) -> Status {
        match self {
            Listed::Item(item) => item.status,
            Listed::Facts { facts, .. } => facts.status,
        }
    }

    /// The time that orders it (see `Item::when`).
    pub fn when(&self) -> Option<Time> {
        match self {
            Listed::Item(item) => item.when(),
            Listed::Facts { facts, .. } => facts.kind.when(facts.due, facts.start),
        }
    }

    /// The item, if decoded.
    pub fn item_mut(&mut self) -> Option<&mut Item> {
        match self {
            Listed::Item(item) => Some(item),
            Listed::Facts { .. } => None,
        }
    }
}

impl Meets for Listed {
    fn live_span(&self) -> Option<(Time, Time)> {
        match self {
            Listed::Item(item) => Meets::live_span(&**item),
            Listed::Facts { facts, .. } => {
                meeting::live_span_of(facts.kind, facts.status, facts.start, facts.end)
            }
        }
    }

    fn names(&self) -> (Option<&str>, &[String]) {
        match self {
            Listed::Item(item) => Meets::names(&**item),
            Listed::Facts { facts, .. } => (facts.place.as_deref(), &facts.attendees),
        }
    }
}
