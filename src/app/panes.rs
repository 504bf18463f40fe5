//! The four panes, one per kind of item, each with its rows and selection.

use std::ops::{Index, IndexMut};

use crate::model::Kind;

/// One value for each kind, in `Kind::ALL` order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ByKind<T>([T; 4]);

impl<T> ByKind<T> {
    /// Each kind with its value.
    pub fn iter(&self) -> impl Iterator<Item = (Kind, &T)> {
        Kind::ALL.iter().copied().zip(self.0.iter())
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut T> {
        self.0.iter_mut()
    }
}

impl<T> Index<Kind> for ByKind<T> {
    type Output = T;
    fn index(&self, kind: Kind) -> &T {
        &self.0[kind.index()]
    }
}

impl<T> IndexMut<Kind> for ByKind<T> {
    fn index_mut(&mut self, kind: Kind) -> &mut T {
        &mut self.0[kind.index()]
    }
}

/// One pane's rows (indexes into the items) and its selection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaneView {
    /// Every row the pane shows without a filter, sorted.
    pub all: Vec<usize>,
    /// The rows shown: `all`, narrowed by the search when one applies.
    pub rows: Vec<usize>,
    pub selected: usize,
}

#[cfg(test)]
mod tests {
    use crate::app::testing::app;
    use crate::app::{Action, update};
    use crate::i18n::Lang;
    use crate::model::Kind;

    #[test]
    fn a_select_focuses_the_pane_picks_the_row_and_keeps_the_status_line() {
        let (_d, mut app) = app(Lang::En, true);
        app.say("saved");
        let rows = app.panes[Kind::Meeting].rows.len();
        assert!(rows > 2);
        update(
            &mut app,
            Action::Select {
                pane: Kind::Meeting,
                row: Some(2),
            },
        );
        assert_eq!(app.focus, Kind::Meeting);
        assert_eq!(app.panes[Kind::Meeting].selected, 2);
        assert!(app.status.is_some(), "a click is not a command");
        update(
            &mut app,
            Action::Select {
                pane: Kind::Meeting,
                row: Some(rows),
            },
        );
        assert_eq!(app.panes[Kind::Meeting].selected, 2, "no such row: kept");
        update(
            &mut app,
            Action::Select {
                pane: Kind::Document,
                row: None,
            },
        );
        assert_eq!(app.focus, Kind::Document);
    }

    #[test]
    fn bindable_actions_keep_their_config_names() {
        assert_eq!(
            "focus-2".parse::<Action>(),
            Ok(Action::Focus(Kind::Document))
        );
        assert_eq!(Action::Focus(Kind::Substitute).as_str(), "focus-4");
        for a in Action::ALL {
            assert_eq!(a.as_str().parse::<Action>(), Ok(*a));
        }
        assert!("select".parse::<Action>().is_err(), "the mouse's own");
    }

    #[test]
    fn tab_walks_the_panes_in_order_and_wraps() {
        let (_d, mut app) = app(Lang::En, false);
        let mut seen = vec![app.focus];
        for _ in 0..4 {
            update(&mut app, Action::NextPane);
            seen.push(app.focus);
        }
        assert_eq!(&seen[..4], Kind::ALL);
        assert_eq!(seen[4], Kind::Logistics);
        update(&mut app, Action::PrevPane);
        assert_eq!(app.focus, Kind::Substitute);
    }
}
