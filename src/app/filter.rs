//! Each pane's selection, and the search kept as a filter: every pane
//! narrowed to its matching rows, from the rows cached at the last change
//! (no re-sort per key).

use super::{App, search};
use crate::model::Kind;

impl App {
    pub(super) fn select_id_in(&mut self, pane: Kind, id: Option<&str>) {
        let items = &self.snap.state.items;
        let view = &mut self.panes[pane];
        if let Some(id) = id
            && let Some(at) = view.rows.iter().position(|i| items[*i].id == id)
        {
            view.selected = at;
        }
        view.selected = view.selected.min(view.rows.len().saturating_sub(1));
    }

    /// Puts the selection on `id`, focusing its pane.
    pub fn select(&mut self, id: &str) {
        if let Some(item) = self.snap.state.get(id) {
            let kind = item.kind;
            self.focus = kind;
            self.select_id_in(kind, Some(id));
        }
    }

    /// Undoes the search's narrowing from the cached rows (no re-sort),
    /// keeping each pane's selection on its item.
    pub fn unfilter(&mut self) {
        if self.filter.is_none() {
            return;
        }
        for p in Kind::ALL.iter().copied() {
            let pane = &self.panes[p];
            let id = pane
                .rows
                .get(pane.selected)
                .map(|i| self.snap.state.items[*i].id.clone());
            self.panes[p].rows = self.panes[p].all.clone();
            self.select_id_in(p, id.as_deref());
        }
    }

    /// Re-applies the search after the query changed, from the cached rows
    /// (no re-sort). The search covers every pane; when the focused one has
    /// no match, the focus moves to the first pane that has. A query typed
    /// on from the last (`财务` → `财务部`, `cw` → `cw bb`) matches only
    /// rows the last one did: only those are tested again.
    pub fn refilter(&mut self) {
        let Some(filter) = &self.filter else {
            return;
        };
        let now = filter.query.value().trim().to_lowercase();
        let within = !filter.narrowed.is_empty() && now.starts_with(&filter.narrowed);
        for pane in self.panes.values_mut() {
            if !within {
                pane.rows.clone_from(&pane.all);
            }
            pane.selected = 0;
        }
        self.apply_filter();
        if self.panes[self.focus].rows.is_empty()
            && let Some((kind, _)) = self.panes.iter().find(|(_, v)| !v.rows.is_empty())
        {
            self.focus = kind;
        }
    }

    /// Narrows every pane to the rows matching the search.
    pub fn apply_filter(&mut self) {
        let Some(filter) = self.filter.as_mut() else {
            return;
        };
        let Some(query) = filter.narrowing().map(search::Query::new) else {
            filter.narrowed.clear();
            return;
        };
        filter.narrowed = filter.query.value().trim().to_lowercase();
        self.build_haystacks();
        let hay = self.haystacks.as_ref().expect("just built");
        for pane in self.panes.values_mut() {
            pane.rows.retain(|i| query.matches(&hay[*i]));
            pane.selected = pane.selected.min(pane.rows.len().saturating_sub(1));
        }
    }

    /// The search the panes are narrowed by, as typed, if any.
    pub fn filter_text(&self) -> Option<&str> {
        self.filter
            .as_ref()
            .map(|f| f.query.value())
            .filter(|q| !q.is_empty())
    }

    /// Each item's search text, built once per change.
    pub(super) fn build_haystacks(&mut self) {
        if self.haystacks.is_none() {
            self.haystacks = Some(self.snap.state.items.iter().map(search::haystack).collect());
        }
    }
}
