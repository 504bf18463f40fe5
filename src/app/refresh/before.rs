//! What the views take from an item, noted before a named change so the
//! update after it can take off what the item counted for.

use crate::app::App;
use crate::app::views::{self, Placed};
use crate::model::{Item, Kind, Time, custody};

/// What a named change's update needs to know of the state before it:
/// how many items there were, where the chain stood, and what the views
/// took from each named item.
pub(in crate::app) struct Before {
    pub(super) len: usize,
    pub(super) seq: u64,
    pub(super) head: String,
    pub(super) items: Vec<Was>,
}

impl Before {
    /// What the views took from the items `ids` (matched as
    /// `State::position` matches them).
    pub(in crate::app) fn take(app: &App, ids: &[&str]) -> Before {
        let ids: Vec<&str> = ids.iter().map(|n| n.trim()).collect();
        let items = app
            .items()
            .iter()
            .enumerate()
            .filter(|(_, item)| ids.iter().any(|n| item.id.eq_ignore_ascii_case(n)))
            .map(|(at, item)| Was {
                at,
                id: item.id.clone(),
                kind: item.kind,
                placed: views::placed(item, app.show_closed, app.views_now),
                on_loan: on_loan(item),
                clash: clash_key(item),
                team: team_key(item),
            })
            .collect();
        Before {
            len: app.items().len(),
            seq: app.snap.operations(),
            head: app.snap.head().to_string(),
            items,
        }
    }
}

/// What the views took from one item before a change (its copy would
/// cost a copy of all its notes).
pub(super) struct Was {
    pub(super) at: usize,
    pub(super) id: String,
    pub(super) kind: Kind,
    pub(super) placed: Placed,
    pub(super) on_loan: bool,
    pub(super) clash: Option<Clash>,
    pub(super) team: Option<TeamKey>,
}

/// A document that is out on loan (the header's count).
pub(super) fn on_loan(item: &Item) -> bool {
    item.kind == Kind::Document && !item.status.is_closed() && custody::holder(item).is_some()
}

/// What the meeting conflict marks depend on in a meeting: when it runs
/// unless done or cancelled, its place and its attendees.
#[derive(PartialEq)]
pub(super) struct Clash {
    pub(super) span: Option<(Time, Time)>,
    place: Option<String>,
    attendees: Vec<String>,
}

pub(super) fn clash_key(item: &Item) -> Option<Clash> {
    (item.kind == Kind::Meeting).then(|| Clash {
        span: item.span().filter(|_| !item.status.is_closed()),
        place: item.place.clone(),
        attendees: item.attendees.clone(),
    })
}

/// What the team's reminders and alerts read of an item: an open
/// meeting's start, a document's custody log.
#[derive(PartialEq)]
pub(super) enum TeamKey {
    Meeting(Option<Time>),
    Custody(Vec<crate::model::CustodyEvent>),
}

pub(super) fn team_key(item: &Item) -> Option<TeamKey> {
    match item.kind {
        Kind::Meeting => Some(TeamKey::Meeting(
            item.start.filter(|_| !item.status.is_closed()),
        )),
        _ if item.custody.is_empty() => None,
        _ => Some(TeamKey::Custody(item.custody.clone())),
    }
}
