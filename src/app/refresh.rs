//! The views derived from the state: each pane's rows, the Today list, the
//! meeting conflict marks, the header's counts and the search index.
//!
//! A change the dashboard cannot name (a reload after another process
//! wrote, an undo, an import, a new minute) rebuilds them from every item:
//! ~30 M instructions at 10,000 items, nearly half of it the conflict
//! sweep, which runs on a second thread beside the rest. A named change
//! (`commit_named`) updates them for the items it touched alone: each is
//! taken out of its pane and the Today list and put back where it now
//! sorts, its counts taken off and added again, its search text built
//! again, and the conflict sweep runs only when a meeting's time, place,
//! attendees or status changed. Debug builds (every
//! test) check each such update against a rebuild.
//!
//! The views are of one time, `views_now`: a rebuild takes the clock's,
//! an update keeps it, and an update in a later minute than the views'
//! rebuilds instead (the dashboard rebuilds every minute anyway).

use std::cmp::Ordering;

mod before;

pub(super) use before::Before;
use before::{Was, clash_key, on_loan, team_key};

use super::views::{self, Placed};
use super::{App, Counts, View};
use crate::model::triage::{self, Reason};
use crate::model::{Kind, Time, custody};
use crate::store::Op;

/// How the views were last brought up to date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refreshed {
    /// From every item.
    Rebuilt,
    /// For the items a named change touched alone.
    Updated { items: usize },
}

/// From this many items a rebuild runs the conflict sweep on a second
/// thread (below, the thread costs more than it saves).
const TWO_CORES: usize = 2_000;

/// An item a change touched: its place, and what it was (none if added).
type Touched = (usize, Option<Was>);

/// The views as compared against a rebuild.
#[cfg(debug_assertions)]
type Views = (
    super::ByKind<super::PaneView>,
    Vec<(usize, Reason)>,
    Vec<bool>,
    Counts,
    usize,
    Vec<usize>,
    Option<usize>,
);

impl App {
    /// Rebuilds every view from the whole state, at the clock's time,
    /// keeping each pane's selection on the same item where it still exists.
    pub fn refresh(&mut self) {
        self.views_now = self.now;
        self.rebuild();
        self.refreshed = Refreshed::Rebuilt;
        self.team_refresh();
    }

    fn rebuild(&mut self) {
        let now = self.views_now;
        let keep = self.kept();
        self.haystacks = None;
        let state = &self.snap.state;
        let limits = self.config.limits();
        let show_closed = self.show_closed;
        // The conflict sweep on one core; the panes' order, Today and the
        // counts on the other: each reads the state alone.
        let the_rest = || {
            let rows = views::sorted_rows(state, show_closed, now);
            let (overdue, today) = triage::counts_with(state, now, &limits);
            let counts = Counts {
                overdue,
                today,
                on_loan: state.items.iter().filter(|i| on_loan(i)).count(),
            };
            (rows, triage::today_with(state, now, &limits), counts)
        };
        let (conflicted, ((mut rows, folded), today, counts)) = if state.items.len() >= TWO_CORES {
            std::thread::scope(|scope| {
                let sweep = scope.spawn(|| views::conflicted(state));
                let rest = the_rest();
                (
                    sweep.join().expect("the sweep runs without panicking"),
                    rest,
                )
            })
        } else {
            (views::conflicted(state), the_rest())
        };
        self.docs_sorted = rows[Kind::Document].clone();
        custody::nest_copies(&state.items, &mut rows[Kind::Document]);
        self.folded_past = folded;
        self.conflicted = conflicted;
        self.today = today;
        self.counts = counts;
        for (kind, r) in rows.iter() {
            self.panes[kind].rows = r.clone();
            self.panes[kind].all = r.clone();
        }
        self.apply_filter();
        self.reselect(keep);
    }

    /// After a named change: updates the views for the items it touched,
    /// or rebuilds them when what it touched cannot be told (see `touched`).
    pub(super) fn refresh_named(&mut self, before: Before, ops: &[Op]) {
        let Some(touched) = self.touched(before, ops) else {
            return self.refresh();
        };
        let keep = self.kept();
        let now = self.views_now;
        let limits = self.config.limits();
        let state = &self.snap.state;
        let items = &state.items;
        let mut clash = false;
        let mut team = ops.iter().any(|o| o.item.is_none());
        let mut moved: super::ByKind<bool> = Default::default();
        for (i, was) in &touched {
            let item = &items[*i];
            if let Some(was) = was {
                for kind in [was.kind, item.kind] {
                    moved[kind] |= take_out(&mut self.panes[kind].all, *i);
                }
                take_out(&mut self.docs_sorted, *i);
                if was.placed == Placed::Folded {
                    self.folded_past -= 1;
                }
                if let Some(at) = self.today.iter().position(|(r, _)| r == i) {
                    let (o, d) = triage::counted(Some(self.today.remove(at).1));
                    self.counts.overdue -= o;
                    self.counts.today -= d;
                }
                self.counts.on_loan -= usize::from(was.on_loan);
                clash |= was.clash != clash_key(item);
                team |= was.team != team_key(item);
            } else {
                clash |= clash_key(item).is_some_and(|c| c.span.is_some());
                team |= team_key(item).is_some();
            }
            match views::placed(item, self.show_closed, now) {
                Placed::Listed if item.kind == Kind::Document => {
                    put_in(&mut self.docs_sorted, *i, |r| {
                        views::row_order(Kind::Document, &items[r], item, now)
                    });
                    moved[Kind::Document] = true;
                }
                Placed::Listed => {
                    let kind = item.kind;
                    put_in(&mut self.panes[kind].all, *i, |r| {
                        views::row_order(kind, &items[r], item, now)
                    });
                    moved[kind] = true;
                }
                Placed::Folded => self.folded_past += 1,
                Placed::Hidden => {}
            }
            if let Some(reason) = triage::reason_with(item, now, &limits) {
                put_in_today(&mut self.today, state, (*i, reason));
                let (o, d) = triage::counted(Some(reason));
                self.counts.overdue += o;
                self.counts.today += d;
            }
            self.counts.on_loan += usize::from(on_loan(item));
            // The search index, if built, is kept: only this item's text
            // is built again (an added one's is appended).
            let mut stale = false;
            if let Some(hay) = &mut self.haystacks {
                match hay.len().cmp(i) {
                    Ordering::Greater => hay[*i] = super::search::haystack(item),
                    Ordering::Equal => hay.push(super::search::haystack(item)),
                    Ordering::Less => stale = true,
                }
            }
            if stale {
                self.haystacks = None;
            }
        }
        if clash {
            self.conflicted = views::conflicted(state);
        } else {
            self.conflicted.resize(items.len(), false);
        }
        if moved[Kind::Document] {
            let docs = &mut self.panes[Kind::Document].all;
            docs.clone_from(&self.docs_sorted);
            custody::nest_copies(items, docs);
        }
        let narrowing = self.filter.as_ref().and_then(|f| f.narrowing()).is_some();
        if narrowing && Kind::ALL.iter().any(|k| moved[*k]) {
            self.build_haystacks();
        }
        let query = self
            .filter
            .as_ref()
            .and_then(|f| f.narrowing())
            .map(super::search::Query::new);
        for kind in Kind::ALL.iter().copied().filter(|k| moved[*k]) {
            let pane = &mut self.panes[kind];
            pane.rows.clone_from(&pane.all);
            if let (Some(q), Some(hay)) = (&query, &self.haystacks) {
                pane.rows.retain(|i| q.matches(&hay[*i]));
            }
        }
        self.reselect(keep);
        self.refreshed = Refreshed::Updated {
            items: touched.len(),
        };
        #[cfg(debug_assertions)]
        self.check_against_rebuild();
        // Reminders and alerts: when a meeting's start or a custody log
        // changed, or the team's records; else at the next minute.
        if team {
            self.team_refresh();
        }
    }

    /// The items a named change touched, found from the operations it
    /// wrote; none (rebuild) when the views are not of the state it started
    /// from or of this minute, when the store brought in changes made
    /// elsewhere first, or when an operation names an item that is not
    /// where the change left it.
    fn touched(&self, before: Before, ops: &[Op]) -> Option<Vec<Touched>> {
        let minute = |t: Time| (t.offset().local_minus_utc(), t.timestamp().div_euclid(60));
        let items = self.items();
        // The change's operations follow the head it started from (nothing
        // was brought in first); a compaction after them adds only a mark.
        let ours = match ops.first() {
            Some(first) => first.prev == before.head && first.seq == before.seq + 1,
            None => self.snap.head() == before.head && self.snap.operations() == before.seq,
        };
        let fresh = ours
            && self.conflicted.len() == before.len
            && items.len() >= before.len
            && minute(self.now) == minute(self.views_now);
        if !fresh {
            return None;
        }
        let named = |id: &str| ops.iter().any(|o| o.item.as_deref() == Some(id));
        let mut out: Vec<Touched> = Vec::new();
        for was in before.items {
            if named(&was.id) {
                if items.get(was.at).is_none_or(|i| i.id != was.id) {
                    return None;
                }
                out.push((was.at, Some(was)));
            }
        }
        out.extend((before.len..items.len()).map(|at| (at, None)));
        let known = |id: &str| out.iter().any(|(at, _)| items[*at].id == id);
        ops.iter()
            .filter_map(|o| o.item.as_deref())
            .all(known)
            .then_some(out)
    }

    /// The item each pane's selection is on, and the Today list's.
    fn kept(&self) -> (Vec<(Kind, Option<String>)>, Option<String>) {
        let id = |i: usize| self.items().get(i).map(|i| i.id.clone());
        let panes = self
            .panes
            .iter()
            .map(|(kind, pane)| (kind, pane.rows.get(pane.selected).and_then(|i| id(*i))))
            .collect();
        let today = match &self.view {
            View::Today(t) => self.today.get(t.selected).and_then(|(i, _)| id(*i)),
            _ => None,
        };
        (panes, today)
    }

    /// Puts each selection back on its item, where it is still listed.
    fn reselect(&mut self, (panes, today): (Vec<(Kind, Option<String>)>, Option<String>)) {
        for (kind, id) in panes {
            self.select_id_in(kind, id.as_deref());
        }
        let found = today.and_then(|id| {
            self.today
                .iter()
                .position(|(i, _)| self.items()[*i].id == id)
        });
        let len = self.today.len();
        if let View::Today(t) = &mut self.view {
            t.selected = found.unwrap_or(t.selected).min(len.saturating_sub(1));
        }
    }

    #[cfg(debug_assertions)]
    fn views(&self) -> Views {
        let today = match &self.view {
            View::Today(t) => Some(t.selected),
            _ => None,
        };
        (
            self.panes.clone(),
            self.today.clone(),
            self.conflicted.clone(),
            self.counts,
            self.folded_past,
            self.docs_sorted.clone(),
            today,
        )
    }

    /// Debug builds: an update gives exactly what a rebuild gives.
    #[cfg(debug_assertions)]
    fn check_against_rebuild(&mut self) {
        let updated = self.views();
        let hay = self.haystacks.take();
        self.rebuild();
        assert_eq!(
            updated,
            self.views(),
            "a named change's update missed something"
        );
        if let Some(hay) = hay {
            self.build_haystacks();
            assert_eq!(self.haystacks.as_ref(), Some(&hay), "the search index");
            self.haystacks = Some(hay);
        }
    }
}

/// Takes row `i` out of `rows`; true if it was there.
fn take_out(rows: &mut Vec<usize>, i: usize) -> bool {
    let at = rows.iter().position(|r| *r == i);
    at.map(|at| rows.remove(at)).is_some()
}

/// Puts row `i` into `rows`, sorted by `order` (row against `i`) and then
/// by position, as a stable sort of all of them would.
fn put_in(rows: &mut Vec<usize>, i: usize, order: impl Fn(usize) -> Ordering) {
    let at = rows.partition_point(|&r| order(r).then(r.cmp(&i)) == Ordering::Less);
    rows.insert(at, i);
}

fn put_in_today(today: &mut Vec<(usize, Reason)>, state: &crate::model::State, e: (usize, Reason)) {
    let at = today.partition_point(|&r| {
        triage::today_order(state, r, e).then(r.0.cmp(&e.0)) == Ordering::Less
    });
    today.insert(at, e);
}
